import { useT } from '../i18n/index.ts';
import { formatDateTime } from '../format.ts';
import type { Level } from './levels.ts';
import type { PublicRiskMapView } from '../../../../core/schemas/risk-map.ts';

type Announced = PublicRiskMapView['announced'][number];

/**
 * Levels decided but not yet in force: a raise is announced ahead (48 hours under Resolution 128)
 * so that people and businesses can prepare; this is where they learn of it. Nothing when none.
 */
export function AnnouncedLevels({ items, level }: { items: readonly Announced[]; level: (key: string) => Level }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="risk-announced">
      <h2 id="risk-announced">{t('riskMap.announced')}</h2>
      <ul className="history" data-testid="risk-map-announced">
        {items.map((d) => {
          const l = level(d.level);
          return (
            <li key={`${d.code}-${d.effectiveFrom}`} data-code={d.code} data-level={l.key}>
              <p>
                <span className="strong">{d.name}</span>:{' '}
                <span className="swatch" style={{ background: l.colour }} aria-hidden="true" /> {l.name}
              </p>
              <p className="hint">{t('riskMap.announcedFrom', { time: formatDateTime(d.effectiveFrom, t.lang) })}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
