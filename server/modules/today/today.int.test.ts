import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { PersonRef } from '../../../core/schemas/cases.ts';
import { systemActor } from '../../shared/actor.ts';
import { personRef } from '../../testing/factories.ts';
import { BINH_LU, createTestPlatform, DOAN_KET, LAI_CHAU, type TestPlatform } from '../../testing/test-platform.ts';
import { registerCase } from '../../commands/register-case.ts';

let t: TestPlatform;
const today = vietnamToday();
const sys = systemActor('test');
const someone = (name: string): PersonRef => personRef(name, { birthYear: 1970 });

beforeAll(async () => {
  t = await createTestPlatform();
  const { tracing, quarantine } = t.platform.services;
  const c = await registerCase(t.platform.services, sys, {
    clientKey: randomUUID(),
    subject: someone('Ca F0'),
    sampleDate: today,
    confirmedDate: today,
    classification: 'community',
    sourceCaseIds: [],
  });
  await tracing.declare(sys, c.id, { subject: someone('Chờ xác nhận') });
  const confirmed = await tracing.declare(sys, c.id, { subject: someone('Đã xác nhận') });
  await tracing.decide(sys, confirmed.id, { decision: 'confirm' });
  const db = t.platform.database.db;
  const place = await db.selectFrom('localities').select('path').where('code', '=', DOAN_KET).executeTakeFirstOrThrow();
  const f = await db
    .insertInto('facilities')
    .values({
      name: 'Khu cách ly Đoàn Kết',
      kind: 'concentrated',
      locality_code: DOAN_KET,
      locality_path: place.path,
      address_line: 'Tổ 1',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('facility_capacity')
    .values({ facility_id: f.id, kind: 'quarantine_place', capacity: 1 })
    .execute();
  // Started 20 days ago: its 14 days are over (release due, overdue) and its tests were never taken.
  await quarantine.admit(sys, {
    clientKey: randomUUID(),
    subject: someone('Quá hạn ra'),
    reason: 'arrival',
    facilityId: f.id,
    startsOn: addDays(today, -20),
    vaccinatedOrRecovered: false,
  });
});
afterAll(async () => t.close());

const group = (work: { groups: { kind: string }[] }, kind: string) => work.groups.find((g) => g.kind === kind);

describe("today's work", () => {
  it('gathers what the health department must do in its area, oldest first, overdue flagged', async () => {
    const cdc = await t.signIn('health_department', LAI_CHAU);
    const work = (await cdc.get('/api/today')).json();
    expect(work.date).toBe(today);
    expect(group(work, 'contacts_to_decide')).toMatchObject({ count: 1, items: [{ label: 'Chờ xác nhận (F1)' }] });
    expect(group(work, 'quarantine_to_arrange')).toMatchObject({
      count: 1,
      items: [{ label: 'Đã xác nhận', dueOn: today, overdue: false }],
    });
    expect(group(work, 'releases_due')).toMatchObject({
      count: 1,
      overdue: 1,
      items: [{ label: 'Quá hạn ra', dueOn: addDays(today, -6), overdue: true }],
    });
    expect(group(work, 'tests_due')).toMatchObject({ count: 2, overdue: 2 });
    expect(group(work, 'missing_reports')).toMatchObject({ count: 1 });
    // The one quarantine place is taken: at 100% of it, over the 80% threshold.
    expect(group(work, 'capacity_alerts')).toMatchObject({ count: 1, items: [{ label: 'Khu cách ly Đoàn Kết' }] });
  });

  it('shows a steering committee the capacity alerts and the levels to decide, and a neighbour commune nothing of this one', async () => {
    // One community case among 2,000 people this week: 50 per 100,000, above level 1 under Decision 218.
    await t.platform.database.db
      .updateTable('localities')
      .set({ population: 2000 })
      .where('code', '=', DOAN_KET)
      .execute();
    const bcd = await t.signIn('steering_committee', LAI_CHAU);
    const work = (await bcd.get('/api/today')).json();
    expect(work.groups.map((g: { kind: string }) => g.kind)).toEqual([
      'capacity_alerts',
      'levels_to_decide',
      'overdue_actions',
      // Empty outside a federation (issue 21): a federated province's unacknowledged national directives.
      'national_directives',
    ]);
    // No level decided anywhere: a commune the rules put above the lowest level awaits a decision.
    const levels = group(work, 'levels_to_decide') as unknown as {
      count: number;
      items: { id: string; label: string; link: string }[];
    };
    const computed = (await bcd.get(`/api/risk/map?province=${LAI_CHAU}`))
      .json()
      .communes.filter((c: { computedLevel: string }) => c.computedLevel !== 'level_1');
    expect(levels.count).toBe(computed.length);
    expect(levels.items[0]).toMatchObject({ id: DOAN_KET, label: 'Phường Đoàn Kết: Cấp 2 — Nguy cơ trung bình' });
    expect(levels.items.every((i) => i.link === '/risk' && i.label.includes(': Cấp'))).toBe(true);
    const neighbour = await t.signIn('commune_officer', BINH_LU);
    const theirs = (await neighbour.get('/api/today')).json();
    expect(theirs.groups.every((g: { count: number }) => g.count === 0)).toBe(true);
  });
});
