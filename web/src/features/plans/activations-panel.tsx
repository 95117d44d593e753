import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plansContract } from '../../../../core/contracts/plans.ts';
import type { ActivationView, CommitteeView } from '../../../../core/schemas/plans.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { CheckboxField, FormError, TextField, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';

type Task = ActivationView['tasks'][number];
const standingBadge = {
  open: 'badge',
  done: 'badge badge-ok',
  overdue: 'badge badge-alert',
  closed: 'badge badge-off',
};

/** One activated section: its level, since when, the measures in force and the tasks with their progress. */
function Activation({ a, onChanged }: { a: ActivationView; onChanged(a: ActivationView): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [error, setError] = useState<string | null>(null);
  const done = (task: Task) =>
    api(plansContract.postPlansActivationTaskDone, { params: { id: task.id } }).then(onChanged, (e: unknown) =>
      setError(errorMessage(e)),
    );
  const columns: Column<Task>[] = [
    { key: 'title', header: t('plans.task'), render: (x) => x.title },
    { key: 'unit', header: t('plans.responsible'), render: (x) => x.responsibleUnit.name },
    { key: 'due', header: t('plans.dueAt'), render: (x) => fmt.dateTime(x.dueAt) },
    {
      key: 'standing',
      header: t('plans.standingHeader'),
      render: (x) => (
        <span className={standingBadge[x.standing]} data-testid="task-standing" data-standing={x.standing}>
          {t(`plans.standing.${x.standing}`)}
        </span>
      ),
    },
    {
      key: 'act',
      header: t('common.actions'),
      render: (x) =>
        x.mayComplete &&
        x.standing !== 'done' &&
        x.standing !== 'closed' && (
          <button type="button" onClick={() => void done(x)} data-testid="task-done">
            {t('plans.markDone')}
          </button>
        ),
    },
  ];
  return (
    <article className="panel" data-testid="activation" data-level={a.levelKey} data-open={a.closedAt === null}>
      <h3>
        {t('plans.activationTitle', { level: a.levelName, at: fmt.dateTime(a.activatedAt) })}{' '}
        {a.closedAt ? (
          <span className="badge badge-off">{t('plans.closedAt', { at: fmt.dateTime(a.closedAt) })}</span>
        ) : (
          <span className="badge badge-alert">{t('plans.inForce')}</span>
        )}
      </h3>
      <p data-testid="activation-progress">{t('plans.progress', { n: a.progressPercent })}</p>
      <progress max={100} value={a.progressPercent} aria-label={t('plans.progress', { n: a.progressPercent })} />
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {a.measures.length > 0 && (
        <details>
          <summary>{t('plans.measuresCount', { n: a.measures.length })}</summary>
          <ul>
            {a.measures.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </details>
      )}
      <DataTable testId="activation-tasks" columns={columns} rows={a.tasks} rowKey={(x) => x.id} />
    </article>
  );
}

/** Activates the committee (or stands it down) with its decision; activating notifies its members. */
function CommitteeState({ committee, onChanged }: { committee: CommitteeView; onChanged(c: CommitteeView): void }) {
  const { t } = useTranslation();
  const { error, busy, run } = useFormSubmit();
  const [decision, setDecision] = useState('');
  const next = committee.state === 'activated' ? 'normal' : 'activated';
  const send = () =>
    void run(async () => {
      onChanged(
        await api(plansContract.postPlansCommitteeState, {
          params: { unitId: committee.unit.id },
          body: { state: next, decision },
        }),
      );
      setDecision('');
    });
  return (
    <div className="form-row">
      <FormError error={error} />
      <TextField label={t('plans.committeeDecision')} value={decision} onChange={setDecision} />
      <button type="button" disabled={busy || !decision.trim()} onClick={send} data-testid="committee-toggle">
        {next === 'activated' ? t('plans.activateCommittee') : t('plans.standDown')}
      </button>
    </div>
  );
}

/**
 * What the steering committee follows: its state (normal or activated, with the decision), the
 * plan sections activated by the decided level and the progress of their tasks.
 */
export function ActivationsPanel({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [items, setItems] = useState<ActivationView[] | null>(null);
  const [committee, setCommittee] = useState<CommitteeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api(plansContract.getPlansActivations, {
      query: { unit: unitId, open: onlyOpen ? 'true' : undefined },
    }).then(
      (r) => setItems(r.items),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [unitId, onlyOpen]);
  useEffect(load, [load]);
  useEffect(() => {
    api(plansContract.getPlansCommittee, { params: { unitId } }).then(setCommittee, () => setCommittee(null));
  }, [unitId]);
  return (
    <section aria-labelledby="activations-title" data-testid="activations">
      <h2 id="activations-title">{t('plans.activations')}</h2>
      {committee && (
        <p data-testid="committee-state" data-state={committee.state}>
          {committee.state === 'activated'
            ? t('plans.committeeActivated', {
                decision: committee.decision ?? '',
                at: fmt.dateTime(committee.stateSince),
              })
            : t('plans.committeeNormal')}{' '}
          {t('plans.committeeMembers', { n: committee.members.length })}
        </p>
      )}
      {committee?.mayManage && <CommitteeState committee={committee} onChanged={setCommittee} />}
      <CheckboxField label={t('plans.onlyOpen')} checked={onlyOpen} onChange={setOnlyOpen} />
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {items?.length === 0 && <p className="muted">{t('plans.noActivation')}</p>}
      {items?.map((a) => (
        <Activation
          key={a.id}
          a={a}
          onChanged={(next) => setItems((list) => list?.map((x) => (x.id === next.id ? next : x)) ?? null)}
        />
      ))}
    </section>
  );
}
