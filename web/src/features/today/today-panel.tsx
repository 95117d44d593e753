import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/router.tsx';
import { TODAY_PANEL_ITEMS } from '../home/home-early.ts';
import { TodayGroups } from './today-groups.tsx';
import { useTodayWork } from './use-today-work.ts';

/** The first three items of each group fill the home panel; the rest is on /today. */
const PANEL_ITEMS = TODAY_PANEL_ITEMS;

/** Today's work at the top of the home page. */
export function TodayPanel() {
  const { t } = useTranslation();
  const { work, error, loading } = useTodayWork(PANEL_ITEMS);
  return (
    <section
      className="card today-panel"
      aria-labelledby="today-panel-title"
      aria-busy={loading || undefined}
      data-testid="today-panel"
    >
      <div className="today-head">
        <h2 id="today-panel-title">{t('today.panelTitle')}</h2>
        <Link to="/today" data-testid="today-see-all">
          {t('today.seeAll')}
        </Link>
      </div>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {work ? (
        <TodayGroups work={work} limit={PANEL_ITEMS} />
      ) : (
        !error && <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}
