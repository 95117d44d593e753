export { formatDay } from '../format.ts';
import type { PublicRiskMapView } from '../../../../core/schemas/risk-map.ts';
import { intlLocale, type Lang } from '../i18n/index.ts';

/**
 * Levels of the public map, from the rule set's legend (lowest first): a level key gives its
 * colour, its name in the reader's language and its rank. A key the legend lacks (or a commune
 * without data) is drawn grey and named by its key.
 */
export type Legend = PublicRiskMapView['ruleSet']['levels'];
export type PublicCommune = PublicRiskMapView['communes'][number];

export interface Level {
  key: string;
  colour: string;
  name: string;
  /** Position in the legend, 0 the lowest; -1 unknown. */
  rank: number;
}

export const noDataColour = '#d1d5db';

export function levelLookup(legend: Legend, lang: Lang): (key: string) => Level {
  const byKey = new Map(
    legend.map((l, rank) => [l.key, { key: l.key, colour: l.colour, name: l.name[lang] || l.name.vi, rank }]),
  );
  return (key) => byKey.get(key) ?? { key, colour: noDataColour, name: key, rank: -1 };
}

/** The table's order: highest level first, then by name as Vietnamese sorts it. */
export function sortCommunes(communes: readonly PublicCommune[], rank: (key: string) => number): PublicCommune[] {
  const collator = new Intl.Collator('vi');
  return [...communes].sort((a, b) => rank(b.level) - rank(a.level) || collator.compare(a.name, b.name));
}

export { inkOn as textOn } from '../../../../core/ink-on.ts';

/**
 * A count as `toLocaleString` writes it ("1.234" / "1,234"), grouped by hand for whole numbers:
 * the first `Intl` number format of a page loads the locale's data, a long task on a cheap phone.
 */
export function formatCount(n: number, lang: Lang): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString(intlLocale(lang));
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, lang === 'vi' ? '.' : ',');
  return n < 0 ? `-${digits}` : digits;
}
