import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportsContract } from '../../../../core/contracts/reports.ts';
import { unitsContract } from '../../../../core/contracts/units.ts';
import { adjacentPeriod, currentReportingPeriod, parsePeriodId } from '../../../../core/rules/reporting-periods.ts';
import { defaultDueOffsets } from '../../../../core/rules/reporting-periods.ts';
import type { CompletenessRow, CompletenessView } from '../../../../core/schemas/reports.ts';
import type { MyUnitsView } from '../../../../core/schemas/units.ts';
import { api, apiHref, errorMessage } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { CheckboxField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { Link, useLocation } from '../../ui/router.tsx';
import { canViewReportsOverview } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { reportStatusBadge } from './report-labels.ts';
import './reports.css';

/** The weekly template's rule (the web knows its shipped default; the server answers the dated period). */
const weekly = { kind: 'weekly' as const, due: defaultDueOffsets.weekly };

/** The units the user reports for, and (for the province's officials) the completeness table. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { role } = useUser();
  const [mine, setMine] = useState<MyUnitsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api(unitsContract.getUnitsMine).then(setMine, (e: unknown) => setError(errorMessage(e)));
  }, []);
  return (
    <Page title={t('reports.title')} intro={t('reports.intro')}>
      {error && <p role="alert">{error}</p>}
      <section data-testid="my-units">
        <h2>{t('reports.mine')}</h2>
        {mine && mine.reportsFor.length === 0 && <p className="muted">{t('reports.noUnit')}</p>}
        <ul>
          {mine?.reportsFor.map((u) => (
            <li key={u.id}>
              <Link to={`/reports/units/${u.id}`} data-testid={`open-report-${u.code}`}>
                {u.name} — {t('reports.openForm')}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {canViewReportsOverview(role) && <Completeness />}
    </Page>
  );
}

function Completeness() {
  const { t } = useTranslation();
  const fmt = useFormat();
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
      key: 'officers',
      header: t('reports.officers'),
      render: (r) => r.officers.map((o) => (o.phone ? `${o.fullName} (${o.phone})` : o.fullName)).join('; '),
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
      <DataTable columns={columns} rows={rows} rowKey={(r) => r.unit.id} testId="completeness-table" />
      {view?.nextCursor && (
        <button type="button" onClick={() => void more()}>
          {t('reports.more')}
        </button>
      )}
    </section>
  );
}
