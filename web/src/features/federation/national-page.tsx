import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { LevelBadge } from '../risk/level-badge.tsx';
import { MapLegend } from '../risk/map-legend.tsx';
import { RiskMap } from '../risk/risk-map.tsx';
import { round1 } from '../risk/risk-labels.ts';
import '../risk/risk.css';
import { NationalTabs } from './national-tabs.tsx';
import { useNational, type ProvinceOnHub } from './use-national.ts';

/**
 * The national hub (issue 21): the country's level map, each province's figures and how fresh its
 * replicated rows are. Everything here comes from what the provinces published (counts, decisions,
 * heartbeats), never a person.
 */
export function NationalPage() {
  const { t } = useTranslation();
  const data = useNational();
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Page title={t('federation.nationalTitle')} intro={t('federation.nationalIntro')}>
      {data.hub && <NationalTabs current="map" />}
      {data.loading && <p aria-busy="true">{t('common.loading')}</p>}
      {data.error && <p role="alert">{data.error}</p>}
      {!data.loading && !data.error && !data.hub && <p data-testid="national-not-hub">{t('federation.notHub')}</p>}
      {data.hub && (
        <>
          <div className="risk-layout">
            <div className="risk-map-column" data-testid="national-map">
              {data.map ? (
                <RiskMap
                  view={data.map.view}
                  boundaries={data.map.boundaries}
                  selectedCode={selected}
                  onSelect={(p) => setSelected(p.code)}
                />
              ) : (
                <p>{t('federation.noMap')}</p>
              )}
            </div>
            {data.map && (
              <div className="risk-side">
                <MapLegend view={data.map.view} />
              </div>
            )}
          </div>
          <ProvinceTable provinces={data.provinces} />
        </>
      )}
    </Page>
  );
}

function ProvinceTable({ provinces }: { provinces: ProvinceOnHub[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const seconds = (s: number | null) =>
    s === null ? t('common.empty') : t('federation.seconds', { count: round1(s) });
  return (
    <section aria-labelledby="national-provinces">
      <h2 id="national-provinces">{t('federation.provincesTitle')}</h2>
      <table className="data-table" data-testid="national-provinces">
        <thead>
          <tr>
            <th scope="col">{t('federation.province')}</th>
            <th scope="col">{t('federation.level')}</th>
            <th scope="col">{t('federation.cases7d')}</th>
            <th scope="col">{t('federation.cases14d')}</th>
            <th scope="col">{t('federation.per100k')}</th>
            <th scope="col">{t('federation.lastReplicated')}</th>
            <th scope="col">{t('federation.lag')}</th>
            <th scope="col">{t('federation.link')}</th>
          </tr>
        </thead>
        <tbody>
          {provinces.map(({ status: s, view }) => (
            <tr key={s.code} data-testid={`national-province-${s.code}`}>
              <th scope="row">{s.name}</th>
              <td>
                {view ? <LevelBadge levels={view.ruleSet.levels} levelKey={view.province.level} /> : t('common.empty')}
              </td>
              <td data-testid={`national-cases7d-${s.code}`}>{fmt.number(view?.province.cases7d)}</td>
              <td>{fmt.number(view?.province.cases14d)}</td>
              <td>
                {view?.province.per100k7d == null ? t('common.empty') : fmt.number(round1(view.province.per100k7d))}
              </td>
              <td>
                {fmt.dateTime(s.lastBeatAt)}
                {s.beatAgeSeconds !== null && (
                  <span className="muted small"> ({t('federation.ago', { value: seconds(s.beatAgeSeconds) })})</span>
                )}
              </td>
              <td>
                {s.lagSeconds === null ? t('common.empty') : t('federation.ago', { value: seconds(s.lagSeconds) })}
              </td>
              <td>
                <span className={s.streaming ? 'badge' : 'badge badge-alert'} data-testid={`national-link-${s.code}`}>
                  {s.streaming ? t('federation.streaming') : t('federation.disconnected')}
                </span>
                {s.tablesCopying > 0 && (
                  <span className="muted small"> {t('federation.copying', { count: s.tablesCopying })}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
