import { useTranslation } from 'react-i18next';
import type { OrganisationView } from '../../../../core/schemas/organisations.ts';
import { vietnamToday } from '../../../../core/vietnam-calendar.ts';
import { useFormat } from '../../ui/format.ts';
import { groupBadgeClass, isOverdue } from './organisation-labels.ts';

/** The group of the latest self-assessment, its share, when the next one is due and whether it is late. */
export function LatestAssessment({ latest }: { latest: OrganisationView['latestAssessment'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!latest)
    return (
      <span className="muted" data-testid="org-group" data-group="none">
        {t('organisations.neverAssessed')}
      </span>
    );
  const overdue = isOverdue(latest.reassessDueOn, vietnamToday());
  return (
    <span className="org-latest">
      <span className={groupBadgeClass(latest.group)} data-testid="org-group" data-group={latest.group}>
        {t(`organisations.group.${latest.group}`)} · {fmt.number(latest.sharePercent)}%
      </span>
      {latest.mayOperate === 'no' && (
        <strong className="badge badge-alert" data-testid="org-may-not-operate">
          {t('organisations.mayNotOperate')}
        </strong>
      )}
      <span className={overdue ? 'org-overdue small' : 'muted small'} data-testid={overdue ? 'org-overdue' : undefined}>
        {overdue ? `${t('organisations.overdue')}: ` : ''}
        {t('organisations.reassessDue', { date: fmt.date(latest.reassessDueOn) })}
      </span>
    </span>
  );
}
