import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, CaseView, DischargeCaseRequest } from '../../../../core/schemas/cases.ts';
import type { BedKind } from '../../../../core/schemas/facilities.ts';
import { casesContract } from '../../../../core/contracts/cases.ts';
import { treatmentContract } from '../../../../core/contracts/treatment.ts';
import { api, ApiError } from '../../ui/api.ts';
import { FormActions, SelectField, TextField, useFormSubmit } from '../../ui/form.tsx';
import { useFacilityOptions } from '../facilities/use-facility-options.ts';
import { RefusalError, fieldDetail } from '../treatment/refusal-error.tsx';
import { BedPlaceFields } from '../treatment/bed-place-fields.tsx';
import { isBedKind } from '../treatment/treatment-labels.ts';
import type { CareAction } from './care-actions.ts';

type Outcome = DischargeCaseRequest['outcome'];
const outcomes: readonly Outcome[] = ['recovered', 'died', 'transferred_out'];
const isOutcome = (v: string): v is Outcome => (outcomes as readonly string[]).includes(v);
const fields = ['facilityId', 'bedKind', 'outcome', 'reason'];

/**
 * The explicit confirmation of one care transition: the dialog says what will happen to the case
 * (its status now and after, where it will be treated), asks what the move needs (the bed, the
 * outcome, a reason for the history) and sends it only on "confirm". A refusal keeps the dialog
 * open with the server's sentence for its code (CASE_NOT_IN_TREATMENT, NO_FREE_BED, SAME_PLACE…).
 * `onDone` gets the case as the server answers it, or null when the answer was the stay (the page
 * then reloads the case). `onClose` says whether the server refused something: the case may have
 * changed meanwhile (someone else discharged it), so the page reloads it then.
 */
export function CareDialog({
  theCase,
  action,
  onClose,
  onDone,
}: {
  theCase: CaseView;
  action: CareAction | null;
  onClose(refused: boolean): void;
  onDone(action: CareAction, c: CaseView | null, detail: string): void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const current = theCase.care;
  const [bedKind, setBedKind] = useState<BedKind>('regular_bed');
  const [facility, setFacility] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('recovered');
  const [reason, setReason] = useState('');
  const needsBed = action === 'admit' || action === 'transfer';
  const facilities = useFacilityOptions(bedKind);
  const facilityId = facilities.some((o) => o.value === facility) ? facility : (facilities[0]?.value ?? '');
  const { error, setError, busy, run } = useFormSubmit();
  const close = () => onClose(error instanceof ApiError);

  useEffect(() => {
    if (!action) {
      dialog.current?.close();
      return;
    }
    if (!dialog.current?.open) dialog.current?.showModal();
    setError(null);
    setReason('');
    setOutcome('recovered');
    setFacility('');
    // A transfer starts from the bed kind the case has, so that only the facility is to change.
    setBedKind(
      action === 'transfer' && current?.bedKind && isBedKind(current.bedKind) ? current.bedKind : 'regular_bed',
    );
  }, [action, current?.bedKind, setError]);

  const bedName = t(`facilities.capacityKind.${bedKind}`);
  const after: CaseStatus = action === 'discharge' ? outcome : 'treating';
  const whereAfter =
    action === 'home'
      ? t('cases.care.actions.whereHome')
      : needsBed
        ? t('cases.care.actions.whereBed', { bed: bedName })
        : t('cases.care.actions.whereNone');

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    if (!action) return;
    const why = reason.trim() || undefined;
    await run(async () => {
      if (action === 'admit') {
        const s = await api(treatmentContract.postTreatmentStays, {
          body: { caseId: theCase.id, facilityId, bedKind },
        });
        onDone(action, null, s.facilityName);
      } else if (action === 'transfer') {
        const s = await api(treatmentContract.postTreatmentStaysTransfer, {
          params: { id: current?.stayId ?? '' },
          body: { facilityId, bedKind, ...(why ? { reason: why } : {}) },
        });
        onDone(action, null, s.facilityName);
      } else if (action === 'home') {
        const c = await api(casesContract.postCasesHomeTreatment, {
          params: { id: theCase.id },
          body: why ? { reason: why } : {},
        });
        onDone(action, c, '');
      } else {
        const c = await api(casesContract.postCasesDischarge, {
          params: { id: theCase.id },
          body: { outcome, ...(why ? { reason: why } : {}) },
        });
        onDone(action, c, t(`cases.status.${c.status}`));
      }
    });
  };

  return (
    <dialog
      ref={dialog}
      className="reauth-dialog care-dialog"
      aria-labelledby="care-dialog-title"
      onCancel={close}
      data-testid="care-dialog"
    >
      {action && (
        <form className="form-grid" onSubmit={(e) => void confirm(e)} noValidate>
          <h2 id="care-dialog-title" className="full">
            {t(`cases.care.actions.title.${action}`)}
          </h2>
          <p className="full">{t(`cases.care.actions.explain.${action}`)}</p>
          <dl className="care-dialog-summary full" data-testid="care-dialog-summary">
            <dt>{t('cases.caseNumber')}</dt>
            <dd>
              {theCase.caseNumber}
              {theCase.fullName ? ` · ${theCase.fullName}` : ''}
            </dd>
            <dt>{t('cases.care.actions.statusNow')}</dt>
            <dd>{t(`cases.status.${theCase.status}`)}</dd>
            <dt>{t('cases.care.actions.statusAfter')}</dt>
            <dd data-testid="care-dialog-after">
              {t(`cases.status.${after}`)} — {whereAfter}
            </dd>
          </dl>
          {needsBed && (
            <BedPlaceFields
              bedKind={bedKind}
              onBedKind={setBedKind}
              facilityId={facilityId}
              onFacility={setFacility}
              facilities={facilities}
              error={error}
              testIdPrefix="care"
            />
          )}
          {action === 'discharge' && (
            <SelectField
              label={t('cases.care.actions.outcome')}
              value={outcome}
              onChange={(v) => isOutcome(v) && setOutcome(v)}
              options={outcomes.map((o) => ({ value: o, label: t(`cases.status.${o}`) }))}
              error={fieldDetail(error, 'outcome')}
              testId="care-outcome"
            />
          )}
          {action !== 'admit' && (
            <TextField
              label={`${t('cases.care.actions.reason')} ${t('common.optional')}`}
              value={reason}
              onChange={setReason}
              error={fieldDetail(error, 'reason')}
              testId="care-reason"
            />
          )}
          <RefusalError error={error} fields={fields} testId="care-error" />
          <FormActions
            busy={busy}
            label={t(`cases.care.actions.confirm.${action}`)}
            variant={action === 'discharge' && outcome === 'died' ? 'danger' : 'primary'}
            disabled={needsBed && !facilityId}
            testId="care-confirm"
            onCancel={close}
          />
        </form>
      )}
    </dialog>
  );
}
