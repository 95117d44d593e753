import { useTranslation } from 'react-i18next';
import type { DashboardView } from '../../../../core/schemas/risk-map.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { ChartCard, DayAxis, YAxis, chartHeight, chartMargins, useChartFormat } from './chart-card.tsx';
import { areaPath, bands, frameOf, linePath, linearScale, niceTicks } from './chart-geometry.ts';
import { epiDays } from './epicurve-chart.tsx';
import { EmptyChart } from './notes.tsx';

const observedDays = 28;
const observedColour = '#94a3b8';
const projectionColour = '#b91c1c';

interface ProjectionRow {
  day: string;
  /** Local cases (community + found in quarantine): what the renewal equation projects. */
  observed: number | null;
  median: number | null;
  lower: number | null;
  upper: number | null;
}

/** The last 28 observed days and the projected ones, one row per day in order. */
export function projectionRows(view: DashboardView): ProjectionRow[] {
  const rows = new Map<string, ProjectionRow>();
  for (const d of epiDays(view).slice(-observedDays))
    rows.set(d.day, { day: d.day, observed: d.community + d.inQuarantine, median: null, lower: null, upper: null });
  for (const p of view.projection) rows.set(p.day, { observed: rows.get(p.day)?.observed ?? null, ...p });
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** 14-day projection: observed bars, projected median line and its 95% prediction band. */
export function ProjectionChart({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cf = useChartFormat(fmt.lang);
  const rows = projectionRows(view);
  const last = [...view.projection].sort((a, b) => a.day.localeCompare(b.day)).at(-1);
  const ariaLabel = last
    ? t('riskDashboard.projection.aria', {
        day: fmt.date(last.day),
        median: cf.decimal(last.median),
        lower: cf.decimal(last.lower),
        upper: cf.decimal(last.upper),
      })
    : '';
  const num = (v: number | null) => (v === null ? t('common.empty') : cf.decimal(v));
  const columns: Column<ProjectionRow>[] = [
    { key: 'day', header: t('riskDashboard.day'), render: (d) => fmt.date(d.day) },
    { key: 'observed', header: t('riskDashboard.projection.observed'), numeric: true, render: (d) => num(d.observed) },
    { key: 'median', header: t('riskDashboard.projection.median'), numeric: true, render: (d) => num(d.median) },
    { key: 'lower', header: t('riskDashboard.projection.lower'), numeric: true, render: (d) => num(d.lower) },
    { key: 'upper', header: t('riskDashboard.projection.upper'), numeric: true, render: (d) => num(d.upper) },
  ];
  const empty =
    view.projection.length === 0 ? (
      <EmptyChart text={t('riskDashboard.projection.empty')} testId="projection-empty" />
    ) : undefined;
  return (
    <ChartCard
      title={t('riskDashboard.projection.title')}
      testId="projection-chart"
      ariaLabel={ariaLabel}
      empty={empty}
      legend={[
        { label: t('riskDashboard.projection.observed'), colour: observedColour, mark: 'bar' },
        { label: t('riskDashboard.projection.median'), colour: projectionColour, mark: 'line' },
        { label: t('riskDashboard.projection.band'), colour: projectionColour, mark: 'band' },
      ]}
      table={
        <DataTable
          testId="projection-table"
          caption={t('riskDashboard.projection.title')}
          columns={columns}
          rows={rows}
          rowKey={(d) => d.day}
        />
      }
    >
      {(width) => {
        const frame = frameOf(width, chartHeight, chartMargins);
        const top = Math.max(1, ...rows.map((d) => Math.max(d.observed ?? 0, d.upper ?? 0)));
        const ticks = niceTicks(0, top, 4);
        const y = linearScale([0, ticks[ticks.length - 1] ?? top], [frame.bottom, frame.top]);
        const band = bands(rows.length, frame.left, frame.right, 0.2);
        const projected = rows.flatMap((d, i) => (d.median === null ? [] : [{ i, d }]));
        const at = (pick: (d: ProjectionRow) => number | null) =>
          projected.map(({ i, d }) => ({ x: band.center(i), y: y(pick(d) ?? 0) }));
        return (
          <>
            <YAxis frame={frame} y={y} ticks={ticks} format={cf.decimal} />
            {rows.map((d, i) =>
              d.observed ? (
                <rect
                  key={d.day}
                  x={band.x(i)}
                  width={band.barWidth}
                  y={y(d.observed)}
                  height={frame.bottom - y(d.observed)}
                  fill={observedColour}
                />
              ) : null,
            )}
            <path
              d={areaPath(
                at((d) => d.upper),
                at((d) => d.lower),
              )}
              fill={projectionColour}
              fillOpacity={0.18}
              stroke="none"
            />
            <path
              d={linePath(at((d) => d.median))}
              fill="none"
              stroke={projectionColour}
              strokeWidth={2.5}
              strokeLinejoin="round"
            />
            <DayAxis frame={frame} band={band} days={rows.map((d) => d.day)} format={cf.shortDay} />
          </>
        );
      }}
    </ChartCard>
  );
}
