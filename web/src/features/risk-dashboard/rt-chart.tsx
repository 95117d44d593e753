import { useTranslation } from 'react-i18next';
import type { DashboardView } from '../../../../core/schemas/risk-map.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { ChartCard, DayAxis, YAxis, chartHeight, chartMargins, useChartFormat } from './chart-card.tsx';
import { areaPath, bands, frameOf, linePath, linearScale, niceTicks } from './chart-geometry.ts';
import { EmptyChart } from './notes.tsx';

type RtDay = DashboardView['rt'][number];
const rtColour = '#1d4ed8';
const thresholdColour = '#111827';

/** Rt over time: the posterior mean, its 95% credible band, and a dashed line at R = 1. */
export function RtChart({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cf = useChartFormat(fmt.lang);
  const rows = [...view.rt].sort((a, b) => a.day.localeCompare(b.day));
  const last = rows[rows.length - 1];
  const ariaLabel = last
    ? t('riskDashboard.rt.aria', {
        from: fmt.date(rows[0]?.day),
        to: fmt.date(last.day),
        mean: cf.decimal(last.mean),
        lower: cf.decimal(last.lower),
        upper: cf.decimal(last.upper),
      })
    : '';
  const columns: Column<RtDay>[] = [
    { key: 'day', header: t('riskDashboard.day'), render: (d) => fmt.date(d.day) },
    { key: 'mean', header: t('riskDashboard.rt.mean'), numeric: true, render: (d) => cf.decimal(d.mean) },
    { key: 'median', header: t('riskDashboard.rt.median'), numeric: true, render: (d) => cf.decimal(d.median) },
    { key: 'lower', header: t('riskDashboard.rt.lower'), numeric: true, render: (d) => cf.decimal(d.lower) },
    { key: 'upper', header: t('riskDashboard.rt.upper'), numeric: true, render: (d) => cf.decimal(d.upper) },
  ];
  const empty = rows.length === 0 ? <EmptyChart text={t('riskDashboard.rt.empty')} testId="rt-empty" /> : undefined;
  return (
    <ChartCard
      title={t('riskDashboard.rt.title')}
      testId="rt-chart"
      ariaLabel={ariaLabel}
      empty={empty}
      legend={[
        { label: t('riskDashboard.rt.mean'), colour: rtColour, mark: 'line' },
        { label: t('riskDashboard.rt.band'), colour: rtColour, mark: 'band' },
        { label: t('riskDashboard.rt.threshold'), colour: thresholdColour, mark: 'dashed' },
      ]}
      table={
        <DataTable
          testId="rt-table"
          caption={t('riskDashboard.rt.title')}
          columns={columns}
          rows={rows}
          rowKey={(d) => d.day}
        />
      }
    >
      {(width) => {
        const frame = frameOf(width, chartHeight, chartMargins);
        const top = Math.max(1.5, ...rows.map((d) => d.upper));
        const ticks = niceTicks(0, top, 4);
        const y = linearScale([0, ticks[ticks.length - 1] ?? top], [frame.bottom, frame.top]);
        const band = bands(rows.length, frame.left, frame.right, 0);
        // Clamped to the axis: a bound below 0 or above the top would leave the plotting area.
        const at = (pick: (d: RtDay) => number) =>
          rows.map((d, i) => ({ x: band.center(i), y: y(Math.min(Math.max(pick(d), 0), top)) }));
        return (
          <>
            <YAxis frame={frame} y={y} ticks={ticks} format={cf.decimal} />
            <path
              d={areaPath(
                at((d) => d.upper),
                at((d) => d.lower),
              )}
              fill={rtColour}
              fillOpacity={0.2}
              stroke="none"
            />
            <line
              x1={frame.left}
              x2={frame.right}
              y1={y(1)}
              y2={y(1)}
              stroke={thresholdColour}
              strokeWidth={1.5}
              strokeDasharray="6 4"
              data-testid="rt-threshold"
            />
            <path
              d={linePath(at((d) => d.mean))}
              fill="none"
              stroke={rtColour}
              strokeWidth={2.5}
              strokeLinejoin="round"
            />
            {rows.length === 1 && <circle cx={band.center(0)} cy={y(rows[0]?.mean ?? 0)} r={3.5} fill={rtColour} />}
            <DayAxis frame={frame} band={band} days={rows.map((d) => d.day)} format={cf.shortDay} />
          </>
        );
      }}
    </ChartCard>
  );
}
