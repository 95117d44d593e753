import { useTranslation } from 'react-i18next';
import {
  genderOptions,
  idTypeOptions,
  isGender,
  isIdType,
  type Gender,
  type IdType,
} from '../features/cases/case-labels.ts';
import { SelectField, TextField, detailFor, type FormFailure } from './form.tsx';

/** A document and the name, birth year and sex that go with it, while typed (numbers as text). */
export interface IdentityDraft {
  idType: IdType;
  idNumber: string;
  fullName: string;
  birthYear: string;
  gender: Gender | '';
}

/**
 * The identity of a person as officials type it from their document (a patient, a contact, a
 * quarantine admission, someone at a checkpoint). `testPrefix` names the inputs
 * (`case-person-id-number`…); errors come from the server's details.
 */
export function IdentityFields(p: {
  value: IdentityDraft;
  onChange(patch: Partial<IdentityDraft>): void;
  error: FormFailure;
  testPrefix: string;
}) {
  const { t } = useTranslation();
  const v = p.value;
  const tp = p.testPrefix;
  return (
    <>
      <SelectField
        label={t('cases.idTypeHeader')}
        value={v.idType}
        onChange={(x) => isIdType(x) && p.onChange({ idType: x })}
        options={idTypeOptions(t)}
        error={detailFor(p.error, 'idType')}
        testId={`${tp}-id-type`}
      />
      <TextField
        label={t('cases.idNumber')}
        value={v.idNumber}
        onChange={(x) => p.onChange({ idNumber: x })}
        required
        autoComplete="off"
        error={detailFor(p.error, 'idNumber')}
        testId={`${tp}-id-number`}
      />
      <TextField
        label={t('cases.fullName')}
        value={v.fullName}
        onChange={(x) => p.onChange({ fullName: x })}
        required
        autoComplete="off"
        error={detailFor(p.error, 'fullName')}
        testId={`${tp}-full-name`}
      />
      <TextField
        label={t('cases.birthYear')}
        type="number"
        min={1900}
        max={new Date().getFullYear()}
        value={v.birthYear}
        onChange={(x) => p.onChange({ birthYear: x })}
        required
        error={detailFor(p.error, 'birthYear')}
        testId={`${tp}-birth-year`}
      />
      <SelectField
        label={t('cases.genderHeader')}
        value={v.gender}
        onChange={(x) => p.onChange({ gender: isGender(x) ? x : '' })}
        options={[{ value: '', label: t('common.empty') }, ...genderOptions(t)]}
        required
        error={detailFor(p.error, 'gender')}
        testId={`${tp}-gender`}
      />
    </>
  );
}
