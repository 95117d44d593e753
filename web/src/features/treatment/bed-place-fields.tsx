import { useTranslation } from 'react-i18next';
import type { BedKind } from '../../../../core/schemas/facilities.ts';
import { SelectField, type FormFailure } from '../../ui/form.tsx';
import { fieldDetail } from './refusal-error.tsx';
import { bedKindOptions, isBedKind } from './treatment-labels.ts';

interface BedPlaceFieldsProps {
  bedKind: BedKind;
  onBedKind(kind: BedKind): void;
  facilityId: string;
  onFacility(id: string): void;
  /** The facilities with a free bed of `bedKind` (useFacilityOptions). */
  facilities: readonly { value: string; label: string }[];
  error: FormFailure;
  /** `${prefix}-bed-kind` and `${prefix}-facility`. */
  testIdPrefix: string;
}

/** Where a case goes into a bed: the kind of bed, then a facility with one free. */
export function BedPlaceFields(p: BedPlaceFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        label={t('treatment.bedKind')}
        value={p.bedKind}
        onChange={(v) => isBedKind(v) && p.onBedKind(v)}
        options={bedKindOptions(t)}
        error={fieldDetail(p.error, 'bedKind')}
        testId={`${p.testIdPrefix}-bed-kind`}
      />
      <SelectField
        label={t('treatment.facility')}
        value={p.facilityId}
        onChange={p.onFacility}
        options={p.facilities.length ? [...p.facilities] : [{ value: '', label: t('treatment.noFacility') }]}
        error={fieldDetail(p.error, 'facilityId')}
        testId={`${p.testIdPrefix}-facility`}
      />
    </>
  );
}
