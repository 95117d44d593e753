import { Field, type FormErrors } from './form.tsx';
import { useT } from './i18n/index.ts';
import { useLocalities } from './localities.ts';
import { ListState } from './address.tsx';

const OTHER = 'other';

export type OriginKind = 'commune' | 'province' | 'country';
export interface OriginValue {
  kind: OriginKind;
  province: string;
  commune: string;
  /** Typed code, for places outside the provinces loaded here. */
  code: string;
  country: string;
}
export const emptyOrigin: OriginValue = { kind: 'province', province: '', commune: '', code: '', country: '' };

/** The contract's origin fields from what was picked. */
export function originOf(v: OriginValue): { originKind: OriginKind; originCode?: string; originCountry?: string } {
  if (v.kind === 'country') return { originKind: 'country', originCountry: v.country.trim().toUpperCase() };
  const typed = v.province === OTHER || (v.kind === 'commune' && v.commune === OTHER);
  const code = typed ? v.code.trim() : v.kind === 'province' ? v.province : v.commune;
  return code ? { originKind: v.kind, originCode: code } : { originKind: v.kind };
}

/** Client checks of an origin: field path (under `prefix`) → message key. */
export function checkOrigin(
  v: OriginValue,
): { field: 'originCode' | 'originCountry'; problem: 'required' | 'code' | 'country' } | null {
  const o = originOf(v);
  if (v.kind === 'country')
    return /^[A-Z]{2}$/.test(o.originCountry ?? '') && o.originCountry !== 'VN'
      ? null
      : { field: 'originCountry', problem: 'country' };
  if (!o.originCode) return { field: 'originCode', problem: 'required' };
  const ok = v.kind === 'province' ? /^\d{2}$/.test(o.originCode) : /^\d{5}$/.test(o.originCode);
  return ok ? null : { field: 'originCode', problem: 'code' };
}

/**
 * Where someone comes from: a commune or a province anywhere in Viet Nam (picked among the
 * provinces loaded here, or typed as a code), or a country (2-letter code).
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
  const provinces = useLocalities(v.kind === 'country' ? null : '');
  const communes = useLocalities(v.kind === 'commune' && v.province && v.province !== OTHER ? v.province : null);
  const typed = v.province === OTHER || (v.kind === 'commune' && v.commune === OTHER);
  const codeError = props.errors.fields[`${pp}originCode`];
  const set = (patch: Partial<OriginValue>) => onChange({ ...v, ...patch });
  return (
    <>
      <Field name={`${pp}originKind`} label={t('arrival.originKind')} error={props.errors.fields[`${pp}originKind`]}>
        {(a) => (
          <select
            {...a}
            value={v.kind}
            onChange={(e) => set({ kind: e.target.value as OriginKind, commune: '', code: '' })}
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
          <Field
            name={`${pp}originCode-province`}
            label={t('address.province')}
            error={v.kind === 'province' && !typed ? codeError : undefined}
          >
            {(a) => (
              <select
                {...a}
                value={v.province}
                onChange={(e) => set({ province: e.target.value, commune: '', code: '' })}
                data-testid={`${tp}-origin-province`}
              >
                <option value="">{provinces.loading ? t('app.loading') : t('app.choose')}</option>
                {provinces.items.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.fullName}
                  </option>
                ))}
                <option value={OTHER}>{t('address.otherProvince')}</option>
              </select>
            )}
          </Field>
          <ListState list={provinces} />
          {v.kind === 'commune' && v.province !== OTHER && (
            <Field name={`${pp}originCode-commune`} label={t('address.commune')} error={!typed ? codeError : undefined}>
              {(a) => (
                <select
                  {...a}
                  value={v.commune}
                  disabled={!v.province}
                  onChange={(e) => set({ commune: e.target.value, code: '' })}
                  data-testid={`${tp}-origin-commune`}
                >
                  <option value="">{communes.loading ? t('app.loading') : t('app.choose')}</option>
                  {communes.items.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.fullName}
                    </option>
                  ))}
                  <option value={OTHER}>{t('address.otherCommune')}</option>
                </select>
              )}
            </Field>
          )}
          {typed && (
            <Field name={`${pp}originCode`} label={t('address.code')} hint={t('address.codeHint')} error={codeError}>
              {(a) => (
                <input
                  {...a}
                  value={v.code}
                  inputMode="numeric"
                  maxLength={v.kind === 'province' ? 2 : 5}
                  autoComplete="off"
                  onChange={(e) => set({ code: e.target.value.replace(/\D/g, '') })}
                  data-testid={`${tp}-origin-code`}
                />
              )}
            </Field>
          )}
        </>
      )}
    </>
  );
}
