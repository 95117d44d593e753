import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { federationNationalContract } from '../../../../core/contracts/federation-national.ts';
import type { NationalDashboardView } from '../../../../core/schemas/federation-national.ts';
import type { DashboardView } from '../../../../core/schemas/risk-map.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { useChartFormat } from '../risk-dashboard/chart-card.tsx';
import { EpicurveChart } from '../risk-dashboard/epicurve-chart.tsx';
import { Notes } from '../risk-dashboard/notes.tsx';
import { ProjectionChart } from '../risk-dashboard/projection-chart.tsx';
import { RtChart } from '../risk-dashboard/rt-chart.tsx';
import '../risk-dashboard/risk-dashboard.css';
import { NationalTabs } from './national-tabs.tsx';

type ProvinceRow = NationalDashboardView['provinces'][number];

/**
 * The national dashboard on the hub (issue 21): the country's epidemic curve, Rt and projection
 * drawn by the province dashboard's own charts, and each province's figures beside its last sync.
 */
export function NationalDashboardPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<NationalDashboardView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    api(federationNationalContract.getFederationNationalDashboard, { query: {}, signal: ctrl.signal }).then(
      setView,
      (e: unknown) => !ctrl.signal.aborted && setError(errorMessage(e)),
    );
    return () => ctrl.abort();
  }, []);
  // The charts read a province dashboard's view: the national one is the same series, confirmed by date.
  const asDashboard: DashboardView | null = view ? { ...view, by: 'confirmed', onsetImputed: 0, levelTrend: [] } : null;
  return (
    <Page title={t('nationalHub.dashboardTitle')} intro={t('nationalHub.dashboardIntro')}>
      <NationalTabs current="dashboard" />
      {!view && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {error && <p role="alert">{error}</p>}
      {asDashboard && view && (
        <div className="risk-dashboard" data-testid="national-dashboard">
          <EpicurveChart view={asDashboard} />
          <Notes notes={view.notes} />
          <RtChart view={asDashboard} />
          <ProjectionChart view={asDashboard} />
          <ProvinceFigures rows={view.provinces} />
        </div>
      )}
    </Page>
  );
}

function ProvinceFigures({ rows }: { rows: ProvinceRow[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cf = useChartFormat(fmt.lang);
  const columns: Column<ProvinceRow>[] = [
    { key: 'name', header: t('nationalHub.province'), render: (p) => p.name },
    {
      key: 'cases7d',
      header: t('nationalHub.cases7d'),
      numeric: true,
      render: (p) => <span data-testid={`national-dashboard-cases7d-${p.code}`}>{fmt.number(p.cases7d)}</span>,
    },
    { key: 'cases14d', header: t('nationalHub.cases14d'), numeric: true, render: (p) => fmt.number(p.cases14d) },
    {
      key: 'rt',
      header: t('nationalHub.rt'),
      render: (p) =>
        p.rt
          ? t('nationalHub.rtValue', {
              mean: cf.decimal(p.rt.mean),
              lower: cf.decimal(p.rt.lower),
              upper: cf.decimal(p.rt.upper),
            })
          : t('nationalHub.noRt'),
    },
    {
      key: 'projected',
      header: t('nationalHub.projected'),
      render: (p) =>
        p.projected14d
          ? t('nationalHub.projectedValue', {
              median: fmt.number(Math.round(p.projected14d.median)),
              lower: fmt.number(Math.round(p.projected14d.lower)),
              upper: fmt.number(Math.round(p.projected14d.upper)),
            })
          : t('common.empty'),
    },
    {
      key: 'sync',
      header: t('nationalHub.lastSync'),
      render: (p) => <span data-testid={`national-dashboard-sync-${p.code}`}>{fmt.dateTime(p.lastBeatAt)}</span>,
    },
  ];
  return (
    <section aria-labelledby="national-dashboard-provinces">
      <h2 id="national-dashboard-provinces">{t('nationalHub.provincesTitle')}</h2>
      <DataTable testId="national-dashboard-provinces" columns={columns} rows={rows} rowKey={(p) => p.code} />
    </section>
  );
}
