import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from '../../../../core/schemas/risk-map.ts';
import { riskContract } from '../../../../core/contracts/risk.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { useFormat } from '../../ui/format.ts';
import { todayIso } from '../../ui/text.ts';
import { useDebounced } from '../../ui/use-debounced.ts';
import { profileName, useDiseaseProfiles } from '../cases/use-disease-profiles.ts';
import { useChartFormat } from './chart-card.tsx';
import { DashboardControlsForm } from './dashboard-controls.tsx';
import { dashboardRequest, defaultControls, type DashboardControls, type DashboardRequest } from './dashboard-query.ts';
import { EpicurveChart } from './epicurve-chart.tsx';
import { LevelTrendChart } from './level-trend-chart.tsx';
import { Notes } from './notes.tsx';
import { ProjectionChart } from './projection-chart.tsx';
import { RtChart } from './rt-chart.tsx';
import { useActiveLevels } from './use-active-levels.ts';
import './risk-dashboard.css';

/** The last answer stays shown (with its query's key) while a newer one loads. */
type Load =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; view: DashboardView; key: string };

/**
 * The province's (or chosen communes') epidemic curve, Rt and 14-day projection, and the province's
 * communes by level over time: GET /api/risk/dashboard. The request follows the controls once they
 * are valid and settled.
 */
export function DashboardTab({ province }: { province: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cf = useChartFormat(fmt.lang);
  const profiles = useDiseaseProfiles();
  const levels = useActiveLevels();
  const [controls, setControls] = useState<DashboardControls>(() => defaultControls(todayIso()));
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const made = dashboardRequest(province, controls);
  const problem = 'problem' in made ? made.problem : null;
  // The request's query is its key: a change of control makes a new one, once typing has settled.
  const key = useDebounced('query' in made ? JSON.stringify(made.query) : null, 300);

  useEffect(() => {
    if (!key) return;
    const ctrl = new AbortController();
    setLoad((l) => (l.status === 'ready' ? l : { status: 'loading' }));
    api(riskContract.getRiskDashboard, { query: JSON.parse(key) as DashboardRequest, signal: ctrl.signal })
      .then((view) => setLoad({ status: 'ready', view, key }))
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setLoad({ status: 'error', message: errorMessage(e) });
      });
    return () => ctrl.abort();
  }, [key, attempt]);

  const view = load.status === 'ready' ? load.view : null;
  const busy = load.status === 'loading' || (key !== null && load.status === 'ready' && load.key !== key);
  const si = view?.serialInterval;
  return (
    <div className="risk-dashboard" data-testid="risk-dashboard" aria-busy={busy}>
      <DashboardControlsForm province={province} value={controls} problem={problem} onChange={setControls} />
      {load.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {load.status === 'error' && (
        <div className="alert alert-error" role="alert" data-testid="dashboard-error">
          <p>{load.message}</p>
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {view && (
        <>
          <p className="muted" data-testid="dashboard-period">
            {t('riskDashboard.period', { from: fmt.date(view.from), to: fmt.date(view.to) })}
          </p>
          <EpicurveChart view={view} />
          <Notes notes={view.notes} />
          <RtChart view={view} />
          <ProjectionChart view={view} />
          {si && (
            <p className="muted small" data-testid="serial-interval">
              {t('riskDashboard.serialInterval', {
                mean: cf.decimal(si.meanDays),
                sd: cf.decimal(si.sdDays),
                profile: profileName(profiles, si.profileCode, fmt.lang),
              })}
            </p>
          )}
          <LevelTrendChart view={view} legend={levels} />
        </>
      )}
    </div>
  );
}
