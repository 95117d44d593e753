import { addDays, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { Platform } from '../main.ts';
import { systemActor } from '../shared/actor.ts';

/** Fixed keys: a second seed answers what the first recorded (every movement is once per client key). */
const key = (n: number) => `7c2e0d4a-1b3f-4e5a-9c6d-${String(n).padStart(12, '0')}`;

/**
 * The demo's means, forces and support (issue 18, "4 tại chỗ"): the provincial CDC store holds test
 * kits (one lot expiring within the month), masks and oxygen; it sent kits to Đoàn Kết, whose ward
 * store used some for screening and is below its level-3 minimum; Đoàn Kết and Bình Lư keep
 * rosters of their community COVID teams, medical staff and militia, and Đoàn Kết has asked the
 * province for two more medical staff. The province's Fatherland Front received a business's
 * donation and an anonymous one and has handed support to two households in lockdown.
 * ASSUMPTION: names, quantities and donors are fictitious.
 */
export async function seedDemoResources(p: Platform, province: string): Promise<void> {
  const s = p.services;
  const sys = systemActor('seed');
  const db = p.database.db;
  const unitId = async (code: string) =>
    (await db.selectFrom('reporting_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const [cdc, front, doanKet, binhLu] = await Promise.all(
    [`${province}-CDC`, `${province}-MTTQ`, '03388', '03390'].map(unitId),
  );
  const today = vietnamToday();
  const provinceStore = await s.resourceStock.createStore(sys, {
    clientKey: key(1),
    unitId: cdc!,
    name: 'Kho vật tư CDC tỉnh',
  });
  const wardStore = await s.resourceStock.createStore(sys, {
    clientKey: key(2),
    unitId: doanKet!,
    name: 'Kho Trạm Y tế phường Đoàn Kết',
  });
  const communeStore = await s.resourceStock.createStore(sys, {
    clientKey: key(3),
    unitId: binhLu!,
    name: 'Kho Trạm Y tế xã Bình Lư',
  });
  const m = s.resourceMovements;
  await m.receive(sys, provinceStore.id, {
    clientKey: key(10),
    item: 'rapid_antigen_kit',
    quantity: 1200,
    lot: 'AG-2611',
    expiresOn: addDays(today, 21),
    source: 'Bộ Y tế cấp',
  });
  await m.receive(sys, provinceStore.id, {
    clientKey: key(11),
    item: 'rapid_antigen_kit',
    quantity: 4000,
    lot: 'AG-2703',
    expiresOn: addDays(today, 180),
    source: 'Mua sắm tập trung',
  });
  await m.receive(sys, provinceStore.id, {
    clientKey: key(12),
    item: 'rt_pcr_kit',
    quantity: 2000,
    lot: 'PCR-2705',
    expiresOn: addDays(today, 160),
    source: 'Bộ Y tế cấp',
  });
  await m.receive(sys, provinceStore.id, {
    clientKey: key(13),
    item: 'medical_mask',
    quantity: 20000,
    source: 'Mua sắm tập trung',
  });
  await m.receive(sys, provinceStore.id, {
    clientKey: key(14),
    item: 'oxygen_cylinder',
    quantity: 40,
    source: 'Mua sắm tập trung',
  });
  await m.receive(sys, provinceStore.id, {
    clientKey: key(15),
    item: 'protective_suit',
    quantity: 1500,
    source: 'Ủng hộ của doanh nghiệp',
  });
  await m.transfer(sys, provinceStore.id, {
    clientKey: key(16),
    toStoreId: wardStore.id,
    item: 'rapid_antigen_kit',
    quantity: 300,
    note: 'Cấp cho phường Đoàn Kết',
  });
  await m.issue(sys, wardStore.id, {
    clientKey: key(17),
    item: 'rapid_antigen_kit',
    quantity: 120,
    purpose: 'Xét nghiệm sàng lọc chợ trung tâm',
  });
  await m.receive(sys, communeStore.id, {
    clientKey: key(18),
    item: 'medical_mask',
    quantity: 2000,
    source: 'Ngân sách xã',
  });
  await s.resourceStock.setMinimum(sys, wardStore.id, { item: 'rapid_antigen_kit', level: 3, minimum: 1000 });
  await s.resourceStock.setMinimum(sys, provinceStore.id, { item: 'rapid_antigen_kit', level: 3, minimum: 3000 });

  const roster: [number, string, string, string, string[]][] = [
    [30, doanKet!, 'community_covid_team', 'Lò Thị Hoa', ['lấy mẫu', 'tuyên truyền']],
    [31, doanKet!, 'community_covid_team', 'Nguyễn Văn Bình', ['giám sát cách ly tại nhà']],
    [32, doanKet!, 'community_covid_team', 'Tao Văn Minh', ['tuyên truyền']],
    [33, doanKet!, 'medical_staff', 'Bs. Đỗ Thị Thu', ['lấy mẫu', 'cấp cứu']],
    [34, doanKet!, 'militia', 'Vàng A Sử', ['chốt kiểm soát']],
    [35, binhLu!, 'community_covid_team', 'Lý Thị Mai', ['lấy mẫu']],
    [36, binhLu!, 'community_covid_team', 'Giàng A Páo', ['tuyên truyền']],
    [37, binhLu!, 'medical_staff', 'Ys. Lường Văn Tâm', ['lấy mẫu']],
  ];
  for (const [n, unit, kind, fullName, skills] of roster)
    await s.resourceForces.add(sys, {
      clientKey: key(n),
      unitId: unit,
      kind: kind as 'community_covid_team',
      fullName,
      phone: `09120001${String(n).padStart(2, '0')}`,
      skills,
      availability: 'standby',
    });
  await s.resourceForces.ask(sys, {
    clientKey: key(40),
    unitId: doanKet!,
    kind: 'medical_staff',
    count: 2,
    reason: 'Khu dân cư tổ 5 có F0: cần thêm người lấy mẫu diện rộng trong 3 ngày',
  });

  const gift = await s.resourceSupport.receive(sys, {
    clientKey: key(50),
    unitId: front!,
    donorKind: 'business',
    donorName: 'Công ty TNHH Chè Tam Đường (giả định)',
    form: 'cash',
    amount: 200_000_000,
    purpose: 'lockdown_households',
    receivedOn: addDays(today, -5),
  });
  await s.resourceSupport.receive(sys, {
    clientKey: key(51),
    unitId: front!,
    donorKind: 'anonymous',
    form: 'goods',
    amount: 500,
    goodsDescription: 'Gạo (bao 10 kg)',
    goodsUnit: 'bao',
    purpose: 'people_in_difficulty',
    receivedOn: addDays(today, -3),
  });
  for (const [n, name] of [
    [52, 'Hộ bà Lò Thị Xuân'],
    [53, 'Hộ ông Nguyễn Văn Tư'],
  ] as const)
    await s.resourceSupport.distribute(sys, gift.id, {
      clientKey: key(n),
      recipientKind: 'household_in_lockdown',
      recipientName: name,
      recipientAddress: 'Tổ 5, phường Đoàn Kết',
      locality: '03388',
      amount: 1_500_000,
      distributedOn: addDays(today, -1),
    });
}
