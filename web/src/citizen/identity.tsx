import type { InputHTMLAttributes } from 'react';
import { checkIdNumber } from '../../../core/rules/identity-documents.ts';
import { Field, validBirthYear } from './form.tsx';
import { useT, type Translator } from './i18n/index.ts';
import type { Identity } from './storage.ts';

/**
 * A person's identity fields (document type and number, name, birth year, gender, nationality),
 * shared by the declaration (the person themselves) and the residence page (each guest).
 */

/** Client checks of the identity fields but the name (each page words that one): path → message. */
export function identityProblems(v: Identity, t: Translator, pathPrefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  const by = validBirthYear(v.birthYear) ? Number(v.birthYear) : undefined;
  const id = checkIdNumber(v.idType, v.idNumber, by, v.gender || undefined);
  if (id) out[`${pathPrefix}person.idNumber`] = t(`idProblem.${id}`);
  if (!by) out[`${pathPrefix}person.birthYear`] = t('person.birthYearInvalid');
  if (!v.gender) out[`${pathPrefix}person.gender`] = t('app.required');
  if (!/^[A-Z]{2}$/.test(v.nationality.trim())) out[`${pathPrefix}person.nationality`] = t('person.nationalityInvalid');
  return out;
}

/** The contract's identity fields from what was typed (once the checks passed). */
export function identityOf(v: Identity) {
  return {
    idType: v.idType,
    idNumber: v.idNumber.trim(),
    fullName: v.fullName.trim(),
    birthYear: Number(v.birthYear),
    gender: v.gender as 'male' | 'female' | 'other',
    nationality: v.nationality.trim(),
  };
}

type TypedField = 'idNumber' | 'fullName' | 'birthYear' | 'nationality';

export function IdentityFields(props: {
  value: Identity;
  /** A change, with the paths whose errors it clears. */
  onChange: (patch: Partial<Identity>, ...paths: string[]) => void;
  /** The error to show under the field with this (full) path. */
  error: (path: string) => string | undefined;
  testPrefix: string;
  /** `''` or `guests.3.`: the server's paths are `<pathPrefix>person.<field>`. */
  pathPrefix: string;
  /** Extra attributes of the text inputs (autocomplete, keypad, blur). */
  inputs?: Partial<Record<TypedField, InputHTMLAttributes<HTMLInputElement>>>;
  nationalityHint?: string;
  /** Document type and number side by side. */
  idRow?: boolean;
  /** A change of birth year or gender also clears the number's error (its check depends on them). */
  recheckId?: boolean;
}) {
  const t = useT();
  const { value: v, onChange, error, testPrefix: tp, inputs = {} } = props;
  const path = (field: keyof Identity) => `${props.pathPrefix}person.${field}`;
  const idPaths = props.recheckId ? [path('idNumber')] : [];
  const id = (
    <>
      <Field name={path('idType')} label={t('idType.label')} error={error(path('idType'))}>
        {(a) => (
          <select
            {...a}
            value={v.idType}
            onChange={(e) => onChange({ idType: e.target.value as Identity['idType'] }, path('idNumber'))}
            data-testid={`${tp}-id-type`}
          >
            <option value="cccd">{t('idType.cccd')}</option>
            <option value="cmnd">{t('idType.cmnd')}</option>
            <option value="passport">{t('idType.passport')}</option>
          </select>
        )}
      </Field>
      <Field name={path('idNumber')} label={t('person.idNumber')} error={error(path('idNumber'))}>
        {(a) => (
          <input
            {...a}
            value={v.idNumber}
            autoCapitalize="characters"
            autoComplete="off"
            maxLength={20}
            {...inputs.idNumber}
            onChange={(e) => onChange({ idNumber: e.target.value }, path('idNumber'))}
            data-testid={`${tp}-id-number`}
          />
        )}
      </Field>
    </>
  );
  return (
    <>
      {props.idRow ? <div className="row">{id}</div> : id}
      <Field name={path('fullName')} label={t('person.fullName')} error={error(path('fullName'))}>
        {(a) => (
          <input
            {...a}
            value={v.fullName}
            maxLength={120}
            {...inputs.fullName}
            onChange={(e) => onChange({ fullName: e.target.value }, path('fullName'))}
            data-testid={`${tp}-full-name`}
          />
        )}
      </Field>
      <div className="row">
        <Field name={path('birthYear')} label={t('person.birthYear')} error={error(path('birthYear'))}>
          {(a) => (
            <input
              {...a}
              value={v.birthYear}
              inputMode="numeric"
              maxLength={4}
              {...inputs.birthYear}
              onChange={(e) =>
                onChange({ birthYear: e.target.value.replace(/\D/g, '') }, path('birthYear'), ...idPaths)
              }
              data-testid={`${tp}-birth-year`}
            />
          )}
        </Field>
        <Field name={path('gender')} label={t('gender.label')} error={error(path('gender'))}>
          {(a) => (
            <select
              {...a}
              value={v.gender}
              onChange={(e) => onChange({ gender: e.target.value as Identity['gender'] }, path('gender'), ...idPaths)}
              data-testid={`${tp}-gender`}
            >
              <option value="">{t('app.choose')}</option>
              <option value="male">{t('gender.male')}</option>
              <option value="female">{t('gender.female')}</option>
              <option value="other">{t('gender.other')}</option>
            </select>
          )}
        </Field>
      </div>
      <Field
        name={path('nationality')}
        label={t('person.nationality')}
        hint={props.nationalityHint}
        error={error(path('nationality'))}
      >
        {(a) => (
          <input
            {...a}
            value={v.nationality}
            maxLength={2}
            autoCapitalize="characters"
            {...inputs.nationality}
            onChange={(e) => onChange({ nationality: e.target.value.toUpperCase() }, path('nationality'))}
            data-testid={`${tp}-nationality`}
          />
        )}
      </Field>
    </>
  );
}
