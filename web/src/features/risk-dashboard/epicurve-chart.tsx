import { useTranslation } from 'react-i18next';
import type { DashboardView } from '../../../../core/schemas/risk-map.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { classificationColours } from '../chains/colours.ts';
import { ChartCard, DayAxis, YAxis, chartHeight, chartMargins, useChartFormat } from './chart-card.tsx';
import { bands, dayList, frameOf, linearScale, niceTicks, stack } from './chart-geometry.ts';

export type EpiDay = DashboardView['epicurve'][number];
export const epiKinds = ['community', 'inQuarantine', 'imported'] as const;
export type EpiKind = (typeof epiKinds)[number];
export const epiColours: Record<EpiKind, string> = {
  community: classificationColours.community,
  inQuarantine: classificationColours.in_quarantine,
  imported: classificationColours.imported,
};

export const epiTotal = (d: EpiDay) => d.community + d.inQuarantine + d.imported;

/** Every day of the view's period (days the server left out count zero cases), in order. */
export function epiDays(view: Pick<DashboardView, 'from' | 'to' | 'epicurve'>): EpiDay[] {
  const byDay = new Map(view.epicurve.map((d) => [d.day, d]));
  const days = view.from <= view.to ? dayList(view.from, view.to) : [];
  const all = days.length > 0 ? days : [...byDay.keys()].sort();
  return all.map((day) => byDay.get(day) ?? { day, community: 0, inQuarantine: 0, imported: 0 });
}

/** Daily cases, stacked community / in quarantine / imported. */
export function EpicurveChart({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cf = useChartFormat(fmt.lang);
  const rows = epiDays(view);
  const totals = rows.map(epiTotal);
  const total = totals.reduce((a, b) => a + b, 0);
  const peak = Math.max(0, ...totals);
  const peakDay = rows[totals.indexOf(peak)]?.day ?? view.to;
  const period = { from: fmt.date(view.from), to: fmt.date(view.to) };
  const ariaLabel =
    total > 0
      ? t('riskDashboard.epicurve.aria', { ...period, total, peak, peakDay: fmt.date(peakDay) })
      : t('riskDashboard.epicurve.ariaEmpty', period);
  const columns: Column<EpiDay>[] = [
    { key: 'day', header: t('riskDashboard.day'), render: (d) => fmt.date(d.day) },
    ...epiKinds.map((k): Column<EpiDay> => ({
      key: k,
      header: t(`riskDashboard.kind.${k}`),
      numeric: true,
      render: (d) => fmt.number(d[k]),
    })),
    { key: 'total', header: t('riskDashboard.total'), numeric: true, render: (d) => fmt.number(epiTotal(d)) },
  ];
  const note =
    view.by === 'onset' && view.onsetImputed > 0 ? (
      <p className="muted small" data-testid="epicurve-onset-imputed">
        {t('riskDashboard.epicurve.onsetImputed', { count: view.onsetImputed })}
      </p>
    ) : undefined;
  return (
    <ChartCard
      title={t('riskDashboard.epicurve.title')}
      testId="epicurve"
      ariaLabel={ariaLabel}
      note={note}
      legend={epiKinds.map((k) => ({ label: t(`riskDashboard.kind.${k}`), colour: epiColours[k], mark: 'bar' }))}
      table={
        <DataTable
          testId="epicurve-table"
          caption={t('riskDashboard.epicurve.title')}
          columns={columns}
          rows={rows}
          rowKey={(d) => d.day}
        />
      }
    >
      {(width) => {
        const frame = frameOf(width, chartHeight, chartMargins);
        const ticks = niceTicks(0, peak, 4, true);
        const y = linearScale([0, ticks[ticks.length - 1] ?? 1], [frame.bottom, frame.top]);
        const band = bands(rows.length, frame.left, frame.right, 0.15);
        return (
          <>
            <YAxis frame={frame} y={y} ticks={ticks} format={fmt.number} />
            {rows.map((d, i) =>
              stack(d, epiKinds).map((s) =>
                s.y1 > s.y0 ? (
                  <rect
                    key={`${d.day}-${s.key}`}
                    x={band.x(i)}
                    width={band.barWidth}
                    y={y(s.y1)}
                    height={y(s.y0) - y(s.y1)}
                    fill={epiColours[s.key]}
                  />
                ) : null,
              ),
            )}
            <DayAxis frame={frame} band={band} days={rows.map((d) => d.day)} format={cf.shortDay} />
          </>
        );
      }}
    </ChartCard>
  );
}
