import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseSearch } from './use-case-search.ts';

export interface CaseRef {
  id: string;
  caseNumber: string;
}

/**
 * Picks cases by number or name (GET /api/cases?q=…): the infectors of a new case. The API wants
 * ids, people know numbers, hence a search rather than a free-text field.
 */
export function CaseRefPicker(p: { label: string; hint: string; value: CaseRef[]; onChange(v: CaseRef[]): void; error?: string; testId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const found = useCaseSearch(q, { limit: 5 })?.map((c) => ({ id: c.id, caseNumber: `${c.caseNumber}${c.fullName ? ` · ${c.fullName}` : ''}` })) ?? null;

  const add = (c: CaseRef) => {
    if (!p.value.some((v) => v.id === c.id)) p.onChange([...p.value, c]);
    setQ('');
  };

  return (
    <div className={p.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{p.label}</label>
      {p.value.length > 0 && (
        <span className="chips">
          {p.value.map((c) => (
            <button key={c.id} type="button" className="chip" onClick={() => p.onChange(p.value.filter((v) => v.id !== c.id))} aria-label={t('cases.remove', { name: c.caseNumber })}>
              {c.caseNumber} ✕
            </button>
          ))}
        </span>
      )}
      <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" data-testid={p.testId} aria-describedby={`${id}-hint`} />
      {found && (
        <ul className="ref-results" data-testid={`${p.testId}-results`}>
          {found.length === 0 && <li className="muted">{t('cases.searchNoMatch')}</li>}
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" className="link-button" onClick={() => add(c)}>
                {c.caseNumber}
              </button>
            </li>
          ))}
        </ul>
      )}
      <small id={`${id}-hint`} className="field-hint">
        {p.hint}
      </small>
      {p.error && (
        <small className="field-error" role="alert">
          {p.error}
        </small>
      )}
    </div>
  );
}
