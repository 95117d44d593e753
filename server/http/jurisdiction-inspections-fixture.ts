import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { addDays, vietnamToday } from '../../core/vietnam-calendar.ts';
import { systemActor } from '../shared/actor.ts';
import type { TestPlatform } from '../testing/test-platform.ts';

export interface InspectionFixture {
  unitId: string;
  planId: string;
  targetId: string;
  visitId: string;
  visitKey: string;
  photoId: string;
  violationId: string;
  actionId: string;
}

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);

/**
 * A unit's inspection of a checkpoint of `communeCode`: a plan, an unfinished visit with a failure,
 * a photo, a violation of an individual and a corrective action, each naming `place` (so a leak of
 * the neighbour's shows in an answer). What the inspections routes are tried against.
 */
export async function inspectionIn(
  t: TestPlatform,
  o: { unitId: string; leaderUserId: string; communeCode: string; place: string },
): Promise<InspectionFixture> {
  const sys = systemActor('test');
  const s = t.platform.services;
  const today = vietnamToday();
  const plan = await s.inspections.create(sys, {
    clientKey: randomUUID(),
    unitId: o.unitId,
    title: `Kiểm tra chốt ${o.place}`,
    periodFrom: addDays(today, -5),
    periodTo: addDays(today, 5),
    leaderUserId: o.leaderUserId,
    memberUserIds: [],
    targets: [
      {
        kind: 'checkpoint',
        name: `Chốt ${o.place}`,
        localityCode: o.communeCode,
        checklist: 'border_checkpoint',
        scheduledOn: today,
      },
    ],
  });
  const visitKey = randomUUID();
  const visit = await s.inspectionVisits.submit(sys, {
    clientKey: visitKey,
    targetId: plan.targetList[0]!.id,
    startedAt: new Date().toISOString(),
    complete: false,
    findings: [{ itemKey: 'checks', result: 'fail', note: `Không kiểm tra người qua chốt ${o.place}` }],
    privateNote: `Ghi chú riêng ${o.place}`,
  });
  const photo = await s.inspectionVisits.attachPhoto(sys, visitKey, randomUUID(), JPEG, 'image/jpeg', 'checks');
  const violation = await s.violations.record(sys, {
    clientKey: randomUUID(),
    visitKey,
    itemKey: 'checks',
    articleCode: '12.4a',
    subject: { kind: 'individual', name: `Người qua chốt ${o.place}` },
    committedOn: today,
    description: `Trốn tránh kiểm tra tại chốt ${o.place}`,
  });
  const action = await s.inspectionFollowUp.requireAction(sys, {
    clientKey: randomUUID(),
    visitKey,
    description: `Lập sổ theo dõi người qua chốt ${o.place}`,
    responsiblePerson: `Trưởng chốt ${o.place}`,
    dueOn: addDays(today, 3),
  });
  return {
    unitId: o.unitId,
    planId: plan.id,
    targetId: plan.targetList[0]!.id,
    visitId: visit.view.id,
    visitKey,
    photoId: photo.id,
    violationId: violation.view.id,
    actionId: action.view.id,
  };
}

/** The neighbour's inspection is as recorded: one visit at version 1, one photo, no fine, the action open. */
export async function expectNeighbourInspectionUnchanged(t: TestPlatform, f: InspectionFixture): Promise<void> {
  const db = t.platform.database.db;
  const visits = await db
    .selectFrom('inspection_visits')
    .select(['id', 'version'])
    .where('plan_id', '=', f.planId)
    .execute();
  expect(visits).toEqual([{ id: f.visitId, version: 1 }]);
  expect(
    await db.selectFrom('inspection_photos').select('id').where('visit_id', '=', f.visitId).execute(),
  ).toHaveLength(1);
  const violations = await db
    .selectFrom('violation_records')
    .select(['fine_vnd', 'paid_on', 'publication_decision'])
    .where('visit_id', '=', f.visitId)
    .execute();
  expect(violations).toEqual([{ fine_vnd: null, paid_on: null, publication_decision: null }]);
  const actions = await db
    .selectFrom('corrective_actions')
    .select('status')
    .where('visit_id', '=', f.visitId)
    .execute();
  expect(actions).toEqual([{ status: 'open' }]);
}
