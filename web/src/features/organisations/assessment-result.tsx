import { useTranslation } from 'react-i18next';
import type { AssessmentTemplate } from '../../../../core/schemas/assessment-template.ts';
import type { AssessmentView } from '../../../../core/schemas/organisations.ts';
import { useFormat } from '../../ui/format.ts';
import { Link } from '../../ui/router.tsx';
import { isAreaOfficial } from '../../../../core/roles.ts';
import { useUser } from '../auth/session.tsx';
import { groupBadgeClass } from './organisation-labels.ts';

/**
 * What a submitted self-assessment means: score, group, whether the organisation may operate, what
 * to do and by when, and the components that drive the score. The words come from the template
 * version the assessment used, in the reader's language (the server's words when the page holds
 * another version).
 */
export function AssessmentResult({ a, template }: { a: AssessmentView; template: AssessmentTemplate | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { role } = useUser();
  const same = template && template.code === a.templateCode && template.version === a.templateVersion;
  const todo = same ? template.consequences[a.group].todo[fmt.lang] : a.todo;
  const nameOf = (code: string) =>
    (same ? template.components.find((c) => c.code === code)?.name[fmt.lang] : undefined) ??
    a.componentNames[code] ??
    code;
  return (
    <section
      className={`card assess-result assess-result-${a.group.replace('_', '-')}`}
      aria-labelledby="assess-result-title"
      data-testid="assess-result"
      data-group={a.group}
    >
      <h2 id="assess-result-title">{t('organisations.resultTitle')}</h2>
      <p className="assess-score" data-testid="assess-score">
        {t('organisations.scoreValue', {
          points: fmt.number(a.points),
          max: fmt.number(a.max),
          share: fmt.number(a.sharePercent),
        })}
      </p>
      <p>
        <span className={groupBadgeClass(a.group)} data-testid="assess-group">
          {t('organisations.resultGroup', { group: t(`organisations.group.${a.group}`) })}
        </span>
      </p>
      <p className={a.mayOperate === 'no' ? 'alert alert-error' : 'alert alert-ok'} data-testid="assess-may-operate">
        {t(`organisations.mayOperate.${a.mayOperate}`)}
      </p>
      <h3>{t('organisations.todoTitle')}</h3>
      <p data-testid="assess-todo">{todo}</p>
      <ul className="assess-next">
        <li data-testid="assess-reassess-on">{t('organisations.reassessOn', { date: fmt.date(a.reassessDueOn) })}</li>
        {a.correctivePlanDueOn && (
          <li data-testid="assess-corrective-plan">
            {t('organisations.correctivePlanBy', { date: fmt.date(a.correctivePlanDueOn) })}
          </li>
        )}
        {a.communeInspects && (
          <li data-testid="assess-inspection">
            {t('organisations.communeInspects')}
            {isAreaOfficial(role) && (
              <>
                {' '}
                <Link
                  to={`/inspections/plans/new?organisation=${encodeURIComponent(a.organisationId)}`}
                  data-testid="assess-plan-inspection"
                >
                  {t('inspections.planForm.title')}
                </Link>
              </>
            )}
          </li>
        )}
      </ul>
      {a.drivers.length > 0 && (
        <>
          <h3>{t('organisations.drivers')}</h3>
          <ul data-testid="assess-drivers">
            {a.drivers.map((d) => (
              <li key={d}>{nameOf(d)}</li>
            ))}
          </ul>
        </>
      )}
      {a.blockedBy.length > 0 && (
        <>
          <h3>{t('organisations.blockedBy')}</h3>
          <ul data-testid="assess-blocked-by">
            {a.blockedBy.map((d) => (
              <li key={d}>{nameOf(d)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
