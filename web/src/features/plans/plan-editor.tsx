import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { plansContract } from '../../../../core/contracts/plans.ts';
import { resourceKinds, type ResourceKind } from '../../../../core/rules/plans/readiness.ts';
import type { PlanSectionInput, PlanVersionView, UnitPlanView } from '../../../../core/schemas/plans.ts';
import type { UnitRef } from '../../../../core/schemas/units.ts';
import { api } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { CheckboxField, FormActions, FormError, SelectField, TextField, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { forceKindOptions, itemOptions } from '../resources/labels.ts';
import { unitOptions, useUnits } from '../resources/use-units.ts';

type Section = Required<PlanSectionInput>;
type Req = Section['requirements'][number];
type Task = Section['tasks'][number];

const capacityCodes = ['regular_bed', 'oxygen_bed', 'icu_bed', 'negative_pressure_room'] as const;

function fromVersion(v: PlanVersionView | null): Map<string, Section> {
  return new Map(
    (v?.sections ?? []).map((s) => [
      s.levelKey,
      {
        levelKey: s.levelKey,
        ownMeasures: s.ownMeasures,
        tasks: s.tasks.map((x) => ({
          title: x.title,
          responsibleUnitId: x.responsibleUnitId,
          dueAfterHours: x.dueAfterHours,
        })),
        requirements: s.requirements,
      },
    ]),
  );
}

/** One level's measures, tasks and required resources. */
function SectionEditor(p: { section: Section; units: UnitRef[]; onChange(s: Section): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  const s = p.section;
  const setTask = (i: number, x: Partial<Task>) =>
    p.onChange({ ...s, tasks: s.tasks.map((y, j) => (i === j ? { ...y, ...x } : y)) });
  const setReq = (i: number, x: Partial<Req>) =>
    p.onChange({ ...s, requirements: s.requirements.map((y, j) => (i === j ? { ...y, ...x } : y)) });
  const codesOf = (kind: ResourceKind) =>
    kind === 'staff'
      ? forceKindOptions(fmt.lang)
      : kind === 'item' || kind === 'vehicle'
        ? itemOptions(fmt.lang)
        : kind === 'bed'
          ? capacityCodes.map((c) => ({ value: c, label: t(`plans.bedKind.${c}`) }))
          : [{ value: 'quarantine_place', label: t('plans.resourceKind.quarantine_place') }];
  return (
    <div className="form-grid">
      <div className="field">
        <label htmlFor={`${id}-m`}>{t('plans.ownMeasures')}</label>
        <textarea
          id={`${id}-m`}
          rows={3}
          value={s.ownMeasures.join('\n')}
          onChange={(e) => p.onChange({ ...s, ownMeasures: e.target.value.split('\n') })}
        />
      </div>
      <h4>{t('plans.tasks')}</h4>
      {s.tasks.map((x, i) => (
        <div className="form-row" key={i}>
          <TextField label={t('plans.task')} value={x.title} onChange={(v) => setTask(i, { title: v })} />
          <SelectField
            label={t('plans.responsible')}
            value={x.responsibleUnitId}
            onChange={(v) => setTask(i, { responsibleUnitId: v })}
            options={unitOptions(p.units)}
          />
          <TextField
            label={t('plans.hoursAfter')}
            type="number"
            min={0}
            value={String(x.dueAfterHours)}
            onChange={(v) => setTask(i, { dueAfterHours: Number(v) })}
          />
          <button type="button" onClick={() => p.onChange({ ...s, tasks: s.tasks.filter((_, j) => j !== i) })}>
            {t('plans.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          p.onChange({
            ...s,
            tasks: [...s.tasks, { title: '', responsibleUnitId: p.units[0]?.id ?? '', dueAfterHours: 24 }],
          })
        }
      >
        {t('plans.addTask')}
      </button>
      <h4>{t('plans.requirements')}</h4>
      {s.requirements.map((r, i) => (
        <div className="form-row" key={i}>
          <SelectField
            label={t('plans.resourceKindHeader')}
            value={r.kind}
            onChange={(v) => setReq(i, { kind: v as ResourceKind, code: codesOf(v as ResourceKind)[0]?.value ?? '' })}
            options={resourceKinds.map((k) => ({ value: k, label: t(`plans.resourceKind.${k}`) }))}
          />
          <SelectField
            label={t('plans.resource')}
            value={r.code}
            onChange={(v) => setReq(i, { code: v })}
            options={codesOf(r.kind)}
          />
          <TextField
            label={t('plans.quantity')}
            type="number"
            min={1}
            value={String(r.quantity)}
            onChange={(v) => setReq(i, { quantity: Number(v) })}
          />
          <button
            type="button"
            onClick={() => p.onChange({ ...s, requirements: s.requirements.filter((_, j) => j !== i) })}
          >
            {t('plans.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          p.onChange({
            ...s,
            requirements: [...s.requirements, { kind: 'item', code: 'rapid_antigen_kit', quantity: 1 }],
          })
        }
      >
        {t('plans.addRequirement')}
      </button>
    </div>
  );
}

/** Writes a new draft version of the unit's plan: a section for each level the unit chooses. */
export function PlanEditor({ plan, onSaved }: { plan: UnitPlanView; onSaved(v: PlanVersionView): void }) {
  const { t } = useTranslation();
  const units = useUnits(undefined);
  const { error, busy, run } = useFormSubmit();
  const [sections, setSections] = useState(() => fromVersion(plan.latest));
  const [clientKey, setClientKey] = useState(newClientKey);
  const set = (key: string, s: Section | null) =>
    setSections((m) => {
      const next = new Map(m);
      if (s) next.set(key, s);
      else next.delete(key);
      return next;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const v = await api(plansContract.postPlansUnitVersions, {
        params: { unitId: plan.unit.id },
        body: {
          clientKey,
          sections: plan.levels
            .filter((l) => sections.has(l.key))
            .map((l) => {
              const s = sections.get(l.key)!;
              return { ...s, ownMeasures: s.ownMeasures.map((m) => m.trim()).filter(Boolean) };
            }),
        },
      });
      setClientKey(newClientKey());
      onSaved(v);
    });
  };
  const allUnits = units.some((u) => u.id === plan.unit.id) ? units : [plan.unit, ...units];
  return (
    <form className="form-card" onSubmit={submit} data-testid="plan-editor">
      <FormError error={error} />
      {plan.levels.map((l) => {
        const s = sections.get(l.key);
        return (
          <fieldset key={l.key}>
            <legend>{l.name}</legend>
            <CheckboxField
              label={t('plans.includeLevel')}
              checked={!!s}
              onChange={(on) =>
                set(l.key, on ? { levelKey: l.key, ownMeasures: [], tasks: [], requirements: [] } : null)
              }
            />
            {s && <SectionEditor section={s} units={allUnits} onChange={(next) => set(l.key, next)} />}
          </fieldset>
        );
      })}
      <FormActions busy={busy} disabled={sections.size === 0} label={t('plans.saveDraft')} testId="plan-save" />
    </form>
  );
}
