import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserView } from '../../core/schemas/users.ts';
import { systemActor } from '../shared/actor.ts';
import { personRef } from '../testing/factories.ts';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.ts';
import { seedDemoOutbreak } from './demo-outbreak.ts';
import { seedDemo } from './seed.ts';

let t: TestPlatform;
let dataDir: string;
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'phongdich-demo-'));
  t = await createTestPlatform({ dataDir });
});
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('the demo outbreak', () => {
  it('gives every module something to show: a traced case, confirmed F1s and F2s, a stay, capacity', async () => {
    expect(await seedDemoOutbreak(t.platform)).toEqual({ created: true });
    const sys = systemActor('test');
    const s = t.platform.services;
    const [theCase] = (await s.cases.list(sys, { limit: 5 })).items;
    expect(theCase).toMatchObject({ fullName: 'Lò Văn Thành', clusterCode: 'CHO-LC' });
    const contacts = (await s.tracing.listForCase(sys, theCase!.id, { limit: 50 })).items;
    const f1 = contacts.filter((k) => k.level === 1);
    // Three people overlapped at the market (one exactly 15 minutes), one lives in the same house;
    // the one who came after the case left is not proposed.
    expect(f1.map((k) => k.fullName).sort()).toEqual(['Lò Thị Hoa', 'Nguyễn Văn Hải', 'Tòng Thị Mai', 'Vàng A Sử']);
    expect(
      f1
        .filter((k) => k.status === 'confirmed')
        .map((k) => k.fullName)
        .sort(),
    ).toEqual(['Lò Thị Hoa', 'Nguyễn Văn Hải']);
    // Hải's F2s: his household (to review) and the trader next to him after the case had left (confirmed).
    const f2 = contacts.filter((k) => k.level === 2);
    expect(f2.map((k) => [k.fullName, k.status, k.viaName, k.household]).sort()).toEqual([
      ['Lường Văn Phúc', 'confirmed', 'Nguyễn Văn Hải', false],
      ['Nguyễn Minh Khang', 'proposed', 'Nguyễn Văn Hải', true],
      ['Đỗ Thị Thu', 'proposed', 'Nguyễn Văn Hải', true],
    ]);
    // Only Hoa lives with the case.
    expect(f1.filter((k) => k.household).map((k) => k.fullName)).toEqual(['Lò Thị Hoa']);
    const stays = (await s.quarantineRegister.list(sys, { limit: 50 })).items;
    expect(stays.filter((a) => a.fullName === 'Nguyễn Văn Hải')).toMatchObject([{ room: '204', status: 'active' }]);
    const facilities = (await s.facilities.list(sys, { limit: 5 })).items;
    expect(facilities).toHaveLength(2);
    // The risk pages have an epidemic to show: a wave, coverage, a zone and a decided level.
    const map = await s.risk.map(sys, { province: '12' });
    expect(map.province.cases14d).toBeGreaterThan(10);
    expect(map.communes.filter((c) => c.inZone).map((c) => c.code)).toEqual(['03388']);
    expect(map.communes.find((c) => c.code === '03388')!.decidedLevel).not.toBeNull();
    expect((await s.riskPublic.map('12')).announced.map((d) => d.code)).toEqual(['03408']);
    expect((await s.riskDashboard.dashboard(sys, { province: '12', by: 'confirmed' })).rt.length).toBeGreaterThan(0);
    expect(await seedDemoOutbreak(t.platform)).toEqual({ created: false });
    // Seeds the whole outbreak: a time limit for a loaded machine, not a measurement.
  }, 120_000);

  it('binds the demo facility staff account to the demo hotel and hospital: it does not see every stay of the province', async () => {
    const { accounts } = await seedDemo(t.platform);
    const demo = accounts!.find((a) => a.role === 'facility_staff')!;
    const staff = await t.login(demo.username, demo.password);
    const me = (await t.platform.services.users.list(systemActor('test'), { q: demo.username, limit: 10 })).items.find(
      (u: UserView) => u.username === demo.username,
    )!;
    expect(me.facilityIds).toHaveLength(2);
    const sys = systemActor('test');
    const elsewhere = await t.platform.services.facilities.create(sys, {
      name: 'Khu cách ly tập trung Tân Phong',
      kind: 'concentrated',
      communeCode: '03408',
      addressLine: 'Phường Tân Phong',
      capacity: { quarantine_place: 10 },
      occupancyAlertPercent: 80,
    });
    await t.platform.services.quarantine.admit(sys, {
      clientKey: randomUUID(),
      subject: personRef('Lê Thị Nơi Khác', { communeCode: '03408' }),
      reason: 'f1',
      facilityId: elsewhere.id,
      vaccinatedOrRecovered: false,
    });
    const names = (await staff.get('/api/quarantine/admissions?limit=100'))
      .json<{ items: { fullName: string }[] }>()
      .items.map((a) => a.fullName);
    const hotel = (await t.platform.services.facilities.list(sys, { limit: 5 })).items.find((f) => f.kind === 'hotel')!;
    const hotelResidents = (
      await t.platform.services.quarantineRegister.list(sys, { facilityId: hotel.id, limit: 100 })
    ).items.map((a) => a.fullName);
    expect(hotelResidents).toContain('Nguyễn Văn Hải');
    expect(names.sort()).toEqual(hotelResidents.sort());
    const cdcAccount = accounts!.find((a) => a.username === 'cdc')!;
    const cdc = await t.login('cdc', cdcAccount.password, { totpSecret: cdcAccount.totp!.secret });
    const everyone = (await cdc.get('/api/quarantine/admissions?limit=100'))
      .json<{ items: { fullName: string }[] }>()
      .items.map((a) => a.fullName);
    // The province also holds the border story's people, handed over to the border quarantine area.
    const borderArea = (await t.platform.services.facilities.list(sys, { limit: 20 })).items.find(
      (f) => f.name === 'Khu cách ly tập trung Đồn Biên phòng Ma Lù Thàng',
    )!;
    const borderResidents = (
      await t.platform.services.quarantineRegister.list(sys, { facilityId: borderArea.id, limit: 100 })
    ).items.map((a) => a.fullName);
    expect(borderResidents.length).toBeGreaterThan(0);
    expect(everyone.sort()).toEqual([...hotelResidents, ...borderResidents, 'Lê Thị Nơi Khác'].sort());
  });
});
