import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../../core/schemas/cases.ts';
import { SelectField, TextField, detailFor, type FormFailure, type Option } from '../../ui/form.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';
import { localityOptions } from '../../ui/locality-picker.tsx';
import { AddressPicker } from '../../ui/address-picker.tsx';
import { genderOptions, idTypeOptions, isGender, isIdType, type Gender, type IdType } from './case-labels.ts';
import { useLang } from '../../ui/format.ts';

/** What the identity fields hold while typed (numbers as text, gender possibly unset). */
export interface PersonDraft {
  idType: IdType;
  idNumber: string;
  fullName: string;
  birthYear: string;
  gender: Gender | '';
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

/**
 * The communes under the picker's selection (all of the user's scope when it has none): where a
 * patient or contact of this area lives, most of the time.
 */
export function useCommuneOptions(): Option[] {
  const { entries, selected, byCode } = useLocalities();
  const lang = useLang();
  return useMemo(() => {
    const all = localityOptions(entries, lang, ['commune']).map((o) => ({ ...o, label: o.label.trim() }));
    if (!selected || selected.level === 'commune') return all;
    const under = (code: string) => {
      for (let c: string | null | undefined = code; c; c = byCode.get(c)?.parentCode)
        if (c === selected.code) return true;
      return false;
    };
    const inside = all.filter((o) => under(o.value));
    return inside.length > 0 ? inside : all;
  }, [entries, selected, byCode, lang]);
}

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
