import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StayOutcome, StayView } from '../../../../core/schemas/facilities.ts';
import { treatmentContract } from '../../../../core/contracts/treatment.ts';
import { api } from '../../ui/api.ts';
import { FormActions, SelectField, useFormSubmit } from '../../ui/form.tsx';
import { RefusalError, fieldDetail } from './refusal-error.tsx';
import { isStayOutcome, outcomeOptions } from './treatment-labels.ts';

/**
 * POST /api/treatment/stays/:id/discharge {outcome}, discharged now. Shown under the stay's row;
 * the case record itself is not changed by the server (recovery is recorded on the case).
 */
export function DischargeForm({
  stay,
  onDone,
  onCancel,
}: {
  stay: StayView;
  onDone(s: StayView): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<StayOutcome>('recovered');
  const { error, busy, run } = useFormSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () =>
      onDone(await api(treatmentContract.postTreatmentStaysDischarge, { params: { id: stay.id }, body: { outcome } })),
    );
  };
  return (
    <form
      className="form-grid discharge-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid={`discharge-form-${stay.caseNumber}`}
    >
      <h3>{t('treatment.dischargeTitle', { name: stay.fullName ?? stay.caseNumber })}</h3>
      <SelectField
        label={t('treatment.outcomeHeader')}
        value={outcome}
        onChange={(v) => isStayOutcome(v) && setOutcome(v)}
        options={outcomeOptions(t)}
        error={fieldDetail(error, 'outcome')}
        testId="discharge-outcome"
      />
      <RefusalError error={error} fields={['outcome']} testId="discharge-error" />
      <FormActions
        busy={busy}
        label={t('treatment.dischargeSubmit')}
        variant={outcome === 'died' ? 'danger' : 'primary'}
        testId="discharge-submit"
        onCancel={onCancel}
      />
    </form>
  );
}
