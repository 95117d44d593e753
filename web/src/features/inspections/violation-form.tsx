import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView } from '../../../../core/schemas/inspections.ts';
import { SelectField, TextField } from '../../ui/form.tsx';

export interface PendingViolation {
  articleCode: string;
  subject: { kind: 'individual' | 'organisation'; name: string; organisationId?: string };
  committedOn: string;
  description: string;
  fine?: { decidedOn: string; amountVnd: number; paymentDueOn: string; final: boolean };
}

const vnd = (n: number) => `${n.toLocaleString('vi-VN')} ₫`;

/**
 * A violation with its fine, checked on the phone against the catalogue kept offline (the range for
 * the subject: an organisation's is twice an individual's) so the inspector learns it at once; the
 * server checks again when the record arrives.
 */
export function ViolationForm(p: {
  articles: ArticleView[];
  committedOn: string;
  paymentDueOn: string;
  defaultSubject: { kind: 'organisation'; name: string; organisationId: string | null } | null;
  onAdd(v: PendingViolation): void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<'individual' | 'organisation'>(p.defaultSubject ? 'organisation' : 'individual');
  const [name, setName] = useState(p.defaultSubject?.name ?? '');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const article = p.articles.find((a) => a.code === code);
  const range = article ? article[kind] : null;

  function add() {
    const fine = Number(amount.replace(/[^0-9]/g, ''));
    if (!article || !range || !name.trim() || !description.trim() || !fine) return;
    if (fine < range.minVnd || fine > range.maxVnd) {
      setError(
        t('inspections.field.outOfRange', {
          min: vnd(range.minVnd),
          max: vnd(range.maxVnd),
          subject: t(`inspections.field.${kind}`).toLowerCase(),
        }),
      );
      return;
    }
    setError(null);
    p.onAdd({
      articleCode: article.code,
      subject: {
        kind,
        name: name.trim(),
        ...(kind === 'organisation' && p.defaultSubject?.organisationId
          ? { organisationId: p.defaultSubject.organisationId }
          : {}),
      },
      committedOn: p.committedOn,
      description: description.trim(),
      fine: { decidedOn: p.committedOn, amountVnd: fine, paymentDueOn: p.paymentDueOn, final: true },
    });
    setOpen(false);
    setAmount('');
    setDescription('');
  }

  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="violation-open">
        {t('inspections.field.violation')}
      </button>
    );
  return (
    <fieldset className="violation-form" data-testid="violation-form">
      <legend>{t('inspections.field.violation')}</legend>
      <SelectField
        label={t('inspections.field.article')}
        value={code}
        onChange={setCode}
        options={[
          { value: '', label: '—' },
          ...p.articles.map((a) => ({ value: a.code, label: `${a.code} · ${a.title}` })),
        ]}
        testId="violation-article"
      />
      <SelectField
        label={t('inspections.field.subjectKind')}
        value={kind}
        onChange={(v) => setKind(v as 'individual' | 'organisation')}
        options={[
          { value: 'organisation', label: t('inspections.field.organisation') },
          { value: 'individual', label: t('inspections.field.individual') },
        ]}
        testId="violation-subject-kind"
      />
      <TextField
        label={t('inspections.field.subjectName')}
        value={name}
        onChange={setName}
        testId="violation-subject"
      />
      <TextField
        label={t('inspections.field.description')}
        value={description}
        onChange={setDescription}
        testId="violation-description"
      />
      <TextField
        label={t('inspections.field.fine')}
        hint={range ? t('inspections.field.range', { min: vnd(range.minVnd), max: vnd(range.maxVnd) }) : undefined}
        value={amount}
        onChange={setAmount}
        type="text"
        testId="violation-fine"
        error={error ?? undefined}
      />
      <button type="button" className="button" onClick={add} data-testid="violation-add">
        {t('inspections.field.addViolation')}
      </button>
    </fieldset>
  );
}
