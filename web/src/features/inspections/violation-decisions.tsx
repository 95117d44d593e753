import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { inspectionsContract as c } from '../../../../core/contracts/inspections.ts';
import type { ArticleView, ViolationView } from '../../../../core/schemas/inspections.ts';
import { addDays, vietnamToday } from '../../../../core/vietnam-calendar.ts';
import { api } from '../../ui/api.ts';
import { CheckboxField, detailFor, FormActions, FormError, TextField, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';

const vnd = (n: number) => `${n.toLocaleString('vi-VN')} ₫`;
const digits = (s: string) => Number(s.replace(/[^0-9]/g, ''));

/**
 * A violation on the visit's page, with what may follow it: the decision to fine (quyết định xử
 * phạt) while it is not final, the payment once decided, and, for an individual, the legal decision
 * that allows publishing it. The server decides who may do each and checks the range again.
 */
export function ViolationItem(p: { violation: ViolationView; onChange(v: ViolationView): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = p.violation;
  const fine = v.fine;
  return (
    <li data-testid="violation-item" data-article={v.article.code}>
      <p>
        <strong>
          {v.article.code} · {v.article.title}
        </strong>
        <br />
        {t(`inspections.field.${v.subject.kind}`)}: {v.subject.name} · {fmt.date(v.committedOn)}
        {v.earlierViolations > 0 && ` · ${t('inspections.decide.repeat', { count: v.earlierViolations })}`}
      </p>
      {fine && (
        <p data-testid="violation-fine-status">
          {t('inspections.decide.decided', { amount: vnd(fine.amountVnd), on: fmt.date(fine.decidedOn) })}
          {fine.decisionNumber && ` · ${fine.decisionNumber}`}
          {fine.paymentDueOn && ` · ${t('inspections.decide.dueOn', { on: fmt.date(fine.paymentDueOn) })}`} ·{' '}
          {t(`inspections.decide.status.${fine.paymentStatus}`)}
          {fine.paidOn && ` (${fmt.date(fine.paidOn)})`}
          {fine.final && ` · ${t('inspections.decide.finalShort')}`}
        </p>
      )}
      {(!fine || !fine.final) && <FineDecisionForm violation={v} onChange={p.onChange} />}
      {fine && fine.paymentStatus !== 'paid' && <PaymentForm violation={v} onChange={p.onChange} />}
      {v.subject.kind === 'individual' && !v.published && <PublicationForm violation={v} onChange={p.onChange} />}
      {v.published && (
        <p className="muted">
          {t(v.subject.kind === 'organisation' ? 'inspections.decide.publishedFinal' : 'inspections.decide.published')}
        </p>
      )}
    </li>
  );
}

/** The amount must lie inside the catalogue's range for the subject on the day of the violation. */
function FineDecisionForm(p: { violation: ViolationView; onChange(v: ViolationView): void }) {
  const { t } = useTranslation();
  const v = p.violation;
  const today = vietnamToday();
  const [open, setOpen] = useState(false);
  const [article, setArticle] = useState<ArticleView | null>(null);
  const [number, setNumber] = useState(v.fine?.decisionNumber ?? '');
  const [decidedOn, setDecidedOn] = useState(v.fine?.decidedOn ?? today);
  const [amount, setAmount] = useState(v.fine ? String(v.fine.amountVnd) : '');
  const [remedies, setRemedies] = useState(v.fine?.remedies ?? '');
  const [dueOn, setDueOn] = useState(v.fine?.paymentDueOn ?? addDays(today, 10));
  const [final, setFinal] = useState(false);
  const { error, setError, busy, run } = useFormSubmit();
  useEffect(() => {
    if (!open) return;
    api(c.getInspectionsArticles, { query: { on: v.committedOn } }).then(
      (r) => setArticle(r.items.find((a) => a.code === v.article.code) ?? null),
      () => setArticle(null),
    );
  }, [open, v.committedOn, v.article.code]);
  const range = article ? article[v.subject.kind] : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amountVnd = digits(amount);
    if (range && (amountVnd < range.minVnd || amountVnd > range.maxVnd)) {
      setError(
        t('inspections.field.outOfRange', {
          min: vnd(range.minVnd),
          max: vnd(range.maxVnd),
          subject: t(`inspections.field.${v.subject.kind}`).toLowerCase(),
        }),
      );
      return;
    }
    void run(async () => {
      const body = {
        decidedOn,
        amountVnd,
        paymentDueOn: dueOn,
        final,
        ...(number.trim() ? { decisionNumber: number.trim() } : {}),
        ...(remedies.trim() ? { remedies: remedies.trim() } : {}),
      };
      p.onChange(await api(c.postInspectionsViolationsDecision, { params: { id: v.id }, body }));
      setOpen(false);
    });
  };

  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="decision-open">
        {v.fine ? t('inspections.decide.change') : t('inspections.decide.open')}
      </button>
    );
  return (
    <form onSubmit={submit} className="stack" data-testid="decision-form" noValidate>
      <h3>{t('inspections.decide.title')}</h3>
      <TextField label={t('inspections.decide.number')} value={number} onChange={setNumber} testId="decision-number" />
      <TextField
        label={t('inspections.decide.decidedOn')}
        type="date"
        value={decidedOn}
        onChange={setDecidedOn}
        error={detailFor(error, 'decidedOn')}
      />
      <TextField
        label={t('inspections.field.fine')}
        hint={range ? t('inspections.field.range', { min: vnd(range.minVnd), max: vnd(range.maxVnd) }) : undefined}
        value={amount}
        onChange={setAmount}
        testId="decision-amount"
        error={detailFor(error, 'amountVnd')}
      />
      {article?.remedy && <p className="muted">{t('inspections.decide.remedyHint', { remedy: article.remedy })}</p>}
      <TextField
        label={t('inspections.decide.remedies')}
        value={remedies}
        onChange={setRemedies}
        testId="decision-remedies"
      />
      <TextField
        label={t('inspections.field.paymentDue')}
        type="date"
        value={dueOn}
        onChange={setDueOn}
        testId="decision-due"
        error={detailFor(error, 'paymentDueOn')}
      />
      <CheckboxField
        label={t('inspections.decide.final')}
        checked={final}
        onChange={setFinal}
        testId="decision-final"
      />
      <FormError error={error} fields={['decidedOn', 'amountVnd', 'paymentDueOn']} testId="decision-error" />
      <FormActions
        busy={busy}
        label={t('inspections.decide.save')}
        testId="decision-save"
        disabled={!digits(amount)}
        onCancel={() => setOpen(false)}
      />
    </form>
  );
}

