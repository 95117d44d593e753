import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../shared/actor.ts';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.ts';
import { seedDemoOutbreak } from './demo-outbreak.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => t.close());

describe('the demo outbreak', () => {
  it('gives every module something to show: a traced case, confirmed contacts, a stay, capacity', async () => {
    expect(await seedDemoOutbreak(t.platform)).toEqual({ created: true });
    const sys = systemActor('test');
    const s = t.platform.services;
    const [theCase] = (await s.cases.list(sys, { limit: 5 })).items;
    expect(theCase).toMatchObject({ fullName: 'Lò Văn Thành', clusterCode: 'CHO-LC' });
    const contacts = (await s.tracing.listForCase(sys, theCase!.id, { limit: 50 })).items;
    // Three people overlapped at the market (one exactly 15 minutes), one lives in the same house;
    // the one who came after the case left is not proposed.
    expect(contacts.map((k) => k.fullName).sort()).toEqual(['Lò Thị Hoa', 'Nguyễn Văn Hải', 'Tòng Thị Mai', 'Vàng A Sử']);
    expect(contacts.filter((k) => k.status === 'confirmed').map((k) => k.fullName).sort()).toEqual(['Lò Thị Hoa', 'Nguyễn Văn Hải']);
    expect((await s.quarantine.list(sys, { limit: 5 })).items).toMatchObject([{ fullName: 'Nguyễn Văn Hải', room: '204', status: 'active' }]);
    const facilities = (await s.facilities.list(sys, { limit: 5 })).items;
    expect(facilities).toHaveLength(2);
    // The risk pages have an epidemic to show: a wave, coverage, a zone and a decided level.
    const map = await s.risk.map(sys, { province: '12' });
    expect(map.province.cases14d).toBeGreaterThan(10);
    expect(map.communes.filter((c) => c.inZone).map((c) => c.code)).toEqual(['03388']);
    expect(map.communes.find((c) => c.code === '03388')!.decidedLevel).not.toBeNull();
    expect((await s.riskPublic.map('12')).announced.map((d) => d.code)).toEqual(['03390']);
    expect((await s.riskDashboard.dashboard(sys, { province: '12', by: 'confirmed' })).rt.length).toBeGreaterThan(0);
    expect(await seedDemoOutbreak(t.platform)).toEqual({ created: false });
  });
});
