import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { vietnamToday } from '../../core/vietnam-calendar.ts';
import { systemActor } from '../shared/actor.ts';
import { BINH_LU, type TestPlatform } from '../testing/test-platform.ts';

export interface NeighbourResources {
  storeId: string;
  memberId: string;
  requestId: string;
  donationId: string;
}

/**
 * Bình Lư's store with gloves, a member of its community COVID team, its request for reinforcement,
 * and a donation it received with a household supported: what the resources routes are tried against.
 */
export async function resourcesIn(t: TestPlatform, binhLuUnitId: string): Promise<NeighbourResources> {
  const s = t.platform.services;
  const sys = systemActor('test');
  const store = await s.resourceStock.createStore(sys, {
    clientKey: randomUUID(),
    unitId: binhLuUnitId,
    name: 'Kho Bình Lư',
  });
  await s.resourceMovements.receive(sys, store.id, { clientKey: randomUUID(), item: 'gloves', quantity: 100 });
  const member = await s.resourceForces.add(sys, {
    clientKey: randomUUID(),
    unitId: binhLuUnitId,
    kind: 'community_covid_team',
    fullName: 'Tổ viên Bình Lư',
    skills: [],
    availability: 'standby',
  });
  const request = await s.resourceForces.ask(sys, {
    clientKey: randomUUID(),
    unitId: binhLuUnitId,
    kind: 'medical_staff',
    count: 2,
    reason: 'Ổ dịch Bình Lư',
  });
  const donation = await s.resourceSupport.receive(sys, {
    clientKey: randomUUID(),
    unitId: binhLuUnitId,
    donorKind: 'person',
    donorName: 'Nhà hảo tâm Bình Lư',
    form: 'cash',
    amount: 10_000_000,
    purpose: 'people_in_difficulty',
    receivedOn: vietnamToday(),
  });
  await s.resourceSupport.distribute(sys, donation.id, {
    clientKey: randomUUID(),
    recipientKind: 'person_in_difficulty',
    recipientName: 'Hộ nghèo Bình Lư',
    locality: BINH_LU,
    amount: 1_000_000,
    distributedOn: vietnamToday(),
  });
  return { storeId: store.id, memberId: member.id, requestId: request.id, donationId: donation.id };
}

/** Nothing of Bình Lư's stores, forces or donations changed. */
export async function expectNeighbourResourcesUnchanged(t: TestPlatform, n: NeighbourResources): Promise<void> {
  const db = t.platform.database.db;
  expect(
    await db.selectFrom('stock_balances').select(['item_code', 'quantity']).where('store_id', '=', n.storeId).execute(),
  ).toEqual([{ item_code: 'gloves', quantity: 100 }]);
  expect(await db.selectFrom('stock_minimums').select('item_code').execute()).toEqual([]);
  expect(
    await db
      .selectFrom('force_members')
      .select(['availability', 'serving_unit_id', 'home_unit_id'])
      .where('id', '=', n.memberId)
      .executeTakeFirst(),
  ).toMatchObject({
    availability: 'standby',
  });
  expect(await db.selectFrom('force_duties').select('id').execute()).toEqual([]);
  expect(await db.selectFrom('force_transfers').select('id').execute()).toEqual([]);
  expect(await db.selectFrom('reinforcement_requests').select(['status', 'assigned']).execute()).toEqual([
    { status: 'open', assigned: 0 },
  ]);
  expect(await db.selectFrom('donations').select(['distributed']).execute()).toEqual([{ distributed: '1000000' }]);
  expect(await db.selectFrom('support_distributions').select('id').execute()).toHaveLength(1);
  expect(await db.selectFrom('resource_stores').select('id').execute()).toHaveLength(1);
}
