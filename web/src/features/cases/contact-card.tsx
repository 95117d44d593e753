import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactView, DecideContactRequest } from '../../../../core/schemas/cases.ts';
import { tracingContract } from '../../../../core/contracts/tracing.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, TextField, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Link } from '../../ui/router.tsx';
import { casePage, contactStatusBadge } from './case-labels.ts';
import { usePlaceName } from '../../ui/locality-context.tsx';

type Decision = DecideContactRequest['decision'];

/** The evidence tracing found: household, minutes together, and each venue with its times. */
function Evidence({ c }: { c: ContactView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const minutes = Math.round(c.totalOverlapMinutes);
  return (
    <div className="contact-evidence">
      <span className="chips">
        {c.household && (
          <span className="badge badge-household" data-testid={`contact-household-${c.personId}`}>
            {t('contacts.household')}
          </span>
        )}
        {c.declared && <span className="badge">{t('contacts.declared')}</span>}
        {minutes > 0 && (
          <span className="badge badge-minutes">{t('contacts.minutes', { minutes: fmt.number(minutes) })}</span>
        )}
        {c.distinctVenues > 0 && <span className="badge">{t('contacts.venueCount', { count: c.distinctVenues })}</span>}
        {c.viaName && <span className="badge">{t('contacts.via', { name: c.viaName })}</span>}
      </span>
      {c.venues.length > 0 && (
        <ul className="venue-evidence" data-testid={`contact-venues-${c.personId}`}>
          {c.venues.map((v, i) => (
            <li key={`${v.venueId}-${i}`}>
              {t('contacts.venueLine', {
                venue: v.venueName,
                from: fmt.dateTime(v.from),
                to: fmt.dateTime(v.to),
                minutes: fmt.number(Math.round(v.minutes)),
              })}
            </li>
          ))}
        </ul>
      )}
      {c.lastExposureAt && (
        <span className="muted small">{t('contacts.exposure', { time: fmt.dateTime(c.lastExposureAt) })}</span>
      )}
    </div>
  );
}

/** Confirm or reject with an optional note (POST /api/contacts/:id/decision). */
function DecisionForm(p: { contact: ContactView; decision: Decision; onDone(c: ContactView): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { error, busy, run } = useFormSubmit();
  const pid = p.contact.personId;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: DecideContactRequest = { decision: p.decision, ...(note.trim() ? { note: note.trim() } : {}) };
    await run(async () =>
      p.onDone(await api(tracingContract.postContactsDecision, { params: { id: p.contact.id }, body })),
    );
  };
  return (
    <form
      className="inline-form contact-decision"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid={`contact-decision-${pid}`}
    >
      <TextField label={t('contacts.note')} value={note} onChange={setNote} testId={`contact-note-${pid}`} autoFocus />
      <FormError error={error} fields={['note']} />
      <FormActions
        busy={busy}
        label={
          p.decision === 'confirm'
            ? t('contacts.submitConfirm', { level: p.contact.level })
            : t('contacts.submitReject')
        }
        variant={p.decision === 'confirm' ? 'primary' : 'danger'}
        testId={`contact-submit-${pid}`}
        onCancel={p.onCancel}
      />
    </form>
  );
}

/**
 * One contact: who, level, status, evidence, and (for investigators, while it is a proposal)
 * Confirm / Reject buttons that open a one-field note form. A decision is final here.
 */
export function ContactCard(p: { contact: ContactView; mayDecide: boolean; onDecided(c: ContactView): void }) {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const fmt = useFormat();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const c = p.contact;
  const toggle = (d: Decision) => setDeciding((cur) => (cur === d ? null : d));
  return (
    <li
      className={`contact-card contact-${c.status}`}
      data-testid={`contact-row-${c.personId}`}
      data-status={c.status}
      data-level={c.level}
    >
      <div className="contact-head">
        <span className="badge badge-level">{t('contacts.level', { level: c.level })}</span>
        <strong className="contact-name">{c.fullName}</strong>
        <span className="muted small">
          {c.birthYear}
          {c.communeName && ` · ${nameOf(c.communeCode, c.communeName)}`}
          {c.phone && (
            <>
              {' · '}
              <a href={`tel:${c.phone}`}>{c.phone}</a>
            </>
          )}
        </span>
        <span
          className={contactStatusBadge(c.status)}
          data-testid={`contact-status-${c.personId}`}
          data-status={c.status}
        >
          {t(`contacts.status.${c.status}`)}
        </span>
        {c.becameCaseId && (
          <Link to={casePage(c.becameCaseId)} className="small">
            {t('contacts.becameCase')}
          </Link>
        )}
      </div>
      <Evidence c={c} />
      {c.decidedAt && (
        <p className="muted small contact-decided">
          {t('contacts.decidedAt', { time: fmt.dateTime(c.decidedAt) })}
          {c.decisionNote && ` · ${t('contacts.decidedNote', { note: c.decisionNote })}`}
        </p>
      )}
      {p.mayDecide && c.status === 'proposed' && (
        <div className="row-actions">
          <button
            type="button"
            className="primary"
            aria-expanded={deciding === 'confirm'}
            onClick={() => toggle('confirm')}
            data-testid={`contact-confirm-${c.personId}`}
          >
            {t('contacts.confirm')}
          </button>
          <button
            type="button"
            aria-expanded={deciding === 'reject'}
            onClick={() => toggle('reject')}
            data-testid={`contact-reject-${c.personId}`}
          >
            {t('contacts.reject')}
          </button>
        </div>
      )}
      {deciding && (
        <DecisionForm
          contact={c}
          decision={deciding}
          onCancel={() => setDeciding(null)}
          onDone={(next) => {
            setDeciding(null);
            p.onDecided(next);
          }}
        />
      )}
    </li>
  );
}
