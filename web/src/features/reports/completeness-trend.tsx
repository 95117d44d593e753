import { useTranslation } from 'react-i18next';
import type { CompletenessView } from '../../../../core/schemas/reports.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { ChartCard, DayAxis, YAxis, chartHeight, chartMargins, useChartFormat } from '../risk-dashboard/chart-card.tsx';
import { bands, frameOf, linearScale, niceTicks, stack } from '../risk-dashboard/chart-geometry.ts';
import '../risk-dashboard/risk-dashboard.css';

type Week = CompletenessView['trend'][number];
const parts = ['onTime', 'late', 'missing'] as const;
/** The same colours as the communes' map. */
export const stateColours = { onTime: '#15803d', late: '#d97706', missing: '#cbd5e1' } as const;

/** Expected units per period, split into on time, late and missing: the last 12 periods, oldest first. */
export function CompletenessTrend({ trend }: { trend: CompletenessView['trend'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cf = useChartFormat(fmt.lang);
  const last = trend.at(-1);
  const rate = (v: number | null) => (v === null ? t('common.empty') : `${Math.round(v)} %`);
  const columns: Column<Week>[] = [
    { key: 'from', header: t('reports.weekOf'), render: (w) => fmt.date(w.period.from) },
    { key: 'expected', header: t('reports.expected'), numeric: true, render: (w) => fmt.number(w.totals.expected) },
    { key: 'onTime', header: t('reports.onTime'), numeric: true, render: (w) => fmt.number(w.totals.onTime) },
    { key: 'late', header: t('reports.late'), numeric: true, render: (w) => fmt.number(w.totals.late) },
    { key: 'missing', header: t('reports.missing'), numeric: true, render: (w) => fmt.number(w.totals.missing) },
    {
      key: 'timeliness',
      header: t('reports.timelinessRate'),
      numeric: true,
      render: (w) => rate(w.totals.timelinessRate),
    },
  ];
  return (
    <ChartCard
      title={t('reports.trendTitle')}
      testId="completeness-trend"
      ariaLabel={
        last
          ? t('reports.trendAria', {
              from: fmt.date(trend[0]?.period.from),
              to: fmt.date(last.period.to),
              rate: rate(last.totals.timelinessRate),
            })
          : ''
      }
      legend={parts.map((p) => ({ label: t(`reports.${p}`), colour: stateColours[p], mark: 'bar' as const }))}
      table={
        <DataTable
          testId="completeness-trend-table"
          caption={t('reports.trendTitle')}
          columns={columns}
          rows={trend}
          rowKey={(w) => w.period.id}
        />
      }
    >
      {(width) => {
        const frame = frameOf(width, chartHeight, chartMargins);
        const top = Math.max(1, ...trend.map((w) => w.totals.expected));
        const ticks = niceTicks(0, top, 4, true);
        const y = linearScale([0, ticks.at(-1) ?? top], [frame.bottom, frame.top]);
        const band = bands(trend.length, frame.left, frame.right);
        return (
          <>
            <YAxis frame={frame} y={y} ticks={ticks} format={(v) => fmt.number(v)} />
            {trend.map((w, i) =>
              stack(w.totals, parts).map((s) =>
                s.y1 > s.y0 ? (
                  <rect
                    key={`${w.period.id}-${s.key}`}
                    x={band.x(i)}
                    width={band.barWidth}
                    y={y(s.y1)}
                    height={y(s.y0) - y(s.y1)}
                    fill={stateColours[s.key]}
                  />
                ) : null,
              ),
            )}
            <DayAxis frame={frame} band={band} days={trend.map((w) => w.period.from)} format={cf.shortDay} />
          </>
        );
      }}
    </ChartCard>
  );
}
