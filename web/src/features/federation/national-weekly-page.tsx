import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { federationNationalContract as n } from '../../../../core/contracts/federation-national.ts';
import type { NationalWeeklyReportView } from '../../../../core/schemas/federation-national.ts';
import { api, apiHref, errorMessage } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { SelectField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { NationalTabs } from './national-tabs.tsx';

type Row = NationalWeeklyReportView['rows'][number];
/** The figures shown on screen: new cases by classification; the workbook carries every figure. */
const shownFigures = 3;

/**
 * The national weekly report on the hub (issue 21): per province and week, completeness and the
 * accepted reports' figures summed; the workbook (or CSV) carries every figure of the template.
 */
export function NationalWeeklyPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [weeks, setWeeks] = useState('4');
  const [view, setView] = useState<NationalWeeklyReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = { weeks: Number(weeks) };
  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    api(n.getFederationNationalWeeklyReport, { query: { weeks: Number(weeks) }, signal: ctrl.signal }).then(
      setView,
      (e: unknown) => !ctrl.signal.aborted && setError(errorMessage(e)),
    );
    return () => ctrl.abort();
  }, [weeks]);
  const columns: Column<Row>[] = [
    { key: 'province', header: t('nationalHub.province'), render: (r) => r.province.name },
    {
      key: 'week',
      header: t('nationalHub.week'),
      render: (r) => {
        const w = view?.weeks.find((x) => x.id === r.week);
        return w ? `${fmt.date(w.from)} – ${fmt.date(w.to)}` : r.week;
      },
    },
    { key: 'expected', header: t('nationalHub.expected'), numeric: true, render: (r) => fmt.number(r.expected) },
    { key: 'onTime', header: t('nationalHub.onTime'), numeric: true, render: (r) => fmt.number(r.onTime) },
    { key: 'late', header: t('nationalHub.late'), numeric: true, render: (r) => fmt.number(r.late) },
    { key: 'missing', header: t('nationalHub.missing'), numeric: true, render: (r) => fmt.number(r.missing) },
    { key: 'accepted', header: t('nationalHub.accepted'), numeric: true, render: (r) => fmt.number(r.accepted) },
    ...(view?.fields.slice(0, shownFigures) ?? []).map((f): Column<Row> => ({
      key: `f-${f.key}`,
      header: f.label,
      numeric: true,
      render: (r) => fmt.number(r.figures[f.key] ?? 0),
    })),
    { key: 'sync', header: t('nationalHub.lastSync'), render: (r) => fmt.dateTime(r.province.lastBeatAt) },
  ];
  return (
    <Page title={t('nationalHub.weeklyTitle')} intro={t('nationalHub.weeklyIntro')}>
      <NationalTabs current="weekly" />
      <div className="toolbar">
        <SelectField
          label={t('nationalHub.weeks')}
          value={weeks}
          onChange={setWeeks}
          options={['1', '4', '8', '12'].map((w) => ({ value: w, label: w }))}
          testId="national-weekly-weeks"
        />
        <a className="button" href={apiHref(n.getFederationNationalWeeklyReportExport, { query })} download>
          {t('common.exportExcel')}
        </a>
        <a className="button" href={apiHref(n.getFederationNationalWeeklyReportExportCsv, { query })} download>
          {t('common.exportCsv')}
        </a>
      </div>
      {error && <p role="alert">{error}</p>}
      {!view && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {view && (
        <>
          <h2>{view.template.name}</h2>
          <DataTable
            testId="national-weekly-table"
            columns={columns}
            rows={view.rows}
            rowKey={(r) => `${r.province.code}-${r.week}`}
          />
        </>
      )}
    </Page>
  );
}
