import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import type { BoundaryProps } from '../../ui/map.tsx';
import { usePlaceName } from '../../ui/locality-context.tsx';

/** Details of the commune clicked on the map (beside the map; under it on phones). */
export function MapPanel({ picked, level }: { picked: BoundaryProps | null; level: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const nameOf = usePlaceName();
  return (
    <aside className="map-panel" data-testid="map-panel" aria-live="polite">
      {picked ? (
        <>
          <h2>{nameOf(picked.code, picked.fullName || picked.name)}</h2>
          <dl>
            {level !== null && (
              <>
                <dt>{t('situation.levelHeader')}</dt>
                <dd data-testid="map-panel-level">{level}</dd>
              </>
            )}
            <dt>{t('home.population')}</dt>
            <dd>
              {fmt.number(picked.population)}
              {picked.population !== null && picked.populationIsDemo && (
                <span className="demo-mark" data-testid="demo-mark">
                  {' '}
                  {t('common.demoFigure')}
                </span>
              )}
            </dd>
          </dl>
        </>
      ) : (
        <p className="muted">{t('home.mapHint')}</p>
      )}
    </aside>
  );
}
