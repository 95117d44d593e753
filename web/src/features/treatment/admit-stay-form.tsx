import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdmitStayRequest, BedKind, StayView } from '../../../../core/schemas/facilities.ts';
import { treatmentContract } from '../../../../core/contracts/treatment.ts';
import { api } from '../../ui/api.ts';
import { FormActions, useFormSubmit } from '../../ui/form.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';
import { useFacilityOptions } from '../facilities/use-facility-options.ts';
import { CasePicker, type PickedCase } from '../cases/case-picker.tsx';
import { RefusalError, fieldDetail } from './refusal-error.tsx';
import { BedPlaceFields } from './bed-place-fields.tsx';

const fields = ['caseId', 'facilityId', 'bedKind'];

/**
 * POST /api/treatment/stays: a case, a facility and a kind of bed. The server refuses (409) when no
 * bed of that kind is free or the case is already admitted; its detail names the field it is about
 * (bedKind, caseId, facilityId); `RefusalError` shows that sentence, in the user's language.
 */
interface AdmitStayFormProps {
  onAdmitted(s: StayView): void;
  /** Each attempt starts: the page drops its last "admitted" notice, which would contradict a refusal. */
  onSubmitting(): void;
  onCancel(): void;
}

export function AdmitStayForm({ onAdmitted, onSubmitting, onCancel }: AdmitStayFormProps) {
  const { t } = useTranslation();
  const { selected } = useLocalities();
  const [kase, setKase] = useState<PickedCase | null>(null);
  const [bedKind, setBedKind] = useState<BedKind>('regular_bed');
  const [facility, setFacility] = useState('');
  // The options name the free beds of the chosen kind; refetched after each admission.
  const [refresh, setRefresh] = useState(0);
  const facilities = useFacilityOptions(bedKind, refresh);
  const { error, setError, busy, run } = useFormSubmit();
  const facilityId = facilities.some((o) => o.value === facility) ? facility : (facilities[0]?.value ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onSubmitting();
    if (!kase) return setError(t('treatment.caseRequired'));
    const body: AdmitStayRequest = { caseId: kase.id, facilityId, bedKind };
    const ok = await run(async () => {
      onAdmitted(await api(treatmentContract.postTreatmentStays, { body: body }));
    });
    if (ok) setKase(null);
    // A refusal may mean the figures shown are stale (someone took the last bed): refresh them too.
    setRefresh((n) => n + 1);
  };

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="stay-admit-form">
      <h2>{t('treatment.admitTitle')}</h2>
      <CasePicker
        label={t('treatment.caseSearch')}
        hint={t('treatment.caseSearchHint')}
        search={{ status: 'awaiting_treatment', locality: selected?.code, limit: 8 }}
        wide
        value={kase}
        onChange={setKase}
        error={fieldDetail(error, 'caseId')}
        testId="stay-case"
      />
      <BedPlaceFields
        bedKind={bedKind}
        onBedKind={setBedKind}
        facilityId={facilityId}
        onFacility={setFacility}
        facilities={facilities}
        error={error}
        testIdPrefix="stay"
      />
      <RefusalError error={error} fields={fields} testId="stay-admit-error" />
      <FormActions
        busy={busy}
        label={t('treatment.admitSubmit')}
        testId="stay-admit-submit"
        disabled={!facilityId}
        onCancel={onCancel}
      />
    </form>
  );
}
