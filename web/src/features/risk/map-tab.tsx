import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { riskContract } from '../../../../core/contracts/risk.ts';
import { apiHref } from '../../ui/api.ts';
import { SelectField, TextField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { navigate, useLocation } from '../../ui/router.tsx';
import { CommuneSummary } from './commune-summary.tsx';
import { LocalityPanel, type PanelPlace } from './locality-panel.tsx';
import { MapLegend, ProvinceOverview } from './map-legend.tsx';
import { RiskMap } from './risk-map.tsx';
import { vietnamToday } from '../../../../core/vietnam-calendar.ts';
import { narrowerThanProvince, useRiskMap, useRuleSets } from './use-risk-data.ts';

/** `?date=` and `?ruleSet=` of the map, kept in the address so a link shows the same map. */
function useMapQuery() {
  const { search, pathname } = useLocation();
  const asked = search.get('date');
  const date = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : vietnamToday();
  const ruleSet = search.get('ruleSet') || undefined;
  const set = (key: 'date' | 'ruleSet', value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    const qs = next.toString();
    navigate(qs ? `${pathname}?${qs}` : pathname, { replace: true });
  };
  return { date, ruleSet, set };
}

/**
 * The level map of a province on a day: communes coloured by level, the legend, the province
 * overview and, for a commune clicked (or the province), its evaluation, history and decision.
 */
export function MapTab({ province }: { province: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const nameOf = usePlaceName();
  const { root, byCode } = useLocalities();
  const { date, ruleSet, set } = useMapQuery();
  const ruleSets = useRuleSets();
  const [generation, setGeneration] = useState(0);
  const [place, setPlace] = useState<PanelPlace | null>(null);
  const data = useRiskMap(province, narrowerThanProvince(root), date, ruleSet, generation);
  const view = data.view;
  const ruleSetCode = ruleSet ?? view?.ruleSet.code ?? ruleSets.find((r) => r.active)?.code ?? '';

  const ruleSetOptions = ruleSets.map((r) => ({
    value: r.code,
    label: r.active ? t('risk.ruleSetActive', { name: r.name[fmt.lang] }) : r.name[fmt.lang],
  }));
  if (ruleSetCode && !ruleSetOptions.some((o) => o.value === ruleSetCode)) {
    ruleSetOptions.unshift({ value: ruleSetCode, label: view?.ruleSet.name[fmt.lang] ?? ruleSetCode });
  }

  return (
    <>
      <div className="filters">
        <TextField
          label={t('risk.date')}
          type="date"
          value={date}
          onChange={(v) => set('date', v)}
          testId="risk-date"
        />
        <SelectField
          label={t('risk.ruleSet')}
          value={ruleSetCode}
          onChange={(v) => set('ruleSet', v)}
          options={ruleSetOptions}
          testId="risk-rule-set"
        />
        <a
          className="button"
          href={apiHref(riskContract.getRiskMapExport, {
            query: { province, date, ruleSet: ruleSetCode || undefined },
          })}
          download
          data-testid="risk-map-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(riskContract.getRiskMapExportCsv, {
            query: { province, date, ruleSet: ruleSetCode || undefined },
          })}
          download
          data-testid="risk-map-export-csv"
        >
          {t('common.exportCsv')}
        </a>
        {province !== 'VN' && (
          <a
            className="button"
            href={apiHref(riskContract.getRiskDecisionsExport, { query: { locality: province, subtree: 'true' } })}
            download
            data-testid="risk-register-export"
          >
            {t('risk.registerExport')}
          </a>
        )}
      </div>
      {data.error && (
        <div className="alert alert-error" role="alert" data-testid="risk-map-error">
          {data.error}
        </div>
      )}
      <div className="risk-layout" aria-busy={data.loading || undefined}>
        <div className="risk-map-column">
          {view && data.boundaries ? (
            <RiskMap
              view={view}
              boundaries={data.boundaries}
              selectedCode={place?.code ?? null}
              onSelect={(p) => setPlace({ code: p.code, name: nameOf(p.code, p.fullName || p.name) })}
            />
          ) : (
            <div className="map risk-map-placeholder" data-testid="risk-map-loading">
              <p className="muted">{data.loading ? t('common.loading') : t('common.noData')}</p>
            </div>
          )}
          {view && <MapLegend view={view} />}
        </div>
        <div className="risk-side">
          {view && place && !byCode.has(place.code) ? (
            <CommuneSummary
              name={place.name}
              commune={view.communes.find((c) => c.code === place.code)}
              levels={view.ruleSet.levels}
              onClose={() => setPlace(null)}
            />
          ) : view && place ? (
            <LocalityPanel
              key={`${place.code}|${date}|${view.ruleSet.code}`}
              place={place}
              date={date}
              ruleSet={view.ruleSet.code}
              levels={view.ruleSet.levels}
              onDecided={() => setGeneration((g) => g + 1)}
              onClose={() => setPlace(null)}
            />
          ) : (
            <>
              {view && (
                <ProvinceOverview
                  view={view}
                  onEvaluate={
                    view.province.code !== 'VN' && byCode.has(view.province.code)
                      ? () => setPlace({ code: view.province.code, name: view.province.name })
                      : undefined
                  }
                />
              )}
              <p className="muted">{t('risk.mapHint')}</p>
            </>
          )}
        </div>
      </div>
    </>
  );
}
