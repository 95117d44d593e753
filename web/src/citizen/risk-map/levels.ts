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

/** Black or white text, whichever reads better on a `#rrggbb` background (WCAG luminance). */
export function textOn(hex: string): '#111' | '#fff' {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#111';
  const lin = (h: string) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1]!) + 0.7152 * lin(m[2]!) + 0.0722 * lin(m[3]!);
  // Contrast with #111 (L≈0.0056) against contrast with white.
  return (l + 0.05) / 0.0556 >= 1.05 / (l + 0.05) ? '#111' : '#fff';
}

export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(intlLocale(lang));
}
