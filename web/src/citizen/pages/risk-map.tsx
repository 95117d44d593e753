import { useMemo, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { Page } from '../layout.tsx';
import { useLocalities } from '../localities.ts';
import { navigate, useLocation } from '../router.tsx';
import { AnnouncedLevels } from '../risk-map/announced.tsx';
import { MapLegend, ProvinceSummary } from '../risk-map/legend.tsx';
import { levelLookup } from '../risk-map/levels.ts';
import { CommuneInfo, RiskMapSvg } from '../risk-map/map-svg.tsx';
import type { SvgMap } from '../risk-map/svg-paths.ts';
import { CommuneTable } from '../risk-map/table.tsx';
import { useRiskMap } from '../risk-map/use-risk-map.ts';
import { ZoneList } from '../risk-map/zones.tsx';
import type { PublicRiskMapView } from '../../../../core/schemas/risk-map.ts';

/**
 * /c/ban-do?tinh=<province code>: the public map of epidemic levels, no login. Communes coloured
 * by level (an inline SVG, no map library), the legend with counts, the province's level, the
 * zones in force and the same data as a table. Counts only: never anyone's identity.
 * Without `tinh`, the first province of this installation (`GET /api/public/localities`).
 */
export function RiskMapPage() {
  const t = useT();
  const { query } = useLocation();
  const asked = query.get('tinh');
  const provinces = useLocalities('');
  const province = asked && /^\d{2}$/.test(asked) ? asked : (provinces.items[0]?.code ?? null);
  const { load, retry } = useRiskMap(province);

  return (
    <Page title={t('riskMap.title')}>
      {provinces.items.length > 1 && (
        <div className="field">
          <label htmlFor="risk-province">{t('riskMap.province')}</label>
          <select
            id="risk-province"
            value={province ?? ''}
            onChange={(e) => navigate(`/c/ban-do?tinh=${e.target.value}`, { replace: true })}
            data-testid="risk-map-province-pick"
          >
            {provinces.items.map((p) => (
              <option key={p.code} value={p.code}>
                {p.fullName}
              </option>
            ))}
          </select>
        </div>
      )}
      {province === null && provinces.failed && <Failed message={t('address.loadFailed')} retry={provinces.retry} />}
      {province === null && !provinces.loading && !provinces.failed && (
        <p data-testid="risk-map-no-province">{t('riskMap.noProvince')}</p>
      )}
      {load.state === 'loading' && (province !== null || provinces.loading) && (
        <p aria-busy="true">{t('app.loading')}</p>
      )}
      {load.state === 'missing' && (
        <div className="form-error" data-testid="form-error">
          <p>{load.message}</p>
        </div>
      )}
      {load.state === 'failed' && <Failed message={load.message} retry={retry} />}
      {load.state === 'ok' && <RiskMapView key={load.view.province.code} view={load.view} map={load.map} />}
    </Page>
  );
}

function Failed({ message, retry }: { message: string; retry: () => void }) {
  const t = useT();
  return (
    <>
      <div className="form-error" data-testid="form-error">
        <p>{message}</p>
      </div>
      <button type="button" className="btn big" onClick={retry}>
        {t('app.retry')}
      </button>
    </>
  );
}

function RiskMapView({ view, map }: { view: PublicRiskMapView; map: SvgMap }) {
  const t = useT();
  const [selected, setSelected] = useState<string | null>(null);
  const level = useMemo(() => levelLookup(view.ruleSet.levels, t.lang), [view, t.lang]);
  const byCode = useMemo(() => new Map(view.communes.map((c) => [c.code, c])), [view]);
  const names = useMemo(() => new Map(map.paths.map((p) => [p.code, p.name])), [map]);
  // Communes drawn on the map that the levels do not cover.
  const noData = useMemo(() => map.paths.filter((p) => !byCode.has(p.code)).length, [map, byCode]);
  const communeName = (code: string) => byCode.get(code)?.name ?? names.get(code) ?? code;

  return (
    <>
      <h2 className="risk-title" data-testid="risk-map-province-name">
        {view.province.name}
      </h2>
      <ProvinceSummary view={view} level={level} />
      <AnnouncedLevels items={view.announced} level={level} />
      {map.paths.length > 0 ? (
        <>
          <RiskMapSvg
            map={map}
            legend={view.ruleSet.levels}
            communes={view.communes}
            selected={selected}
            onSelect={setSelected}
            label={t('riskMap.mapLabel', { province: view.province.name })}
          />
          <CommuneInfo
            commune={selected ? byCode.get(selected) : undefined}
            name={selected ? names.get(selected) : undefined}
            level={level}
          />
        </>
      ) : (
        <p className="notice-text" data-testid="risk-map-no-boundaries">
          {t('riskMap.noMap')}
        </p>
      )}
      <MapLegend legend={view.ruleSet.levels} counts={view.levelCounts} noData={noData} />
      <CommuneTable communes={view.communes} level={level} />
      <ZoneList zones={view.zones} communeName={communeName} />
      <p className="hint">{t('riskMap.privacy')}</p>
    </>
  );
}
