import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import { useT } from '../i18n/index.ts';
import { formatCount, noDataColour, type Legend, type Level, type PublicCommune } from './levels.ts';
import type { SvgMap } from './svg-paths.ts';

/** Communes drawn per task: a task stays short on a cheap phone, whatever the province's size. */
const PATHS_PER_TASK = 40;

/**
 * How many of `total` items to show: none at first, then `step` more in each following task
 * (a timer, so the browser paints and answers taps in between), until all are shown.
 */
function useProgressive(total: number, step: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown >= total) return;
    const timer = setTimeout(() => setShown((n) => Math.min(total, n + step)), 0);
    return () => clearTimeout(timer);
  }, [shown, total, step]);
  return Math.min(shown, total);
}

/**
 * The choropleth: one `<path class="commune" data-code data-level fill>` per commune, no map
 * library. One tap handler on the `<svg>` (not one per commune); the chosen commune is outlined
 * by a second path drawn on top. The table under the map is the same data for screen readers.
 * The empty `<svg>` (its size already fixed by the viewBox) comes with the rest of the page; the
 * paths follow in tasks of their own, so no single task of the page's first render is long.
 */
export function RiskMapSvg(props: {
  map: SvgMap;
  legend: Legend;
  communes: readonly PublicCommune[];
  selected: string | null;
  onSelect: (code: string | null) => void;
  label: string;
}) {
  const { map, legend, communes, selected, onSelect } = props;
  // Built again only when the data change: not on a tap or a change of language.
  const shapes = useMemo(() => {
    const colours = new Map(legend.map((l) => [l.key, l.colour]));
    const levels = new Map(communes.map((c) => [c.code, c.level]));
    return map.paths.map((p) => {
      const level = levels.get(p.code) ?? '';
      return (
        <path
          key={p.code}
          className="commune"
          data-code={p.code}
          data-level={level}
          fill={colours.get(level) ?? noDataColour}
          d={p.d}
        />
      );
    });
  }, [map, legend, communes]);
  const drawn = useProgressive(shapes.length, PATHS_PER_TASK);
  const outline = selected ? map.paths.find((p) => p.code === selected) : undefined;
  const pick = (e: MouseEvent<SVGSVGElement>) => {
    const code = (e.target as Element).closest?.('[data-code]')?.getAttribute('data-code');
    if (code) onSelect(code === selected ? null : code);
  };
  return (
    <svg
      className="risk-map"
      viewBox={map.viewBox}
      role="img"
      aria-label={props.label}
      onClick={pick}
      data-testid="risk-map-svg"
    >
      {drawn < shapes.length ? shapes.slice(0, drawn) : shapes}
      {outline && <path className="commune-selected" d={outline.d} />}
    </svg>
  );
}

/** What a tap on a commune shows: its name, level and cases (never anyone's identity). */
export function CommuneInfo(props: {
  commune: PublicCommune | undefined;
  /** The name from the boundaries, for a commune drawn but without data. */
  name: string | undefined;
  level: (key: string) => Level;
}) {
  const { commune, name, level } = props;
  const t = useT();
  if (!commune && name) {
    return (
      <div className="risk-commune" aria-live="polite" data-testid="risk-map-commune">
        <p className="strong">{name}</p>
        <p>{t('riskMap.noData')}</p>
      </div>
    );
  }
  if (!commune) {
    return (
      <p className="hint" aria-live="polite" data-testid="risk-map-hint">
        {t('riskMap.tapHint')}
      </p>
    );
  }
  const l = level(commune.level);
  return (
    <div className="risk-commune" aria-live="polite" data-testid="risk-map-commune" data-code={commune.code}>
      <p className="strong">{commune.name}</p>
      <p>
        <span className="swatch" style={{ background: l.colour }} aria-hidden="true" /> {l.name}
      </p>
      <p>{t('riskMap.cases7d', { n: formatCount(commune.cases7d, t.lang) })}</p>
      <p>{t('riskMap.cases14d', { n: formatCount(commune.cases14d, t.lang) })}</p>
      {commune.inZone && <p className="strong">{t('riskMap.inZone')}</p>}
    </div>
  );
}
