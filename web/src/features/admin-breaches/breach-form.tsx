import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  breachDataCategories,
  type BreachDataCategory,
  type BreachView,
  type CreateBreachRequest,
} from '../../../../core/schemas/breaches.ts';
import { breachesContract } from '../../../../core/contracts/breaches.ts';
import { api } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { CheckboxField, FormActions, FormError, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { localInputToIso } from '../../ui/text.ts';

const fields = [
  'detectedAt',
  'occurredAt',
  'nature',
  'dataCategories',
  'peopleAffected',
  'recordsAffected',
  'consequences',
  'measuresTaken',
  'measuresProposed',
  'contactName',
  'contactTitle',
  'contactPhone',
  'contactEmail',
  'signerName',
  'lateReason',
] as const;
type Field = (typeof fields)[number];
type TextState = Record<Exclude<Field, 'dataCategories'>, string>;

export function TextAreaField({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string;
  testId: string;
}) {
  const id = useId();
  return (
    <div className={error ? 'field field-invalid full' : 'field full'}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="breach-textarea"
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        data-testid={testId}
      />
      {error && (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

const optional = (v: string) => (v.trim() ? v.trim() : undefined);
const count = (v: string) => (v.trim() === '' ? undefined : Number(v));

/**
 * Record a personal-data breach (POST /api/breaches): when it was detected and happened, what
 * happened, which kinds of data and how many people, consequences, measures, whom to contact.
 * One client key per breach being entered, so a double submit records it once.
 */
export function BreachForm({ onCreated, onCancel }: { onCreated(b: BreachView): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<TextState>({
    detectedAt: '',
    occurredAt: '',
    nature: '',
    peopleAffected: '',
    recordsAffected: '',
    consequences: '',
    measuresTaken: '',
    measuresProposed: '',
    contactName: '',
    contactTitle: '',
    contactPhone: '',
    contactEmail: '',
    signerName: '',
    lateReason: '',
  });
  const [categories, setCategories] = useState<BreachDataCategory[]>([]);
  const clientKey = useRef(newClientKey());
  const { error, busy, run } = useFormSubmit();
  const set = (k: keyof TextState) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const text = (k: keyof TextState, type?: 'datetime-local' | 'number') => (
    <TextField
      label={t(`breaches.fields.${k}`)}
      value={v[k]}
      onChange={set(k)}
      type={type}
      error={detailFor(error, k)}
      testId={`breach-${k}`}
    />
  );
  const area = (k: keyof TextState) => (
    <TextAreaField
      label={t(`breaches.fields.${k}`)}
      value={v[k]}
      onChange={set(k)}
      error={detailFor(error, k)}
      testId={`breach-${k}`}
    />
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      clientKey: clientKey.current,
      detectedAt: localInputToIso(v.detectedAt) ?? '',
      occurredAt: localInputToIso(v.occurredAt),
      nature: v.nature.trim(),
      dataCategories: categories,
      peopleAffected: count(v.peopleAffected),
      recordsAffected: count(v.recordsAffected),
      consequences: v.consequences.trim(),
      measuresTaken: v.measuresTaken.trim(),
      measuresProposed: v.measuresProposed.trim(),
      contactName: v.contactName.trim(),
      contactTitle: v.contactTitle.trim(),
      contactPhone: v.contactPhone.trim(),
      contactEmail: optional(v.contactEmail),
      signerName: optional(v.signerName),
      lateReason: optional(v.lateReason),
    } satisfies Partial<CreateBreachRequest>;
    await run(async () => onCreated(await api(breachesContract.postBreaches, { body: body })));
  };

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="breach-form">
      <h2>{t('breaches.createTitle')}</h2>
      {text('detectedAt', 'datetime-local')}
      {text('occurredAt', 'datetime-local')}
      {area('nature')}
      <fieldset className={detailFor(error, 'dataCategories') ? 'field field-invalid full' : 'field full'}>
        <legend>{t('breaches.fields.dataCategories')}</legend>
        {breachDataCategories.map((c) => (
          <CheckboxField
            key={c}
            label={t(`breaches.categories.${c}`)}
            checked={categories.includes(c)}
            testId={`breach-category-${c}`}
            onChange={(on) => setCategories((old) => (on ? [...old, c] : old.filter((x) => x !== c)))}
          />
        ))}
        {detailFor(error, 'dataCategories') && (
          <small className="field-error" role="alert">
            {detailFor(error, 'dataCategories')}
          </small>
        )}
      </fieldset>
      {text('peopleAffected', 'number')}
      {text('recordsAffected', 'number')}
      {area('consequences')}
      {area('measuresTaken')}
      {area('measuresProposed')}
      {text('contactName')}
      {text('contactTitle')}
      {text('contactPhone')}
      {text('contactEmail')}
      {text('signerName')}
      {area('lateReason')}
      <FormError error={error} fields={fields} />
      <FormActions busy={busy} label={t('breaches.create')} testId="breach-submit" onCancel={onCancel} />
    </form>
  );
}
