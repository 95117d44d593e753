import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { systemActor } from '../shared/actor.ts';
import type { TestPlatform } from '../testing/test-platform.ts';

/**
 * A unit's response plan (issue 18) the plans routes are tried against: version 1 approved, with a
 * section and a task at every level, opened for the level decided for its commune; version 2
 * submitted; its steering committee with one member. Names carry the unit's commune (Bình Lư in the
 * jurisdiction walk), so a leak shows in an answer.
 */
export async function planIn(t: TestPlatform, unitId: string, communeCode: string, label: string) {
  const s = t.platform.services;
  const sys = systemActor('test');
  const sections = (task: string) =>
    [1, 2, 3, 4].map((n) => ({
      levelKey: `level_${n}`,
      ownMeasures: [`Biện pháp riêng ${label}`],
      tasks: [{ title: `${task} ${label}`, responsibleUnitId: unitId, dueAfterHours: 24 }],
      requirements: [{ kind: 'item' as const, code: 'rapid_antigen_kit', quantity: 100 }],
    }));
  const v1 = await s.plans.save(sys, unitId, { clientKey: randomUUID(), sections: sections('Lập chốt') });
  await s.plans.submit(sys, v1.id);
  await s.plans.review(sys, v1.id, { decision: 'approve' });
  const v2 = await s.plans.save(sys, unitId, { clientKey: randomUUID(), sections: sections('Rà soát') });
  await s.plans.submit(sys, v2.id);
  await s.committees.putMembers(sys, unitId, {
    members: [{ fullName: `Trưởng ban ${label}`, role: 'head', phone: '0912000009' }],
  });
  await s.planActivation.applyLevel(communeCode, new Date());
  const activation = (await s.planActivation.list(sys, unitId, true)).items[0];
  return { unitId, versionId: v2.id, taskId: activation?.tasks[0]?.id ?? randomUUID() };
}

/** The neighbour's plan is as it was: two versions (the second still submitted), one member, tasks open. */
export async function expectNeighbourPlanUnchanged(t: TestPlatform, unitId: string): Promise<void> {
  const db = t.platform.database.db;
  const versions = await db
    .selectFrom('response_plans')
    .select(['version', 'status'])
    .where('unit_id', '=', unitId)
    .execute();
  expect(versions.map((v) => `${v.version}:${v.status}`).sort()).toEqual(['1:approved', '2:submitted']);
  const view = await t.platform.services.committees.get(systemActor('test'), unitId);
  expect(view.state).toBe('normal');
  expect(view.members).toHaveLength(1);
  const activations = await t.platform.services.planActivation.list(systemActor('test'), unitId, false);
  expect(activations.items.flatMap((a) => a.tasks).every((x) => x.standing !== 'done')).toBe(true);
}
