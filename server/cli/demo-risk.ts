import { randomUUID } from 'node:crypto';
import { addDays, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { Platform } from '../main.ts';
import { systemActor } from '../shared/actor.ts';
import { vietnamTime } from './demo-wave.ts';

/** Deterministic in the unit code, so a demo looks the same on every machine. */
const spread = (code: string, lo: number, hi: number) =>
  lo + ([...code].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 997, 7) % (hi - lo + 1));

export interface DemoRiskAreas {
  /** The commune of the market: contained since the cluster was recognised. */
  zone: string;
  /** Its neighbour, raised one level above its computed one by the steering committee. */
  raised: string;
  /** When the containment started (days ago, at 7 in the morning). */
  zoneSinceDaysAgo: number;
  /** Communes whose coverage lags the targets of the rule set (75% of adults fully vaccinated, 90% of high-risk groups). */
  lagging: Record<string, { adultsFull?: number; highRisk?: number }>;
}

/**
 * What the province's officials decided about the wave, so the risk map, the dashboard and the
 * public page have something to show: imported vaccination coverage for every commune (on target
 * but for the `lagging` ones, so the map's colours come from the wave and those), a contained
 * area around the market, the steering committee's approval of the market commune's level and a
 * raise of a bordering commune one level up, announced on the public page during its notice.
 */
export async function seedDemoRisk(p: Platform, province: string, areas: DemoRiskAreas): Promise<void> {
  const s = p.services;
  const sys = systemActor('demo');
  const today = vietnamToday();
  const units = await p.database.db
    .selectFrom('localities')
    .select('code')
    .where('province_code', '=', province)
    .where('level', '=', 'commune')
    .execute();
  await s.vaccination.importRows(
    sys,
    units.map((u) => ({
      commune: u.code,
      asOf: addDays(today, -7),
      adults1Dose: spread(u.code, 90, 99),
      adultsFull: spread(u.code, 76, 95),
      highRisk: spread(u.code, 90, 99),
      ...areas.lagging[u.code],
    })),
  );
  await s.zones.create(sys, {
    name: 'Khoanh vùng khu vực chợ trung tâm',
    kind: 'khoanh_vung',
    communeCodes: [areas.zone],
    startsAt: vietnamTime(addDays(today, -areas.zoneSinceDaysAgo), 7).toISOString(),
    measures: [
      'Xét nghiệm toàn bộ tiểu thương 7 ngày một lần',
      'Chợ chỉ họp từ 6 đến 11 giờ; quét mã QR khi vào chợ, giãn cách các quầy hàng',
    ],
    decisionRef: '125/QĐ-UBND',
    clientKey: randomUUID(),
  });
  // The province's committee signs its acts; the zone's was 125/QĐ-UBND, the levels follow it.
  const act = {
    signerName: 'Lò Văn Thành',
    signerCapacity: 'vice_chair',
    localBasis: 'Kế hoạch số 349/KH-UBND ngày 13 tháng 5 năm 2021 của Ủy ban nhân dân tỉnh Lai Châu',
  } as const;
  await s.riskDecisions.decide(sys, { locality: areas.zone, documentNumber: 126, ...act });
  const levels = (await s.ruleSets.active(s.db)).levels;
  const computed = (await s.risk.evaluate(sys, { locality: areas.raised })).level.key;
  const next = levels[levels.findIndex((l) => l.key === computed) + 1];
  if (next)
    await s.riskDecisions.decide(sys, {
      locality: areas.raised,
      levelKey: next.key,
      reason: 'Ổ dịch tổ dân phố số 5 đang hoạt động; giáp ranh ổ dịch chợ trung tâm, nhiều người dân qua lại',
      documentNumber: 127,
      ...act,
    });
}
