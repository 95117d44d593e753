import { useTranslation } from 'react-i18next';
import type { DashboardView, LevelLegend } from '../../../../core/schemas/risk-map.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { levelName, levelOf } from '../risk/risk-labels.ts';
import { ChartCard, DayAxis, YAxis, chartHeight, chartMargins, useChartFormat } from './chart-card.tsx';
import { bandSpan, bands, frameOf, linearScale, niceTicks, runs, stack } from './chart-geometry.ts';
import { levelTrendRows, trendLevels, type LevelTrendRow } from './level-trend-data.ts';
import { EmptyChart } from './notes.tsx';

/** The strip of the province's level above the bars: its height and the gap under it. */
const strip = { height: 10, gap: 8 };
const margins = { ...chartMargins, top: chartMargins.top + strip.height + strip.gap };

/**
 * The province's communes per computed level each day, stacked lowest level at the bottom in the
 * rule set's colours, under a strip of the province's computed level that day.
 */
export function LevelTrendChart({ view, legend }: { view: DashboardView; legend: LevelLegend | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cf = useChartFormat(fmt.lang);
  const levels = trendLevels(legend, view.levelTrend);
  const keys = levels.map((l) => l.key);
  const rows = levelTrendRows(view, levels);
  const name = (key: string | null) => (key === null ? t('common.empty') : levelName(levels, key, fmt.lang));
  const last = [...rows].reverse().find((d) => d.level !== null);
  const ariaLabel = last
    ? t('riskDashboard.levelTrend.aria', {
        from: fmt.date(view.from),
        to: fmt.date(view.to),
        day: fmt.date(last.day),
        counts: levels.map((l) => `${l.name[fmt.lang]}: ${fmt.number(last.counts[l.key] ?? 0)}`).join('; '),
        level: name(last.level),
      })
    : '';
  const columns: Column<LevelTrendRow>[] = [
    { key: 'day', header: t('riskDashboard.day'), render: (d) => fmt.date(d.day) },
    ...levels.map((l): Column<LevelTrendRow> => ({
      key: `level-${l.key}`,
      header: l.name[fmt.lang],
      numeric: true,
      render: (d) => fmt.number(d.counts[l.key] ?? 0),
    })),
    { key: 'total', header: t('riskDashboard.total'), numeric: true, render: (d) => fmt.number(d.total) },
    { key: 'province', header: t('riskDashboard.levelTrend.provinceLevel'), render: (d) => name(d.level) },
  ];
  const empty = last ? undefined : <EmptyChart text={t('riskDashboard.levelTrend.empty')} testId="level-trend-empty" />;
  const note = (
    <p className="muted small" data-testid="level-trend-note">
      {t('riskDashboard.levelTrend.note')}
    </p>
  );
  return (
    <ChartCard
      title={t('riskDashboard.levelTrend.title')}
      testId="level-trend"
      ariaLabel={ariaLabel}
      note={note}
      empty={empty}
      legend={levels.map((l) => ({ label: l.name[fmt.lang], colour: l.colour, mark: 'bar' }))}
      table={
        <DataTable
          testId="level-trend-table"
          caption={t('riskDashboard.levelTrend.title')}
          columns={columns}
          rows={rows}
          rowKey={(d) => d.day}
        />
      }
    >
      {(width) => {
        const frame = frameOf(width, chartHeight, margins);
        const ticks = niceTicks(0, Math.max(0, ...rows.map((d) => d.total)), 4, true);
        const y = linearScale([0, ticks[ticks.length - 1] ?? 1], [frame.bottom, frame.top]);
        const band = bands(rows.length, frame.left, frame.right, 0.15);
        const colour = (key: string) => levelOf(levels, key)?.colour ?? '#9ca3af';
        return (
          <>
            <YAxis frame={frame} y={y} ticks={ticks} format={fmt.number} />
            {rows.map((d, i) =>
              stack(d.counts, keys).map((s) =>
                s.y1 > s.y0 ? (
                  <rect
                    key={`${d.day}-${s.key}`}
                    x={band.x(i)}
                    width={band.barWidth}
                    y={y(s.y1)}
                    height={y(s.y0) - y(s.y1)}
                    fill={colour(s.key)}
                  />
                ) : null,
              ),
            )}
            <g data-testid="level-trend-strip">
              {runs(rows.map((d) => d.level)).map((r) => {
                if (r.value === null) return null;
                const span = bandSpan(band, r.start, r.end);
                return (
                  <rect
                    key={r.start}
                    x={span.x}
                    width={span.width}
                    y={chartMargins.top}
                    height={strip.height}
                    fill={colour(r.value)}
                    data-level-key={r.value}
                  />
                );
              })}
            </g>
            <DayAxis frame={frame} band={band} days={rows.map((d) => d.day)} format={cf.shortDay} />
          </>
        );
      }}
    </ChartCard>
  );
}
