import { useTranslation } from 'react-i18next';
import type { TodayWork } from '../../../../core/schemas/today.ts';
import { useFormat } from '../../ui/format.ts';
import { Link } from '../../ui/router.tsx';
import { AcceptReferral } from './accept-referral.tsx';
import { capacityKindOf } from './today-links.ts';
import './today.css';

type Group = TodayWork['groups'][number];

function GroupCard({ group, limit }: { group: Group; limit: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const items = group.items.slice(0, limit);
  const rest = group.count - items.length;
  return (
    <section
      className={group.overdue > 0 ? 'today-group today-overdue' : 'today-group'}
      aria-labelledby={`today-${group.kind}`}
      data-testid={`today-group-${group.kind}`}
    >
      <h3 id={`today-${group.kind}`}>
        {t(`today.group.${group.kind}`)}{' '}
        <span className="badge badge-warn" data-testid={`today-count-${group.kind}`}>
          {t('today.count', { count: group.count })}
        </span>
        {group.overdue > 0 && (
          <>
            {' '}
            <span className="badge badge-alert" data-testid={`today-overdue-${group.kind}`}>
              {t('today.overdue', { count: group.overdue })}
            </span>
          </>
        )}
      </h3>
      <ul className="today-items">
        {items.map((item) => {
          const kind = group.kind === 'capacity_alerts' ? capacityKindOf(item) : undefined;
          return (
            <li key={item.id} className={item.overdue ? 'overdue' : undefined}>
              <Link to={item.link} data-testid={`today-item-${group.kind}`}>
                {item.label}
                {kind && ` · ${t(`facilities.capacityKind.${kind}`, { defaultValue: kind })}`}
              </Link>
              {item.dueOn && <span className="muted small"> · {t('today.dueOn', { date: fmt.date(item.dueOn) })}</span>}
              {item.overdue && <span className="badge badge-alert today-late">{t('today.overdueItem')}</span>}
              {group.kind === 'referrals_in' && <AcceptReferral itemId={item.id} />}
            </li>
          );
        })}
        {rest > 0 && <li className="muted small">{t('today.more', { count: rest })}</li>}
      </ul>
    </section>
  );
}

/**
 * The groups that have work, overdue ones first (they need attention before the rest); each shows
 * its count, overdue count and first `limit` items. Nothing waiting reads as the empty state.
 */
export function TodayGroups({ work, limit }: { work: TodayWork; limit: number }) {
  const { t } = useTranslation();
  const groups = work.groups.filter((g) => g.count > 0).sort((a, b) => Number(b.overdue > 0) - Number(a.overdue > 0));
  if (groups.length === 0) {
    return (
      <p className="today-empty" data-testid="today-empty">
        {t('today.empty')}
      </p>
    );
  }
  return (
    <div className="today-groups">
      {groups.map((g) => (
        <GroupCard key={g.kind} group={g} limit={limit} />
      ))}
    </div>
  );
}
