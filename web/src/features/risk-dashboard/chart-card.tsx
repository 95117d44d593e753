import { useCallback, useMemo, useState, type ReactNode, type RefCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDayMonth } from '../../../../core/display-dates.ts';
import { intlLocale, type Lang } from '../../i18n/index.ts';
import type { Bands, Frame, Scale } from './chart-geometry.ts';
import { labelIndices } from './chart-geometry.ts';

/** Shared parts of the dashboard's SVG charts: the card with legend and table toggle, the axes. */

export const chartHeight = 240;
export const chartMargins = { top: 12, right: 20, bottom: 28, left: 44 };

/**
 * The element's width in CSS pixels, following resizes (charts redraw at the new width). A callback
 * ref, so the observer follows the box when it appears after an empty state.
 */
function useElementWidth(fallback: number): [RefCallback<HTMLDivElement>, number] {
  const [width, setWidth] = useState(fallback);
  const ref = useCallback((el: HTMLDivElement | null) => {
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export type LegendMark = 'bar' | 'line' | 'band' | 'dashed';
export interface LegendItem {
  label: string;
  colour: string;
  mark: LegendMark;
}

function Swatch({ colour, mark }: { colour: string; mark: LegendMark }) {
  return (
    <svg className="chart-swatch" width="18" height="12" aria-hidden="true" focusable="false">
      {mark === 'bar' && <rect x="3" y="1" width="12" height="10" fill={colour} />}
      {mark === 'band' && <rect x="1" y="2" width="16" height="8" fill={colour} opacity="0.25" />}
      {mark === 'line' && <line x1="1" y1="6" x2="17" y2="6" stroke={colour} strokeWidth="2.5" />}
      {mark === 'dashed' && (
        <line x1="1" y1="6" x2="17" y2="6" stroke={colour} strokeWidth="1.5" strokeDasharray="4 3" />
      )}
    </svg>
  );
}

export interface ChartCardProps {
  title: string;
  testId: string;
  /** What the chart shows, in words (the SVG's accessible name). */
  ariaLabel: string;
  legend: readonly LegendItem[];
  /** Shown under the title (notes, imputation). */
  note?: ReactNode;
  /** Instead of the chart when there is nothing to draw. */
  empty?: ReactNode;
  /** The numbers behind the chart. */
  table: ReactNode;
  children(width: number): ReactNode;
}

/** A chart card: title, legend, an `role="img"` SVG as wide as the card, and a "Show table" toggle. */
export function ChartCard(p: ChartCardProps) {
  const { t } = useTranslation();
  const [ref, width] = useElementWidth(640);
  const [showTable, setShowTable] = useState(false);
  return (
    <section className="card chart-card" data-testid={p.testId}>
      <h3>{p.title}</h3>
      {p.note}
      {p.empty ?? (
        <>
          <ul className="chart-legend">
            {p.legend.map((l) => (
              <li key={l.label}>
                <Swatch colour={l.colour} mark={l.mark} />
                {l.label}
              </li>
            ))}
          </ul>
          <div ref={ref} className="chart-box">
            <svg
              role="img"
              aria-label={p.ariaLabel}
              width={width}
              height={chartHeight}
              viewBox={`0 0 ${width} ${chartHeight}`}
              data-testid={`${p.testId}-svg`}
            >
              {p.children(width)}
            </svg>
          </div>
          <button
            type="button"
            className="link-button"
            aria-expanded={showTable}
            onClick={() => setShowTable((s) => !s)}
            data-testid={`${p.testId}-table-toggle`}
          >
            {showTable ? t('riskDashboard.hideTable') : t('riskDashboard.showTable')}
          </button>
          {showTable && p.table}
        </>
      )}
    </section>
  );
}

/** Horizontal grid lines with their values on the left. */
export function YAxis({
  frame,
  y,
  ticks,
  format,
}: {
  frame: Frame;
  y: Scale;
  ticks: readonly number[];
  format(v: number): string;
}) {
  return (
    <g className="chart-axis" aria-hidden="true">
      {ticks.map((v) => (
        <g key={v}>
          <line x1={frame.left} x2={frame.right} y1={y(v)} y2={y(v)} className="chart-grid" />
          <text x={frame.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
            {format(v)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Day labels under the bands, spaced so they never overlap. */
export function DayAxis({
  frame,
  band,
  days,
  format,
}: {
  frame: Frame;
  band: Bands;
  days: readonly string[];
  format(day: string): string;
}) {
  return (
    <g className="chart-axis" aria-hidden="true">
      <line x1={frame.left} x2={frame.right} y1={frame.bottom} y2={frame.bottom} className="chart-baseline" />
      {labelIndices(days.length, band.step).map((i) => (
        <text key={days[i]} x={band.center(i)} y={frame.bottom + 16} textAnchor="middle">
          {format(days[i] ?? '')}
        </text>
      ))}
    </g>
  );
}

export interface ChartFormat {
  /** "05/03" or "05 Mar": a day on an axis. */
  shortDay(day: string): string;
  /** Up to two decimals (Rt, projections). */
  decimal(v: number): string;
}

/** Axis and table formats in the interface language. */
export function useChartFormat(lang: Lang): ChartFormat {
  return useMemo(() => {
    const locale = intlLocale(lang);
    const dec = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    return {
      shortDay: (d) => formatDayMonth(d, lang),
      decimal: (v) => dec.format(v),
    };
  }, [lang]);
}
