import type { LevelLegend } from '../../../../core/schemas/risk-map.ts';
import type { RiskIndicator } from '../../../../core/schemas/risk-rule-set.ts';
import type { Lang } from '../../i18n/index.ts';

/**
 * Codes and small helpers of the risk page. The lists mirror core/schemas (the compiler checks the
 * element types); the schema's arrays are not imported, which would pull zod into the page.
 */
/** Every indicator of core/schemas/risk-rule-set.ts, in display order: the compiler asks for a new one here. */
const indicatorOrder: Record<RiskIndicator, true> = {
  community_cases_7d_per_100k: true,
  community_cases_14d_per_100k: true,
  community_cases_7d: true,
  community_cases_14d: true,
  community_case_known_source_14d: true,
  community_case_unknown_source_14d: true,
  tests_7d: true,
  test_positivity_7d: true,
  quarantine_cases_7d: true,
  imported_cases_7d: true,
  people_in_quarantine: true,
  bed_occupancy: true,
  vaccine_coverage_1dose_adults: true,
  vaccine_coverage_full_adults: true,
  vaccine_coverage_high_risk: true,
  treatment_capacity_met: true,
};
export const riskIndicatorKeys = Object.keys(indicatorOrder) as RiskIndicator[];
export const isRiskIndicator = (v: string): v is RiskIndicator => Object.hasOwn(indicatorOrder, v);

export type ZoneKind = 'khoanh_vung' | 'phong_toa';
export const zoneKinds: readonly ZoneKind[] = ['khoanh_vung', 'phong_toa'];
export const isZoneKind = (v: string): v is ZoneKind => (zoneKinds as readonly string[]).includes(v);

export type Level = LevelLegend[number];

/** The legend entry of a level key (undefined for a key the rule set does not have). */
export const levelOf = (levels: LevelLegend, key: string | null | undefined): Level | undefined =>
  key ? levels.find((l) => l.key === key) : undefined;

/** "Cấp độ 3: Nguy cơ cao" in the current language, or the raw key. */
export function levelName(levels: LevelLegend, key: string | null | undefined, lang: Lang): string {
  const l = levelOf(levels, key);
  return l ? l.name[lang] : (key ?? '');
}

/** The province of a locality: the first two digits of its code (null for the country). */
export function provinceOfCode(code: string | null | undefined): string | null {
  return code && /^\d{2}/.test(code) ? code.slice(0, 2) : null;
}

/** Percentages from the server may carry many decimals: one is enough on screen. */
export const round1 = (n: number) => Math.round(n * 10) / 10;

export { inkOn } from '../../../../core/ink-on.ts';

/** One measure per line → the list the server wants (blank lines dropped). */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The closed ring of a drawn polygon, GeoJSON order ([lng, lat]), first corner repeated. */
export function closedRing(corners: readonly (readonly [number, number])[]): [number, number][] {
  const ring = corners.map(([lat, lng]) => [lng, lat] as [number, number]);
  const first = ring[0];
  return first ? [...ring, [first[0], first[1]]] : ring;
}
