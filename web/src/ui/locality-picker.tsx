import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalityLevel } from '../../../core/roles.ts';
import { placeName } from '../../../core/rules/place-names.ts';
import type { Option } from './form.tsx';
import { useLocalities, useLocalityLabel, type LocalityEntry } from './locality-context.tsx';
import { matchesFolded } from './text.ts';

const indent = (depth: number) => '\u00a0\u00a0\u00a0'.repeat(depth);

const searchText = (e: LocalityEntry) =>
  `${e.locality.fullName} ${e.locality.name} ${e.locality.nameEn} ${e.locality.code} ${placeName(e.locality, 'en')}`;

/**
 * Options for a form's locality <select>, optionally only some levels (a role's allowed scopes), named
 * in the reader's language (core's `placeName`).
 */
export function localityOptions(
  entries: readonly LocalityEntry[],
  lang: 'vi' | 'en',
  levels?: readonly LocalityLevel[],
): Option[] {
  return entries
    .filter((e) => !levels || levels.includes(e.locality.level))
    .filter((e) => e.locality.status === 'active')
    .map((e) => ({
      value: e.locality.code,
      label: `${indent(e.depth)}${placeName(e.locality, lang)} (${e.locality.code})`,
    }));
}

/**
 * The app-wide locality choice: root + descendants of the user's scope, with a search box that
 * ignores Vietnamese diacritics ("dak lak" finds "Đắk Lắk"). The selected entry always stays listed.
 */
export function LocalityPicker() {
  const { t } = useTranslation();
  const { entries, selected, select, status, error } = useLocalities();
  const label = useLocalityLabel();
  const [q, setQ] = useState('');
  const id = useId();

  const shown = useMemo(
    () =>
      q.trim() ? entries.filter((e) => e.locality.code === selected?.code || matchesFolded(searchText(e), q)) : entries,
    [entries, q, selected],
  );
  const firstMatch = shown.find((e) => e.locality.code !== selected?.code);

  if (status === 'error') {
    return (
      <div className="locality-picker">
        <span className="field-error" role="alert" title={error ?? undefined}>
          {t('locality.loadError')}
        </span>
      </div>
    );
  }

  return (
    <div className="locality-picker">
      <label htmlFor={id}>{t('locality.label')}</label>
      {entries.length > 6 && (
        <input
          type="search"
          className="locality-search"
          value={q}
          placeholder={t('locality.searchPlaceholder')}
          aria-label={t('locality.searchPlaceholder')}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && firstMatch) {
              e.preventDefault();
              select(firstMatch.locality.code);
              setQ('');
            }
          }}
          data-testid="locality-search"
        />
      )}
      <select
        id={id}
        data-testid="locality-picker"
        value={selected?.code ?? ''}
        disabled={status !== 'ready'}
        onChange={(e) => {
          select(e.target.value);
          setQ('');
        }}
      >
        {status !== 'ready' && <option value="">{t('common.loading')}</option>}
        {shown.map((e) => (
          <option key={e.locality.code} value={e.locality.code}>
            {indent(e.depth)}
            {label(e.locality)}
          </option>
        ))}
      </select>
      {q.trim() && !firstMatch && <small className="muted">{t('locality.noMatch')}</small>}
    </div>
  );
}
