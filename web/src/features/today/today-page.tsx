import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, useLocalityLabel } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { TodayGroups } from './today-groups.tsx';
import { useTodayWork } from './use-today-work.ts';

/**
 * The API pages by group size (`perGroup`, at most 100), not by cursor: "show more" asks for more
 * of every group; past 100 the module's own (keyset-paged) list is the place to work through them.
 */
const STEP = 20;
const MAX = 100;

/** All of today's work in the selected area, every group. */
export function TodayPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const placeLabel = useLocalityLabel();
  const [perGroup, setPerGroup] = useState(STEP);
  const { work, error, loading } = useTodayWork(perGroup);
  const hasMore = work?.groups.some((g) => g.count > g.items.length) ?? false;
  return (
    <Page
      title={t('today.title')}
      intro={t('today.intro', {
        name: selected ? placeLabel(selected) : t('common.empty'),
        date: fmt.date(work?.date),
      })}
    >
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {work && <TodayGroups work={work} limit={perGroup} />}
      <div className="pager">
        {loading && <span className="muted">{t('common.loading')}</span>}
        {hasMore && perGroup < MAX && (
          <button
            type="button"
            onClick={() => setPerGroup((n) => Math.min(MAX, n + STEP))}
            disabled={loading}
            data-testid="today-load-more"
          >
            {t('today.loadMore')}
          </button>
        )}
        {hasMore && perGroup >= MAX && <span className="muted">{t('today.capped', { limit: MAX })}</span>}
      </div>
    </Page>
  );
}
