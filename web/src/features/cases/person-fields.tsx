import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../../core/schemas/cases.ts';
import { TextField, detailFor, type FormFailure } from '../../ui/form.tsx';
import { AddressPicker } from '../../ui/address-picker.tsx';
import { IdentityFields, type IdentityDraft } from '../../ui/identity-fields.tsx';

/** What the identity fields hold while typed (numbers as text, gender possibly unset). */
export interface PersonDraft extends IdentityDraft {
  nationality: string;
  phone: string;
  communeCode: string;
  addressLine: string;
}

export const emptyPerson: PersonDraft = {
  idType: 'cccd',
  idNumber: '',
  fullName: '',
  birthYear: '',
  gender: '',
  nationality: 'VN',
  phone: '',
  communeCode: '',
  addressLine: '',
};

/** The server's field names, so that its details land under the right input. */
export const personFieldNames = [
  'idType',
  'idNumber',
  'fullName',
  'birthYear',
  'gender',
  'nationality',
  'phone',
  'communeCode',
  'addressLine',
] as const;

/** The contract's `{person: …}` from a draft; a client check failed → the message, as a string. */
export function personRefOf(d: PersonDraft, communeCode: string, t: TFunction): PersonRef | string {
  const year = Number(d.birthYear);
  if (!/^\d{4}$/.test(d.birthYear.trim()) || year < 1900 || year > new Date().getFullYear())
    return t('cases.birthYearInvalid');
  if (!d.gender) return t('cases.genderRequired');
  const gender = d.gender;
  const phone = d.phone.trim();
  const addressLine = d.addressLine.trim();
  return {
    person: {
      idType: d.idType,
      idNumber: d.idNumber.trim(),
      fullName: d.fullName.trim(),
      birthYear: year,
      gender,
      nationality: d.nationality.trim().toUpperCase() || 'VN',
      ...(phone ? { phone } : {}),
      communeCode,
      ...(addressLine ? { addressLine } : {}),
    },
  };
}

/**
 * Identity fields of a person (patient or contact), like the declaration form asks them.
 * `testPrefix` names the inputs (`case-person-id-number`…); errors come from the server's details.
 */
export function PersonFields(p: {
  value: PersonDraft;
  onChange(patch: Partial<PersonDraft>): void;
  communeCode: string;
  error: FormFailure;
  testPrefix: string;
}) {
  const { t } = useTranslation();
  const v = p.value;
  const tp = p.testPrefix;
  return (
    <>
      <IdentityFields value={v} onChange={p.onChange} error={p.error} testPrefix={tp} />
      <TextField
        label={t('cases.nationality')}
        value={v.nationality}
        onChange={(x) => p.onChange({ nationality: x })}
        placeholder="VN"
        error={detailFor(p.error, 'nationality')}
        testId={`${tp}-nationality`}
      />
      <TextField
        label={`${t('cases.phone')} ${t('common.optional')}`}
        value={v.phone}
        onChange={(x) => p.onChange({ phone: x })}
        autoComplete="off"
        placeholder="09xx xxx xxx"
        error={detailFor(p.error, 'phone')}
        testId={`${tp}-phone`}
      />
      <AddressPicker
        communeCode={p.communeCode}
        onChange={(x) => p.onChange({ communeCode: x })}
        error={detailFor(p.error, 'communeCode')}
        testPrefix={tp}
      />
      <TextField
        label={`${t('cases.addressLine')} ${t('common.optional')}`}
        value={v.addressLine}
        onChange={(x) => p.onChange({ addressLine: x })}
        autoComplete="off"
        error={detailFor(p.error, 'addressLine')}
        testId={`${tp}-address`}
      />
    </>
  );
}
