import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VenueDecision } from '../../../../core/rules/venue-status.ts';
import type { VenueView } from '../../../../core/schemas/venues.ts';
import { venuesContract } from '../../../../core/contracts/venues.ts';
import { ApiError, api } from '../../ui/api.ts';
import { FormActions, FormError, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';

/** POST /api/venues/:id/decision with the note a refusal or a suspension must carry. */
export function VenueDecisionForm(p: {
  venue: VenueView;
  decision: Exclude<VenueDecision, 'approve'>;
  onDone(v: VenueView): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { error, setError, busy, run } = useFormSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) return setError(t('venues.noteRequired'));
    await run(async () => {
      const v = await api(venuesContract.postVenuesDecision, {
        params: { id: p.venue.id },
        body: { decision: p.decision, note: note.trim() },
      });
      p.onDone(v);
    });
  };

  return (
    <form
      className="form-grid inline-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="venue-decision-form"
    >
      <h3>{t(p.decision === 'reject' ? 'venues.rejectTitle' : 'venues.suspendTitle', { name: p.venue.name })}</h3>
      <TextField
        label={t('venues.note')}
        value={note}
        onChange={setNote}
        required
        autoFocus
        hint={t('venues.noteHint')}
        error={detailFor(error, 'note') ?? (typeof error === 'string' ? error : undefined)}
        testId="venue-decision-note"
      />
      <FormError error={error instanceof ApiError ? error : null} fields={['note']} />
      <FormActions
        busy={busy}
        label={t(p.decision === 'reject' ? 'venues.reject' : 'venues.suspend')}
        testId="venue-decision-submit"
        variant="danger"
        onCancel={p.onCancel}
      />
    </form>
  );
}
