import { Suspense, lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportsContract } from '../../../../core/contracts/reports.ts';
import { adjacentPeriod, currentReportingPeriod, parsePeriodId } from '../../../../core/rules/reporting-periods.ts';
import { defaultDueOffsets } from '../../../../core/rules/reporting-periods.ts';
import type { CompletenessRow, CompletenessView } from '../../../../core/schemas/reports.ts';
import { api, apiHref, errorMessage } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { CheckboxField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Link, useLocation } from '../../ui/router.tsx';
import { useBoundaries } from '../../ui/use-boundaries.ts';
import { useUser } from '../auth/session.tsx';
import { CompletenessTrend } from './completeness-trend.tsx';
import { reportStatusBadge } from './report-labels.ts';

// Leaflet is its own chunk: the table does not wait for the map.
const CompletenessMap = lazy(() => import('./completeness-map.tsx'));

/** The weekly template's rule (the web knows its shipped default; the server answers the dated period). */
const weekly = { kind: 'weekly' as const, due: defaultDueOffsets.weekly };

/**
 * Completeness and timeliness of a period for the province's officials: the totals, the trend of
 * the last 12 periods, the communes' map, and every unit with its on-time rate and officers.
 */
export function Completeness() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const boundaries = useBoundaries(useUser().localityCode);
  const asked = useLocation().search.get('period');
  // `?period=weekly:2026-W48` opens that period (a link, a bookmark); the one reported now otherwise.
  const [periodId, setPeriodId] = useState(() => asked ?? currentReportingPeriod(weekly, new Date()).id);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [view, setView] = useState<CompletenessView | null>(null);
  const [rows, setRows] = useState<CompletenessRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const query = { period: periodId, ...(onlyMissing ? { only: 'missing' as const } : {}) };

  useEffect(() => {
    setError(null);
    api(reportsContract.getReportsCompleteness, { query: { ...query, limit: 100 } }).then(
      (v) => {
        setView(v);
        setRows(v.items);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
    // `query` is made of these two.
  }, [periodId, onlyMissing]);

  const more = async () => {
    if (!view?.nextCursor) return;
    const next = await api(reportsContract.getReportsCompleteness, {
      query: { ...query, limit: 100, after: view.nextCursor },
    });
    setView(next);
    setRows([...rows, ...next.items]);
  };
  const step = (s: -1 | 1) => {
    const p = parsePeriodId(periodId);
    if (p) setPeriodId(adjacentPeriod(p, s).id);
  };
  const timeliness = (r: CompletenessRow) =>
    r.onTime === null ? t('reports.missing') : t(r.onTime ? 'reports.onTime' : 'reports.late');
  const columns: Column<CompletenessRow>[] = [
    {
      key: 'unit',
      header: t('reports.unit'),
      render: (r) => (r.reportId ? <Link to={`/reports/${r.reportId}`}>{r.unit.name}</Link> : r.unit.name),
    },
    {
      key: 'status',
      header: t('reports.statusHeader'),
      render: (r) => (
        <span className={reportStatusBadge[r.status]} data-status={r.status}>
          {t(`reports.status.${r.status}`)}
        </span>
      ),
    },
    { key: 'submittedAt', header: t('reports.submittedAt'), render: (r) => fmt.dateTime(r.submittedAt) },
    { key: 'timeliness', header: t('reports.timeliness'), render: timeliness },
    {
      key: 'onTimeRate',
      header: t('reports.onTimeRate'),
      numeric: true,
      render: (r) => (r.onTimeRate === null ? t('common.empty') : `${Math.round(r.onTimeRate)} %`),
    },
    {
      key: 'officers',
      header: t('reports.officers'),
      render: (r) =>
        [
          ...r.officers.map((o) => (o.phone ? `${o.fullName} (${o.phone})` : o.fullName)),
          ...[r.contact.phone, r.contact.email].filter((c) => c !== null),
        ].join('; '),
    },
  ];
  return (
    <section data-testid="completeness">
      <h2>{t('reports.completeness')}</h2>
      <div className="form-actions">
        <button type="button" onClick={() => step(-1)} data-testid="period-previous">
          {t('reports.previous')}
        </button>
        <span data-testid="period-id">
          {view
            ? t('reports.periodRange', {
                from: fmt.date(view.period.from),
                to: fmt.date(view.period.to),
                due: fmt.dateTime(view.period.due),
              })
            : periodId}
        </span>
        <button type="button" onClick={() => step(1)} data-testid="period-next">
          {t('reports.next')}
        </button>
        <a
          href={apiHref(reportsContract.getReportsCompletenessExport, { query })}
          download
          data-testid="completeness-export"
        >
          {t('reports.exportXlsx')}
        </a>
        {/* One click for the CDC or the steering committee: the province's report, to sign (PDF) or rework (Excel). */}
        <a
          href={apiHref(reportsContract.getReportsConsolidatedPdf, { query: { period: periodId } })}
          target="_blank"
          rel="noopener"
          data-testid="consolidated-pdf"
        >
          {t('reports.consolidatedPdf')}
        </a>
        <a
          href={apiHref(reportsContract.getReportsConsolidatedXlsx, { query: { period: periodId } })}
          download
          data-testid="consolidated-xlsx"
        >
          {t('reports.consolidatedXlsx')}
        </a>
      </div>
      <CheckboxField
        label={t('reports.onlyMissing')}
        checked={onlyMissing}
        onChange={setOnlyMissing}
        testId="only-missing"
      />
      {error && <p role="alert">{error}</p>}
      {view && (
        <p className="completeness-totals" data-testid="completeness-totals">
          {t('reports.totals', {
            expected: fmt.number(view.totals.expected),
            submitted: fmt.number(view.totals.submitted),
            onTime: fmt.number(view.totals.onTime),
            late: fmt.number(view.totals.late),
            missing: fmt.number(view.totals.missing),
          })}
        </p>
      )}
      {view && view.trend.length > 0 && <CompletenessTrend trend={view.trend} />}
      {view && view.communes.length > 0 && (
        <section className="completeness-map" data-testid="completeness-map">
          <h3>{t('reports.mapTitle')}</h3>
          <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
            <CompletenessMap boundaries={boundaries.data} communes={view.communes} />
          </Suspense>
        </section>
      )}
      <DataTable columns={columns} rows={rows} rowKey={(r) => r.unit.id} testId="completeness-table" />
      {view?.nextCursor && (
        <button type="button" onClick={() => void more()}>
          {t('reports.more')}
        </button>
      )}
    </section>
  );
}
