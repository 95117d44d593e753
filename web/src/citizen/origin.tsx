import { Field, type FormErrors } from './form.tsx';
import { useT } from './i18n/index.ts';
import { ListState } from './address.tsx';
import { PlacePicker } from './place-picker.tsx';
import { useNationalPlaces } from './places.ts';

export type OriginKind = 'commune' | 'province' | 'country';
export interface OriginValue {
  kind: OriginKind;
  province: string;
  commune: string;
  country: string;
}
export const emptyOrigin: OriginValue = { kind: 'province', province: '', commune: '', country: '' };

/** The contract's origin fields from what was picked. */
export function originOf(v: OriginValue): { originKind: OriginKind; originCode?: string; originCountry?: string } {
  if (v.kind === 'country') return { originKind: 'country', originCountry: v.country.trim().toUpperCase() };
  const code = v.kind === 'province' ? v.province : v.commune;
  return code ? { originKind: v.kind, originCode: code } : { originKind: v.kind };
}

/** Client checks of an origin: the field (under the caller's prefix) and what is wrong with it. */
export function checkOrigin(
  v: OriginValue,
): { field: 'originCode' | 'originCountry'; problem: 'required' | 'country' } | null {
  const o = originOf(v);
  if (v.kind === 'country')
    return /^[A-Z]{2}$/.test(o.originCountry ?? '') && o.originCountry !== 'VN'
      ? null
      : { field: 'originCountry', problem: 'country' };
  return o.originCode ? null : { field: 'originCode', problem: 'required' };
}

/**
 * Where someone comes from: a province, or a commune of a province, anywhere in Viet Nam, picked
 * by typing its name (the national list, loaded here or not); or a country (2-letter code).
 */
export function OriginPicker(props: {
  value: OriginValue;
  onChange: (v: OriginValue) => void;
  testPrefix: string;
  /** `''` or `guests.3.`: the server's paths for these fields. */
  pathPrefix: string;
  errors: FormErrors;
}) {
  const t = useT();
  const { value: v, onChange, testPrefix: tp, pathPrefix: pp } = props;
  const provinces = useNationalPlaces(v.kind === 'country' ? null : '');
  const communes = useNationalPlaces(v.kind === 'commune' && v.province ? v.province : null);
  const codeError = props.errors.fields[`${pp}originCode`];
  const set = (patch: Partial<OriginValue>) => onChange({ ...v, ...patch });
  return (
    <>
      <Field name={`${pp}originKind`} label={t('arrival.originKind')} error={props.errors.fields[`${pp}originKind`]}>
        {(a) => (
          <select
            {...a}
            value={v.kind}
            onChange={(e) => set({ kind: e.target.value as OriginKind, commune: '' })}
            data-testid={`${tp}-origin-kind`}
          >
            <option value="province">{t('arrival.originProvince')}</option>
            <option value="commune">{t('arrival.originCommune')}</option>
            <option value="country">{t('arrival.originCountry')}</option>
          </select>
        )}
      </Field>
      {v.kind === 'country' ? (
        <Field
          name={`${pp}originCountry`}
          label={t('arrival.country')}
          hint={t('arrival.countryHint')}
          error={props.errors.fields[`${pp}originCountry`]}
        >
          {(a) => (
            <input
              {...a}
              value={v.country}
              maxLength={2}
              autoCapitalize="characters"
              autoComplete="off"
              onChange={(e) => set({ country: e.target.value.toUpperCase() })}
              data-testid={`${tp}-origin-country`}
            />
          )}
        </Field>
      ) : (
        <>
          <PlacePicker
            name={v.kind === 'province' ? `${pp}originCode` : `${pp}originCode-province`}
            label={t('address.province')}
            list={provinces}
            value={v.province}
            onChange={(province) => set({ province, commune: '' })}
            error={v.kind === 'province' ? codeError : undefined}
            testId={`${tp}-origin-province`}
          />
          <ListState list={provinces} />
          {v.kind === 'commune' && (
            <>
              <PlacePicker
                name={`${pp}originCode`}
                label={t('address.commune')}
                list={communes}
                value={v.commune}
                onChange={(commune) => set({ commune })}
                error={codeError}
                disabled={!v.province}
                testId={`${tp}-origin-commune`}
              />
              <ListState list={communes} />
            </>
          )}
        </>
      )}
    </>
  );
}
