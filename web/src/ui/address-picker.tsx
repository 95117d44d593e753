import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeName, type NamedPlace } from '../../../core/rules/place-names.ts';
import type { PublicLocality } from '../../../core/schemas/localities.ts';
import { localitiesContract } from '../../../core/contracts/localities.ts';
import { api } from './api.ts';
import { cachedListHook } from './cached-list.ts';
import { useFormat } from './format.ts';
import { PlaceCombo } from './place-combo.tsx';

/** The provinces loaded here (`''`), or the active communes of one; kept for the visit. */
const useUnits = cachedListHook<PublicLocality>((parent) =>
  api(localitiesContract.getPublicLocalities, { query: { parent: parent || undefined } }).then((r) => r.items),
);

function ComboField(p: {
  label: string;
  hint: string;
  error?: string | undefined;
  children: (attrs: { id: string; 'aria-describedby': string; 'aria-invalid'?: boolean }) => React.ReactNode;
}) {
  const id = useId();
  return (
    <div className={p.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{p.label}</label>
      {p.children({
        id,
        'aria-describedby': p.error ? `${id}-hint ${id}-error` : `${id}-hint`,
        ...(p.error ? { 'aria-invalid': true } : {}),
      })}
      <small id={`${id}-hint`} className="field-hint">
        {p.hint}
      </small>
      {p.error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {p.error}
        </small>
      )}
    </div>
  );
}

/**
 * Where a person lives: the province, then its commune, each picked by typing its name ("doan ket"
 * finds Phường Đoàn Kết) with the citizens' combobox (web/src/ui/place-combo.tsx). Any commune of
 * the provinces this installation holds, not only the user's own area: a contact may live in the
 * next commune. With a single province loaded, it is chosen already. Names read in the user's
 * language (core's `placeName`). The value is the commune's code.
 */
export function AddressPicker(p: {
  communeCode: string;
  onChange(communeCode: string): void;
  error?: string | undefined;
  testPrefix: string;
}) {
  const { t } = useTranslation();
  const { lang } = useFormat();
  const provinces = useUnits('');
  const [province, setProvince] = useState('');
  const communes = useUnits(province || null);
  const only = provinces.items.length === 1 ? provinces.items[0]!.code : null;
  useEffect(() => {
    if (only && !province) setProvince(only);
  }, [only, province]);
  const label = (x: NamedPlace) => placeName(x, lang === 'en' ? 'en' : 'vi');
  const hint = (loading: boolean, failed: boolean) =>
    failed ? t('address.loadFailed') : loading ? t('common.loading') : t('address.typeName');
  return (
    <>
      <ComboField label={t('address.province')} hint={hint(provinces.loading, provinces.failed)}>
        {(attrs) => (
          <PlaceCombo
            attrs={attrs}
            items={provinces.items}
            loading={provinces.loading}
            value={province}
            onChange={(code) => {
              setProvince(code);
              p.onChange('');
            }}
            label={label}
            placeholder={t('address.typePlaceholder')}
            noMatch={t('address.noMatch')}
            testId={`${p.testPrefix}-province`}
          />
        )}
      </ComboField>
      <ComboField label={t('cases.commune')} hint={hint(communes.loading, communes.failed)} error={p.error}>
        {(attrs) => (
          <PlaceCombo
            attrs={attrs}
            items={communes.items}
            loading={communes.loading}
            value={p.communeCode}
            onChange={p.onChange}
            disabled={!province}
            label={label}
            placeholder={t('address.typePlaceholder')}
            noMatch={t('address.noMatch')}
            testId={`${p.testPrefix}-commune`}
          />
        )}
      </ComboField>
    </>
  );
}
