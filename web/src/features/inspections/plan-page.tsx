import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inspectionsContract as c } from '../../../../core/contracts/inspections.ts';
import type { PlanView } from '../../../../core/schemas/inspections.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { Notice } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';

/** A plan: its team, its targets and each target's visits, linked to their records. */
export function PlanPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api(c.getInspectionsPlansById, { params: { id } }).then(setPlan, (e: unknown) => setError(errorMessage(e)));
  }, [id]);
  if (!plan) return <Page title={t('inspections.plan')}>{error && <Notice>{error}</Notice>}</Page>;
  return (
    <Page title={plan.title} intro={`${plan.unit.name} · ${fmt.date(plan.periodFrom)} – ${fmt.date(plan.periodTo)}`}>
      <h2>{t('inspections.team')}</h2>
      <ul>
        {plan.team.map((m) => (
          <li key={m.userId}>
            {m.fullName}
            {m.leader ? ` (${t('inspections.leader')})` : ''}
          </li>
        ))}
      </ul>
      <h2>{t('inspections.targets')}</h2>
      <ul data-testid="plan-targets">
        {plan.targetList.map((target) => (
          <li key={target.id}>
            <strong>{target.name}</strong> · {fmt.date(target.scheduledOn)} ·{' '}
            {target.visits.length === 0
              ? t('inspections.notVisited')
              : target.visits.map((v) => (
                  <Link key={v.id} to={`/inspections/visits/${encodeURIComponent(v.id)}`}>
                    {fmt.date(v.visitedOn)} ({t('inspections.failures', { count: v.failures })})
                  </Link>
                ))}
          </li>
        ))}
      </ul>
    </Page>
  );
}
