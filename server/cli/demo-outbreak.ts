import { randomUUID } from 'node:crypto';
import { vietnamMidnight, addDays, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { PersonRef } from '../../core/schemas/cases.ts';
import type { Platform } from '../main.ts';
import { CasesRepository } from '../modules/cases/cases.repository.ts';
import { CheckinsRepository } from '../modules/checkins/checkins.repository.ts';
import { systemActor } from '../shared/actor.ts';
import { demoCccd, seedDemoRisk } from './demo-risk.ts';
import { registerCase } from '../commands/register-case.ts';

const DOAN_KET = '03388';
const TAN_PHONG = '03408';
const H = 3_600_000;

/** The demo's quarantine hotel and hospital: the demo facility staff account serves these two. */
const DEMO_HOTEL = 'Khách sạn Mường Thanh Lai Châu (cách ly)';
const DEMO_HOSPITAL = 'Bệnh viện Đa khoa tỉnh Lai Châu';

/** People of the demo: invented names (CCCD numbers from `demoCccd`). */
const demoPeople: [string, number, 'male' | 'female', string][] = [
  ['Lò Văn Thành', 1984, 'male', 'Tổ 3, phường Đoàn Kết'],
  ['Lò Thị Hoa', 1987, 'female', 'Tổ 3, phường Đoàn Kết'],
  ['Nguyễn Văn Hải', 1979, 'male', 'Tổ 8, phường Đoàn Kết'],
  ['Tòng Thị Mai', 1992, 'female', 'Bản Cang, phường Đoàn Kết'],
  ['Vàng A Sử', 1990, 'male', 'Tổ 12, phường Đoàn Kết'],
  ['Phạm Thị Lan', 1975, 'female', 'Tổ 1, phường Đoàn Kết'],
];


/**
 * A small outbreak in the demo province, so every module has something to show on first start:
 * a hotel and a hospital with capacity, a market cluster, one confirmed case whose market visit
 * yesterday made four people overlap with them (tracing proposes them; two are confirmed, one is
 * in the hotel) and a household member. Written through the services, as an official would.
 * Runs once: a database that has any case is left alone.
 */
export async function seedDemoOutbreak(p: Platform): Promise<{ created: boolean }> {
  const s = p.services;
  const sys = systemActor('demo');
  // Asked of the table, not through the service: a demo restart is not an official reading the case list.
  if (await new CasesRepository().anyExists(p.database.db)) return { created: false };
  const people = await p.database.db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (const [i, [fullName, birthYear, gender, addressLine]] of demoPeople.entries()) {
      const subject: PersonRef = { person: { idType: 'cccd', idNumber: demoCccd(i, birthYear, gender), fullName, birthYear, gender, nationality: 'VN', communeCode: DOAN_KET, addressLine } };
      ids.push((await s.peopleRegistry.resolve(trx, sys, subject, 'demo')).id);
    }
    return ids;
  });
  const hotel = await s.facilities.create(sys, {
    name: DEMO_HOTEL, kind: 'hotel', communeCode: DOAN_KET, addressLine: 'Đường Trần Hưng Đạo, phường Đoàn Kết',
    capacity: { quarantine_place: 40 }, occupancyAlertPercent: 80,
  });
  await s.facilities.create(sys, {
    name: DEMO_HOSPITAL, kind: 'hospital', communeCode: TAN_PHONG, addressLine: 'Đường 58m, phường Tân Phong',
    capacity: { regular_bed: 80, oxygen_bed: 20, icu_bed: 6, negative_pressure_room: 4 }, occupancyAlertPercent: 80,
  });
  const venue = await s.venues.register(sys, {
    organisationName: 'Ban Quản lý chợ Lai Châu', name: 'Chợ trung tâm Lai Châu', type: 'market', addressLine: 'Đường Trần Phú, phường Đoàn Kết',
    communeCode: DOAN_KET, contactPhone: '0912000111', gatePolicy: 'open',
  });
  await s.venues.decide(sys, venue.id, { decision: 'approve' });
  // Yesterday at the market (Viet Nam time): the case from 8:00 to 9:00, four others overlapping.
  const yesterday = vietnamMidnight(addDays(vietnamToday(), -1)).getTime();
  const visits: [number, number, number | null][] = [[0, 8, 9], [2, 8.25, 9.5], [3, 8.5, null], [4, 8.75, 9], [5, 10, 11]];
  await new CheckinsRepository().insertPast(p.database.db, visits.map(([who, from, to]) => ({
    venueId: venue.id, personId: people[who]!, from: new Date(yesterday + from * H), to: to === null ? null : new Date(yesterday + to * H), communeCode: DOAN_KET,
  })));
  const cluster = await s.clusters.create(sys, { code: 'CHO-LC', name: 'Ổ dịch chợ trung tâm Lai Châu', localityCode: DOAN_KET });
  const theCase = await registerCase(s, sys, {
    clientKey: randomUUID(), subject: { personId: people[0]! }, onsetDate: vietnamToday(), sampleDate: vietnamToday(), confirmedDate: vietnamToday(),
    classification: 'community', sourceCaseIds: [], clusterId: cluster.id, profileCode: 'covid19_2020', treatmentPlace: DEMO_HOSPITAL,
  });
  const proposed = (await s.tracing.listForCase(sys, theCase.id, { limit: 50 })).items;
  const confirm = proposed.filter((k) => k.personId === people[1] || k.personId === people[2]);
  for (const k of confirm) await s.tracing.decide(sys, k.id, { decision: 'confirm' });
  const hai = confirm.find((k) => k.personId === people[2]);
  if (hai) {
    await s.quarantine.admit(sys, {
      clientKey: randomUUID(), subject: { personId: hai.personId }, reason: 'f1', facilityId: hotel.id, vaccinatedOrRecovered: false, contactId: hai.id, room: '204',
    });
  }
  await seedDemoRisk(p, '12', { wave: [DOAN_KET, TAN_PHONG, '03390'], zone: DOAN_KET });
  return { created: true };
}

/** The ids of the demo's hotel and hospital (none before the demo outbreak is seeded). */
export async function demoFacilityIds(p: Platform): Promise<string[]> {
  const { items } = await p.services.facilities.list(systemActor('demo'), { locality: '12', limit: 100 });
  return items.filter((f) => f.name === DEMO_HOTEL || f.name === DEMO_HOSPITAL).map((f) => f.id);
}
