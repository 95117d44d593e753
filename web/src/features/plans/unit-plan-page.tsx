import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plansContract } from '../../../../core/contracts/plans.ts';
import type { PlanVersionView, UnitPlanView } from '../../../../core/schemas/plans.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { FormError, Notice, TextField, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { ActivationsPanel } from './activations-panel.tsx';
import { CommitteeMembers } from './committee-members.tsx';
import { useResourceName } from './labels.ts';
import { PlanEditor } from './plan-editor.tsx';
import { WhatIfPanel } from './what-if-panel.tsx';

/** A version's sections, one per level: measures (the rule set's, then the unit's), tasks, resources. */
function Sections({ version }: { version: PlanVersionView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const nameOf = useResourceName();
  return (
    <>
      {version.sections.map((s) => (
        <article key={s.levelKey} className="panel" data-testid="plan-section" data-level={s.levelKey}>
          <h3>{s.levelName}</h3>
          <details>
            <summary>{t('plans.ruleSetMeasures', { n: s.ruleSetMeasures.length })}</summary>
            <ul>
              {s.ruleSetMeasures.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </details>
          {s.ownMeasures.length > 0 && (
            <>
              <h4>{t('plans.ownMeasures')}</h4>
              <ul>
                {s.ownMeasures.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
          <h4>{t('plans.tasks')}</h4>
          {s.tasks.length === 0 ? (
            <p className="muted">{t('common.noData')}</p>
          ) : (
            <ul>
              {s.tasks.map((x, i) => (
                <li key={i}>
                  {t('plans.taskLine', { title: x.title, unit: x.responsibleUnit.name, hours: x.dueAfterHours })}
                </li>
              ))}
            </ul>
          )}
          <h4>{t('plans.requirements')}</h4>
          {s.requirements.length === 0 ? (
            <p className="muted">{t('common.noData')}</p>
          ) : (
            <ul>
              {s.requirements.map((r) => (
                <li key={`${r.kind}:${r.code}`}>
                  {nameOf(r)}: {fmt.number(r.quantity)}
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </>
  );
}

/** Submit (the unit) or approve / return (the level above) the latest version. */
function Review({ plan, onDone }: { plan: UnitPlanView; onDone(v: PlanVersionView, what: string): void }) {
  const { t } = useTranslation();
  const { error, busy, run } = useFormSubmit();
  const [comment, setComment] = useState('');
  const latest = plan.latest;
  if (!latest) return null;
  const maySubmit = plan.mayEdit && (latest.status === 'draft' || latest.status === 'returned');
  const mayReview = plan.mayReview && latest.status === 'submitted';
  if (!maySubmit && !mayReview) return null;
  const review = (decision: 'approve' | 'return') =>
    void run(async () =>
      onDone(
        await api(plansContract.postPlansVersionReview, {
          params: { id: latest.id },
          body: { decision, comment: comment.trim() || undefined },
        }),
        t(decision === 'approve' ? 'plans.approved' : 'plans.returned'),
      ),
    );
  return (
    <div className="form-card">
      <FormError error={error} />
      {maySubmit && (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() =>
            void run(async () =>
              onDone(
                await api(plansContract.postPlansVersionSubmit, { params: { id: latest.id } }),
                t('plans.submitted'),
              ),
            )
          }
          data-testid="plan-submit"
        >
          {t('plans.submit')}
        </button>
      )}
      {mayReview && (
        <>
          <TextField label={t('plans.reviewComment')} value={comment} onChange={setComment} />
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => review('approve')}
            data-testid="plan-approve"
          >
            {t('plans.approve')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => review('return')} data-testid="plan-return">
            {t('plans.return')}
          </button>
        </>
      )}
    </div>
  );
}

/**
 * A unit's response plan: its sections per level, the draft editor and the approval by the level
 * above; the sections the decided level activated with their tasks; the steering committee's members
 * and duty roster; "what if level N tomorrow".
 */
export function UnitPlanPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [plan, setPlan] = useState<UnitPlanView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const load = useCallback(() => {
    api(plansContract.getPlansUnit, { params: { unitId } }).then(setPlan, (e: unknown) => setError(errorMessage(e)));
  }, [unitId]);
  useEffect(load, [load]);
  if (!plan)
    return (
      <Page title={t('plans.title')}>
        {error ? (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </Page>
    );
  const latest = plan.latest;
  return (
    <Page title={t('plans.unitTitle', { unit: plan.unit.name })}>
      <p>
        <Link to="/plans">{t('plans.back')}</Link>
      </p>
      <Notice>{notice}</Notice>
      <p data-testid="plan-state">
        {latest
          ? t('plans.latestLine', {
              v: latest.version,
              status: t(`plans.status.${latest.status}`),
              at: fmt.dateTime(latest.createdAt),
            })
          : t('plans.none')}{' '}
        {plan.approved ? t('plans.inForceVersion', { v: plan.approved.version }) : t('plans.noApproved')}
      </p>
      {latest?.reviewComment && <p className="muted">{t('plans.commentLine', { comment: latest.reviewComment })}</p>}
      <Review
        plan={plan}
        onDone={(_, what) => {
          setNotice(what);
          load();
        }}
      />
      <ActivationsPanel unitId={unitId} />
      <CommitteeMembers unitId={unitId} />
      <h2>{t('plans.sections')}</h2>
      {plan.mayEdit && (
        <button type="button" aria-expanded={editing} onClick={() => setEditing((e) => !e)} data-testid="plan-edit">
          {editing ? t('common.close') : latest ? t('plans.newVersion') : t('plans.writePlan')}
        </button>
      )}
      {editing && (
        <PlanEditor
          plan={plan}
          onSaved={(v) => {
            setEditing(false);
            setNotice(t('plans.saved', { v: v.version }));
            load();
          }}
        />
      )}
      {latest ? <Sections version={latest} /> : <p className="muted">{t('plans.none')}</p>}
      <WhatIfPanel unitId={unitId} />
    </Page>
  );
}
