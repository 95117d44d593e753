import { randomUUID } from 'node:crypto';
import { admitToBed } from '../commands/case-care.ts';
import { addDays, vietnamMidnight, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { PersonRef } from '../../core/schemas/cases.ts';
import type { Platform } from '../main.ts';
import { CasesRepository } from '../modules/cases/cases.repository.ts';
import { CheckinsRepository } from '../modules/checkins/checkins.repository.ts';
import { registerCase } from '../commands/register-case.ts';
import { systemActor } from '../shared/actor.ts';
import { seedDemoExposure } from './demo-exposure.ts';
import { demoIdentity, type DemoPerson } from './demo-people.ts';
import { seedDemoQuarantine } from './demo-quarantine.ts';
import { seedDemoRisk } from './demo-risk.ts';
import { DEMO_MARKET_BOARD, seedDemoWorkplaces } from './demo-workplaces.ts';
import { seedDemoWorkforce } from './demo-workforce.ts';
import { DEMO_PROFILE, registerDemoWave } from './demo-wave.ts';
import { demoWavePlan, type WaveCommune } from './demo-wave-plan.ts';

const DOAN_KET = '03388';
const TAN_PHONG = '03408';
/** Borders both wards. */
const SIN_SUOI_HO = '03394';
const H = 3_600_000;

/** Where the wave runs: the market's ward, its neighbour, and a commune bordering both. */
export const demoWaveCommunes: readonly WaveCommune[] = [
  { code: DOAN_KET, role: 'market' },
  { code: TAN_PHONG, role: 'neighbour' },
  { code: SIN_SUOI_HO, role: 'border' },
];

/** The demo's quarantine hotel and hospital: the demo facility staff account serves these two. */
const DEMO_HOTEL = 'Khách sạn Mường Thanh Lai Châu (cách ly)';
const DEMO_HOSPITAL = 'Bệnh viện Đa khoa tỉnh Lai Châu';

/** Today's story: a trader, his household, people at the market yesterday, and a trader's household. */
const people: [DemoPerson, string][] = [
  [{ fullName: 'Lò Văn Thành', birthYear: 1984, gender: 'male', serial: 0 }, 'Tổ 3, phường Đoàn Kết'],
  [{ fullName: 'Lò Thị Hoa', birthYear: 1987, gender: 'female', serial: 1 }, 'Tổ 3, phường Đoàn Kết'],
  [{ fullName: 'Nguyễn Văn Hải', birthYear: 1979, gender: 'male', serial: 2 }, 'Tổ 8, phường Đoàn Kết'],
  [{ fullName: 'Tòng Thị Mai', birthYear: 1992, gender: 'female', serial: 3 }, 'Bản Cang, phường Đoàn Kết'],
  [{ fullName: 'Vàng A Sử', birthYear: 1990, gender: 'male', serial: 4 }, 'Tổ 12, phường Đoàn Kết'],
  [{ fullName: 'Phạm Thị Lan', birthYear: 1975, gender: 'female', serial: 5 }, 'Tổ 1, phường Đoàn Kết'],
  [{ fullName: 'Đỗ Thị Thu', birthYear: 1982, gender: 'female', serial: 6 }, 'Tổ 8, phường Đoàn Kết'],
  [{ fullName: 'Nguyễn Minh Khang', birthYear: 2012, gender: 'male', serial: 7 }, 'Tổ 8, phường Đoàn Kết'],
  [{ fullName: 'Lường Văn Phúc', birthYear: 1970, gender: 'male', serial: 8 }, 'Tổ 15, phường Đoàn Kết'],
];
const [THANH, HOA, HAI, MAI, SU, LAN, PHUC] = [0, 1, 2, 3, 4, 5, 8] as const;

/**
 * The demo's outbreak, told the same way by every module and written through the services as the
 * officials did it. About four and a half weeks ago a trader of the central market of phường Đoàn
 * Kết fell ill; the market cluster spread among traders and customers, a customer carried it to a
 * residential group of phường Tân Phong (a cluster of its own), and relatives to xã Sin Suối Hồ
 * (see `demo-wave-plan.ts`): every case was treated at the provincial hospital, most are home, one
 * died, the recent ones are in its beds. F1s named in interviews are in the quarantine hotel with
 * their tests (`demo-quarantine.ts`). Today, the traders' weekly screening found Lò Văn Thành, who
 * was at the market yesterday: four people overlapped with him there or live with him; the
 * investigator confirmed two (Hải is now in the hotel); Hải's F2s are his household and the trader
 * who stood next to him after Thành had left (confirmed).
 * His market stays are in the exposure feed, one marked by the investigator; Lan, at the market after
 * him, self-reported a positive rapid test and published her check-in, pending (`demo-exposure.ts`).
 * The market board and the workplaces around it assessed their COVID safety (`demo-workplaces.ts`);
 * the board's staff were checked at the market gate this morning, one refused (`demo-workforce.ts`).
 * The risk levels follow (`demo-risk.ts`). Runs once: a database that has any case is left alone.
 */
export async function seedDemoOutbreak(p: Platform): Promise<{ created: boolean }> {
  const s = p.services;
  const sys = systemActor('demo');
  // Asked of the table, not through the service: a demo restart is not an official reading the case list.
  if (await new CasesRepository().anyExists(p.database.db)) return { created: false };
  const ids = await p.database.db.transaction().execute(async (trx) => {
    const out: string[] = [];
    for (const [person, addressLine] of people) {
      const subject: PersonRef = { person: demoIdentity(person, DOAN_KET, addressLine) };
      out.push((await s.peopleRegistry.resolve(trx, sys, subject, 'demo')).id);
    }
    return out;
  });
  const hotel = await s.facilities.create(sys, {
    name: DEMO_HOTEL,
    kind: 'hotel',
    communeCode: DOAN_KET,
    addressLine: 'Đường Trần Hưng Đạo, phường Đoàn Kết',
    capacity: { quarantine_place: 40 },
    occupancyAlertPercent: 80,
  });
  const hospital = await s.facilities.create(sys, {
    name: DEMO_HOSPITAL,
    kind: 'hospital',
    communeCode: TAN_PHONG,
    addressLine: 'Đường 58m, phường Tân Phong',
    capacity: { regular_bed: 80, oxygen_bed: 20, icu_bed: 6, negative_pressure_room: 4 },
    occupancyAlertPercent: 80,
  });
  const venue = await s.venues.register(sys, {
    organisationName: DEMO_MARKET_BOARD,
    name: 'Chợ trung tâm Lai Châu',
    type: 'market',
    addressLine: 'Đường Trần Phú, phường Đoàn Kết',
    communeCode: DOAN_KET,
    contactPhone: '0912000111',
    gatePolicy: 'open',
  });
  await s.venues.decide(sys, venue.id, { decision: 'approve' });
  const market = await s.clusters.create(sys, {
    code: 'CHO-LC',
    name: 'Ổ dịch chợ trung tâm Lai Châu',
    localityCode: DOAN_KET,
  });
  const residential = await s.clusters.create(sys, {
    code: 'TP-TDP5',
    name: 'Ổ dịch tổ dân phố số 5, phường Tân Phong',
    localityCode: TAN_PHONG,
    notes: 'Ca đầu tiên là khách mua hàng tại chợ trung tâm Lai Châu',
  });

  const today = vietnamToday();
  const plan = demoWavePlan(demoWaveCommunes, Number(today.slice(0, 4)));
  const caseIds = await registerDemoWave(p, {
    plan,
    clusterIds: { market: market.id, residential: residential.id },
    hospital: { id: hospital.id, name: DEMO_HOSPITAL },
  });
  await seedDemoQuarantine(p, { plan, caseIds, hotelId: hotel.id });

  // Yesterday at the market (Viet Nam time): Thành from 8:00 to 9:00, three others overlapping, Phúc
  // at the stall next to Hải's after Thành had left, Lan later still.
  const yesterday = vietnamMidnight(addDays(today, -1)).getTime();
  const visits: [number, number, number | null][] = [
    [THANH, 8, 9],
    [HAI, 8.25, 9.5],
    [MAI, 8.5, null],
    [SU, 8.75, 9],
    [PHUC, 9.1, 9.6],
    [LAN, 10, 11],
  ];
  await new CheckinsRepository().insertPast(
    p.database.db,
    visits.map(([who, from, to]) => ({
      venueId: venue.id,
      personId: ids[who]!,
      from: new Date(yesterday + from * H),
      to: to === null ? null : new Date(yesterday + to * H),
      communeCode: DOAN_KET,
    })),
  );
  // The trader who infected him: the market cluster's latest case before today.
  const source = plan.filter((c) => c.cluster === 'market').at(-1)!;
  const thanh = await registerCase(s, sys, {
    clientKey: randomUUID(),
    subject: { personId: ids[THANH]! },
    onsetDate: today,
    sampleDate: today,
    confirmedDate: today,
    isolatedAt: new Date().toISOString(),
    classification: 'community',
    sourceCaseIds: [caseIds[source.index]!],
    clusterId: market.id,
    profileCode: DEMO_PROFILE,
    treatmentPlace: DEMO_HOSPITAL,
    notes: 'Phát hiện qua đợt xét nghiệm tiểu thương hằng tuần tại chợ trung tâm',
  });
  await admitToBed(s, sys, { caseId: thanh.id, facilityId: hospital.id, bedKind: 'regular_bed' });
  const proposed = (await s.tracing.listForCase(sys, thanh.id, { limit: 50 })).items;
  for (const k of proposed.filter((x) => x.personId === ids[HOA] || x.personId === ids[HAI]))
    await s.tracing.decide(sys, k.id, { decision: 'confirm' });
  const hai = (await s.tracing.listForCase(sys, thanh.id, { limit: 50, status: 'confirmed' })).items.find(
    (k) => k.personId === ids[HAI],
  );
  if (hai) {
    await s.quarantine.admit(sys, {
      clientKey: randomUUID(),
      subject: { personId: hai.personId },
      reason: 'f1',
      facilityId: hotel.id,
      vaccinatedOrRecovered: false,
      contactId: hai.id,
      room: '204',
    });
  }
  // Hải's F2s, proposed when he was confirmed: the trader next to him is confirmed; his wife and son
  // (his household) await review.
  const f2 = (await s.tracing.listForCase(sys, thanh.id, { limit: 50, level: 2 })).items.find(
    (k) => k.personId === ids[PHUC],
  );
  if (f2) await s.tracing.decide(sys, f2.id, { decision: 'confirm', note: 'Bán hàng ở quầy bên cạnh anh Hải' });
  await seedDemoExposure(p, {
    venueId: venue.id,
    caseId: thanh.id,
    thanh: ids[THANH]!,
    lan: ids[LAN]!,
    mai: ids[MAI]!,
    communeCode: DOAN_KET,
  });
  await seedDemoWorkplaces(p, { doanKet: DOAN_KET, tanPhong: TAN_PHONG });
  await seedDemoWorkforce(p, venue.id);
  await seedDemoRisk(p, '12', {
    zone: DOAN_KET,
    raised: TAN_PHONG,
    zoneSinceDaysAgo: 24,
    // Traders who come and go have fewer second doses; a highland commune reaches fewer of its elderly.
    lagging: { [DOAN_KET]: { adultsFull: 71 }, [SIN_SUOI_HO]: { highRisk: 86 } },
  });
  return { created: true };
}

/** The ids of the demo's hotel and hospital (none before the demo outbreak is seeded). */
export async function demoFacilityIds(p: Platform): Promise<string[]> {
  const { items } = await p.services.facilities.list(systemActor('demo'), { locality: '12', limit: 100 });
  return items.filter((f) => f.name === DEMO_HOTEL || f.name === DEMO_HOSPITAL).map((f) => f.id);
}