function PaymentForm(p: { violation: ViolationView; onChange(v: ViolationView): void }) {
  const { t } = useTranslation();
  const [paidOn, setPaidOn] = useState(vietnamToday());
  const { error, busy, run } = useFormSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () =>
      p.onChange(await api(c.postInspectionsViolationsPayment, { params: { id: p.violation.id }, body: { paidOn } })),
    );
  };
  return (
    <form onSubmit={submit} className="stack" data-testid="payment-form" noValidate>
      <TextField
        label={t('inspections.decide.paidOn')}
        type="date"
        value={paidOn}
        onChange={setPaidOn}
        testId="payment-date"
        error={detailFor(error, 'paidOn')}
      />
      <FormError error={error} fields={['paidOn']} />
      <FormActions busy={busy} label={t('inspections.decide.pay')} testId="payment-save" />
    </form>
  );
}

/** Only a recorded legal decision publishes an individual's violation, and only with the name if it says so. */
function PublicationForm(p: { violation: ViolationView; onChange(v: ViolationView): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState('');
  const [namesSubject, setNames] = useState(false);
  const { error, busy, run } = useFormSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      p.onChange(
        await api(c.postInspectionsViolationsPublicationDecision, {
          params: { id: p.violation.id },
          body: { decision: decision.trim(), namesSubject },
        }),
      );
      setOpen(false);
    });
  };
  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="publication-open">
        {t('inspections.decide.publishOpen')}
      </button>
    );
  return (
    <form onSubmit={submit} className="stack" data-testid="publication-form" noValidate>
      <p className="muted">{t('inspections.decide.publishIntro')}</p>
      <TextField
        label={t('inspections.decide.publishDecision')}
        value={decision}
        onChange={setDecision}
        testId="publication-decision"
        error={detailFor(error, 'decision')}
      />
      <CheckboxField
        label={t('inspections.decide.publishName')}
        checked={namesSubject}
        onChange={setNames}
        testId="publication-names"
      />
      <FormError error={error} fields={['decision']} />
      <FormActions
        busy={busy}
        label={t('inspections.decide.publishSave')}
        testId="publication-save"
        disabled={!decision.trim()}
        onCancel={() => setOpen(false)}
      />
    </form>
  );
}
