import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoundaryProps } from '../../ui/map.tsx';
import { matchesFolded } from '../../ui/text.ts';
import { usePlaceName } from '../../ui/locality-context.tsx';

/**
 * A multi-select of communes by name: a search box (diacritics ignored) over a checklist. The
 * communes already chosen stay listed whatever the search.
 */
export function CommuneChecklist({
  communes,
  value,
  onChange,
  error,
}: {
  communes: readonly BoundaryProps[];
  value: readonly string[];
  onChange(codes: string[]): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const id = useId();
  const [q, setQ] = useState('');
  const chosen = useMemo(() => new Set(value), [value]);
  const shown = q.trim()
    ? communes.filter((c) => chosen.has(c.code) || matchesFolded(`${c.fullName} ${c.name} ${c.code}`, q))
    : communes;
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((c) => c !== code));

  return (
    <fieldset
      className={error ? 'field field-invalid risk-checklist full' : 'field risk-checklist full'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{t('riskZones.modeCommunes')}</legend>
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('riskZones.communeSearch')}
        aria-label={t('riskZones.communeSearch')}
        data-testid="zone-commune-search"
      />
      <p className="small muted" aria-live="polite" data-testid="zone-commune-count">
        {t('riskZones.selectedCount', { count: value.length })}
      </p>
      {shown.length === 0 ? (
        <p className="muted">{t('riskZones.noCommunes')}</p>
      ) : (
        <ul>
          {shown.map((c) => (
            <li key={c.code}>
              <label className="field-checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(c.code)}
                  onChange={(e) => toggle(c.code, e.target.checked)}
                  data-testid={`zone-commune-${c.code}`}
                />
                {nameOf(c.code, c.fullName || c.name)}
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      )}
    </fieldset>
  );
}
