import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directivesContract } from '../../../../core/contracts/directives.ts';
import { directiveKinds, type DirectiveView } from '../../../../core/schemas/directives.ts';
import type { MyUnitsView } from '../../../../core/schemas/units.ts';
import { api } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import {
  CheckboxField,
  detailFor,
  FormActions,
  FormError,
  SelectField,
  TextField,
  useFormSubmit,
} from '../../ui/form.tsx';

type Kind = (typeof directiveKinds)[number];
interface TaskDraft {
  unitId: string;
  title: string;
  dueOn: string;
}

/**
 * A new directive of one of the user's units, to units below it, with its tasks. One client key
 * per form: a double tap or a retry records one directive.
 */
export function DirectiveForm(p: { mine: MyUnitsView; onCreated(d: DirectiveView): void }) {
  const { t } = useTranslation();
  const [clientKey] = useState(newClientKey);
  const [issuerUnitId, setIssuer] = useState(p.mine.reportsFor[0]?.id ?? '');
  const [numberSymbol, setNumber] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [kind, setKind] = useState<Kind>('official_letter');
  const [summary, setSummary] = useState('');
  const [references, setReferences] = useState('');
  const [recipients, setRecipients] = useState<string[]>([]);
  const [tasks, setTasks] = useState<TaskDraft[]>([]);
  const { error, busy, run } = useFormSubmit();

  const toggle = (id: string, on: boolean) => setRecipients((r) => (on ? [...r, id] : r.filter((x) => x !== id)));
  const setTask = (i: number, patch: Partial<TaskDraft>) =>
    setTasks((ts) => ts.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const recipientOptions = p.mine.reviews.filter((u) => recipients.includes(u.id));

  const submit = () =>
    run(async () =>
      p.onCreated(
        await api(directivesContract.postDirectives, {
          body: {
            clientKey,
            issuerUnitId,
            numberSymbol,
            issuedOn,
            kind,
            summary,
            legalReferences: references
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
            recipientUnitIds: recipients,
            tasks,
          },
        }),
      ),
    );

  return (
    <form
      className="card"
      data-testid="directive-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('directives.newTitle')}</h2>
      <FormError error={error} />
      <SelectField
        label={t('directives.issuerUnit')}
        value={issuerUnitId}
        onChange={setIssuer}
        options={p.mine.reportsFor.map((u) => ({ value: u.id, label: u.name }))}
        error={detailFor(error, 'issuerUnitId')}
      />
      <TextField
        label={t('directives.numberSymbol')}
        value={numberSymbol}
        onChange={setNumber}
        placeholder="1510-CV/TU"
        required
        error={detailFor(error, 'numberSymbol')}
        testId="directive-number"
      />
      <TextField
        label={t('directives.issuedOn')}
        type="date"
        value={issuedOn}
        onChange={setIssuedOn}
        required
        error={detailFor(error, 'issuedOn')}
        testId="directive-issued-on"
      />
      <SelectField
        label={t('directives.kindHeader')}
        value={kind}
        onChange={(v) => setKind(v as Kind)}
        options={directiveKinds.map((k) => ({ value: k, label: t(`directives.kind.${k}`) }))}
      />
      <TextField
        label={t('directives.summary')}
        value={summary}
        onChange={setSummary}
        required
        error={detailFor(error, 'summary')}
        testId="directive-summary"
      />
      <label className="field">
        <span>{t('directives.legalReferences')}</span>
        <textarea value={references} onChange={(e) => setReferences(e.target.value)} rows={2} />
      </label>
      <fieldset data-testid="directive-recipients">
        <legend>{t('directives.recipients')}</legend>
        {p.mine.reviews.length === 0 && <p className="muted">{t('directives.noSubordinates')}</p>}
        {p.mine.reviews.map((u) => (
          <CheckboxField
            key={u.id}
            label={`${u.name} (${u.code})`}
            checked={recipients.includes(u.id)}
            onChange={(on) => toggle(u.id, on)}
          />
        ))}
        {detailFor(error, 'recipientUnitIds') && <p role="alert">{detailFor(error, 'recipientUnitIds')}</p>}
      </fieldset>
      <fieldset>
        <legend>{t('directives.tasks')}</legend>
        {tasks.map((task, i) => (
          <div className="filters" key={i} data-testid="directive-task-row">
            <SelectField
              label={t('directives.taskUnit')}
              value={task.unitId}
              onChange={(v) => setTask(i, { unitId: v })}
              options={[{ value: '', label: '—' }, ...recipientOptions.map((u) => ({ value: u.id, label: u.name }))]}
              error={detailFor(error, `tasks.${i}.unitId`)}
              testId={`task-unit-${i}`}
            />
            <TextField
              label={t('directives.taskTitle')}
              value={task.title}
              onChange={(v) => setTask(i, { title: v })}
              error={detailFor(error, `tasks.${i}.title`)}
              testId={`task-title-${i}`}
            />
            <TextField
              label={t('directives.dueOn')}
              type="date"
              value={task.dueOn}
              onChange={(v) => setTask(i, { dueOn: v })}
              error={detailFor(error, `tasks.${i}.dueOn`)}
              testId={`task-due-${i}`}
            />
            <button type="button" onClick={() => setTasks((ts) => ts.filter((_, j) => j !== i))}>
              {t('directives.removeTask')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setTasks((ts) => [...ts, { unitId: '', title: '', dueOn: '' }])}
          data-testid="directive-add-task"
        >
          {t('directives.addTask')}
        </button>
      </fieldset>
      <FormActions busy={busy} label={t('directives.save')} testId="directive-save" />
    </form>
  );
}
