import { randomUUID } from 'node:crypto';
import { addDays, DAY_MS, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { Platform } from '../main.ts';
import { systemActor } from '../shared/actor.ts';
import { registerCase } from '../commands/register-case.ts';

const families = ['Lò', 'Tòng', 'Vàng', 'Điêu', 'Quàng', 'Nguyễn', 'Trần', 'Lường'];
const given = ['Văn Minh', 'Thị Xuân', 'A Páo', 'Thị Hương', 'Văn Chung', 'Thị Dung', 'Văn Tùng', 'Thị Nga', 'A Chư', 'Văn Bình'];

/** A structurally valid CCCD of Lai Châu (012) for demo person `i`: century-and-gender digit, year, serial. */
export function demoCccd(i: number, birthYear: number, gender: 'male' | 'female'): string {
  const century = (birthYear >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
  return `012${century}${String(birthYear % 100).padStart(2, '0')}${String(900_100 + i).padStart(6, '0')}`;
}

/** Deterministic in the unit code, so a demo looks the same on every machine. */
const spread = (code: string, lo: number, hi: number) => lo + ([...code].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 997, 7) % (hi - lo + 1));

/**
 * The demo province's epidemic of the last six weeks, so the risk map, the dashboard and the public
 * page have something to show: a wave in three communes (ending yesterday, so today's traced case
 * stays the newest), imported vaccination coverage for every commune, a contained area around the
 * market, the steering committee's approval of one level and a raise of another commune one level
 * up, announced on the public page during its notice. Invented people; run once with the demo
 * outbreak.
 */
export async function seedDemoRisk(p: Platform, province: string, communes: { wave: string[]; zone: string }): Promise<void> {
  const s = p.services;
  const sys = systemActor('demo');
  const today = vietnamToday();
  let n = 0;
  for (const [w, commune] of communes.wave.entries()) {
    for (let d = 40; d >= 1; d--) {
      // A wave peaking three weeks ago in the first commune, later and smaller in the others.
      const peak = 21 - w * 6;
      const perDay = Math.max(0, Math.round((4 - w) * Math.exp(-((d - peak) ** 2) / 60)));
      for (let k = 0; k < perDay; k++) {
        n += 1;
        const birthYear = 1950 + (n * 7) % 55;
        const gender = n % 2 ? 'male' : 'female';
        const fullName = `${families[n % families.length]} ${given[(n * 3) % given.length]}`;
        await registerCase(s, sys, {
          clientKey: randomUUID(), sampleDate: addDays(today, -d - 1), confirmedDate: addDays(today, -d), onsetDate: addDays(today, -d - 2),
          classification: n % 9 === 0 ? 'in_quarantine' : 'community', sourceCaseIds: [],
          subject: { person: { idType: 'cccd', idNumber: demoCccd(50_000 + n, birthYear, gender), fullName, birthYear, gender, nationality: 'VN', communeCode: commune } },
          localityCode: commune,
        });
      }
    }
  }
  const units = await p.database.db.selectFrom('localities').select('code').where('province_code', '=', province).where('level', '=', 'commune').execute();
  await s.vaccination.importRows(sys, units.map((u) => ({ commune: u.code, asOf: addDays(today, -7), adults1Dose: spread(u.code, 88, 99), adultsFull: spread(u.code, 62, 92), highRisk: spread(u.code, 80, 98) })));
  await s.zones.create(sys, {
    name: 'Khoanh vùng khu vực chợ trung tâm', kind: 'khoanh_vung', communeCodes: [communes.zone], startsAt: new Date(Date.now() - 3 * DAY_MS).toISOString(),
    measures: ['Xét nghiệm toàn bộ tiểu thương', 'Tạm dừng họp chợ 7 ngày'], decisionRef: '125/QĐ-UBND', clientKey: randomUUID(),
  });
  await s.riskDecisions.decide(sys, { locality: communes.zone });
  const raised = communes.wave[communes.wave.length - 1]!;
  const levels = (await s.ruleSets.active(s.db)).levels;
  const computed = (await s.risk.evaluate(sys, { locality: raised })).level.key;
  const next = levels[levels.findIndex((l) => l.key === computed) + 1];
  if (next) await s.riskDecisions.decide(sys, { locality: raised, levelKey: next.key, reason: 'Giáp ranh ổ dịch chợ trung tâm, nhiều người qua lại' });
}
