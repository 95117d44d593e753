import { useT } from '../i18n/index.ts';
import { formatDateTime } from '../format.ts';
import { formatCount, formatDay, textOn, type Legend, type Level } from './levels.ts';
import type { PublicRiskMapView } from '../../../../core/schemas/risk-map.ts';

/** The province's level across the width, in its colour, with its cases and the data's date. */
export function ProvinceSummary({ view, level }: { view: PublicRiskMapView; level: (key: string) => Level }) {
  const t = useT();
  const l = level(view.province.level);
  const p = view.province;
  return (
    <>
      <p className="hint" data-testid="risk-map-date">
        {t('riskMap.dataOf', { date: formatDay(view.date, t.lang) })} ·{' '}
        {t('riskMap.updatedAt', { time: formatDateTime(view.updatedAt, t.lang) })}
      </p>
      <div
        className="band risk-province"
        style={{ background: l.colour, color: textOn(l.colour) }}
        data-testid="risk-map-province"
        data-level={l.key}
      >
        <p className="band-validity">{t('riskMap.provinceLevel')}</p>
        <p className="band-colour">{l.name}</p>
        <p className="band-validity">{t('riskMap.cases7d', { n: formatCount(p.cases7d, t.lang) })}</p>
        <p className="band-validity">{t('riskMap.cases14d', { n: formatCount(p.cases14d, t.lang) })}</p>
      </div>
    </>
  );
}

/** Each level: its colour, its name and how many communes are at it (highest level first). */
export function MapLegend({
  legend,
  counts,
  noData,
}: {
  legend: Legend;
  counts: Record<string, number>;
  noData: number;
}) {
  const t = useT();
  const count = (n: number) =>
    n === 1 ? t('riskMap.communeOne') : t('riskMap.communeCount', { n: formatCount(n, t.lang) });
  return (
    <section aria-labelledby="risk-legend">
      <h2 id="risk-legend">{t('riskMap.legend')}</h2>
      <ul className="risk-legend" data-testid="risk-map-legend">
        {[...legend].reverse().map((l) => (
          <li key={l.key} data-level={l.key}>
            <span className="swatch" style={{ background: l.colour }} aria-hidden="true" />
            <span className="risk-legend-name">{l.name[t.lang] || l.name.vi}</span>
            <span className="risk-legend-count">{count(counts[l.key] ?? 0)}</span>
          </li>
        ))}
        {noData > 0 && (
          <li data-level="">
            <span className="swatch no-data" aria-hidden="true" />
            <span className="risk-legend-name">{t('riskMap.noData')}</span>
            <span className="risk-legend-count">{count(noData)}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
