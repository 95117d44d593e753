import { useT } from '../i18n/index.ts';
import { formatDateTime } from '../format.ts';
import type { PublicRiskMapView } from '../../../../core/schemas/risk-map.ts';

type Zone = PublicRiskMapView['zones'][number];

/** The contained areas and lockdowns in force: name, kind, period, communes and measures. */
export function ZoneList({ zones, communeName }: { zones: readonly Zone[]; communeName: (code: string) => string }) {
  const t = useT();
  return (
    <section aria-labelledby="risk-zones">
      <h2 id="risk-zones">{t('riskMap.zones')}</h2>
      {zones.length === 0 ? (
        <p data-testid="risk-map-no-zones">{t('riskMap.noZones')}</p>
      ) : (
        <ul className="history" data-testid="risk-map-zones">
          {zones.map((z, i) => (
            <li key={`${z.name}-${i}`} data-kind={z.kind}>
              <p>
                <span className={`zone-kind zone-${z.kind}`}>{t(`riskMap.${z.kind}`)}</span>{' '}
                <span className="strong">{z.name}</span>
              </p>
              <p>{t('riskMap.starts', { time: formatDateTime(z.startsAt, t.lang) })}</p>
              <p>{z.endsAt ? t('riskMap.ends', { time: formatDateTime(z.endsAt, t.lang) }) : t('riskMap.noEnd')}</p>
              {z.communeCodes.length > 0 && (
                <p className="hint">
                  {t('riskMap.zoneCommunes', { names: z.communeCodes.map(communeName).join(', ') })}
                </p>
              )}
              {z.measures.length > 0 && (
                <>
                  <p className="strong">{t('riskMap.measures')}</p>
                  <ul className="zone-measures">
                    {z.measures.map((m, j) => (
                      <li key={j}>{m}</li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
