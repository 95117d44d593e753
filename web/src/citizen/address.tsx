import { useEffect } from 'react';
import { Field } from './form.tsx';
import { useT } from './i18n/index.ts';
import { useLocalities, type LocalityList } from './localities.ts';

export function ListState({ list }: { list: Pick<LocalityList, 'failed' | 'retry'> }) {
  const t = useT();
  if (!list.failed) return null;
  return (
    <p className="field-error">
      {t('address.loadFailed')}{' '}
      <button type="button" className="link" onClick={list.retry}>
        {t('app.retry')}
      </button>
    </p>
  );
}

/**
 * Province then commune of this installation (the commune codes the server accepts for an
 * address or a destination). With a single province loaded, it is chosen already.
 */
export function AddressPicker(props: {
  province: string;
  commune: string;
  onChange: (v: { province: string; commune: string }) => void;
  testPrefix: string;
  /** Where the server reports a bad commune (`person.communeCode`). */
  path: string;
  error?: string | undefined;
  provinceLabel?: string;
  communeLabel?: string;
}) {
  const t = useT();
  const provinces = useLocalities('');
  const communes = useLocalities(props.province || null);
  const { province, onChange } = props;
  const only = provinces.items.length === 1 ? provinces.items[0]!.code : null;
  useEffect(() => {
    if (only && !province) onChange({ province: only, commune: '' });
  }, [only, province, onChange]);
  return (
    <>
      <Field name={`${props.path}-province`} label={props.provinceLabel ?? t('address.province')}>
        {(a) => (
          <select
            {...a}
            value={props.province}
            onChange={(e) => props.onChange({ province: e.target.value, commune: '' })}
            data-testid={`${props.testPrefix}-province`}
          >
            <option value="">{provinces.loading ? t('app.loading') : t('app.choose')}</option>
            {provinces.items.map((p) => (
              <option key={p.code} value={p.code}>
                {p.fullName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ListState list={provinces} />
      <Field name={props.path} label={props.communeLabel ?? t('address.commune')} error={props.error}>
        {(a) => (
          <select
            {...a}
            value={props.commune}
            disabled={!props.province}
            onChange={(e) => props.onChange({ province: props.province, commune: e.target.value })}
            data-testid={`${props.testPrefix}-commune`}
          >
            <option value="">{communes.loading ? t('app.loading') : t('app.choose')}</option>
            {communes.items.map((c) => (
              <option key={c.code} value={c.code}>
                {c.fullName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ListState list={communes} />
    </>
  );
}
