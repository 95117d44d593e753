import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VenueDecision } from '../../../../core/rules/venue-status.ts';
import type { OrganisationView } from '../../../../core/schemas/organisations.ts';
import { organisationsContract } from '../../../../core/contracts/organisations.ts';
import { ApiError, api } from '../../ui/api.ts';
import { FormActions, FormError, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';

export type RefusingDecision = Exclude<VenueDecision, 'approve'>;

/** POST /api/organisations/:id/decision with the reason a refusal or a suspension must carry. */
export function OrganisationDecisionForm(p: {
  organisation: OrganisationView;
  decision: RefusingDecision;
  onDone(o: OrganisationView): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { error, setError, busy, run } = useFormSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) return setError(t('organisations.noteRequired'));
    await run(async () => {
      p.onDone(
        await api(organisationsContract.postOrganisationsDecision, {
          params: { id: p.organisation.id },
          body: { decision: p.decision, note: note.trim() },
        }),
      );
    });
  };

  const title = p.decision === 'reject' ? 'organisations.rejectTitle' : 'organisations.suspendTitle';
  return (
    <form className="form-grid inline-form" onSubmit={(e) => void submit(e)} noValidate data-testid="org-decision-form">
      <h3>{t(title, { name: p.organisation.name })}</h3>
      <TextField
        label={t('organisations.note')}
        value={note}
        onChange={setNote}
        required
        autoFocus
        hint={t('organisations.noteHint')}
        error={detailFor(error, 'note') ?? (typeof error === 'string' ? error : undefined)}
        testId="org-decision-note"
      />
      <FormError error={error instanceof ApiError ? error : null} fields={['note']} />
      <FormActions
        busy={busy}
        label={t(p.decision === 'reject' ? 'organisations.reject' : 'organisations.suspend')}
        testId="org-decision-submit"
        variant="danger"
        onCancel={p.onCancel}
      />
    </form>
  );
}

/**
 * The decision buttons of one organisation (approve at once; reject or suspend open the reason form
 * through `onAsk`). Shown to those who decide only.
 */
export function DecisionButtons(p: {
  organisation: OrganisationView;
  busy: boolean;
  asking: RefusingDecision | null;
  onApprove(): void;
  onAsk(d: RefusingDecision): void;
}) {
  const { t } = useTranslation();
  const allowed = (d: VenueDecision) => p.organisation.allowedDecisions.includes(d);
  return (
    <>
      {allowed('approve') && (
        <button type="button" className="primary" disabled={p.busy} onClick={p.onApprove} data-testid="org-approve">
          {p.organisation.status === 'suspended' ? t('organisations.reinstate') : t('organisations.approve')}
        </button>
      )}
      {(['reject', 'suspend'] as const).filter(allowed).map((d) => (
        <button
          key={d}
          type="button"
          aria-expanded={p.asking === d}
          onClick={() => p.onAsk(d)}
          data-testid={`org-${d}`}
        >
          {t(`organisations.${d}`)}
        </button>
      ))}
    </>
  );
}
