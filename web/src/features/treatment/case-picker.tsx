import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../../../core/schemas/cases.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { useCaseSearch } from '../cases/use-case-search.ts';

/**
 * Picks one case by number or name (GET /api/cases?q=…, still under treatment): the API wants an
 * id, staff at the ward know a case number or a name. The first 8 matches are enough to pick from;
 * a longer query narrows them rather than paging through a search.
 */
export function CasePicker(p: { value: CaseRow | null; onChange(c: CaseRow | null): void; error?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const { selected } = useLocalities();
  const [q, setQ] = useState('');
  const found = useCaseSearch(q, { status: 'treating', locality: selected?.code, limit: 8 });

  const label = (c: CaseRow) => `${c.caseNumber}${c.fullName ? ` · ${c.fullName}` : ''}`;

  if (p.value) {
    return (
      <div className="field full">
        <span className="field-label">{t('treatment.caseSearch')}</span>
        <p className="picked" data-testid="stay-case-picked">
          {t('treatment.casePicked', { label: label(p.value) })}{' '}
          <button type="button" className="link-button" onClick={() => p.onChange(null)} data-testid="stay-case-change">
            {t('treatment.caseChange')}
          </button>
        </p>
        {p.error && (
          <small className="field-error" role="alert">
            {p.error}
          </small>
        )}
      </div>
    );
  }
  return (
    <div className={p.error ? 'field field-invalid full' : 'field full'}>
      <label htmlFor={id}>{t('treatment.caseSearch')}</label>
      <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" data-testid="stay-case-search" aria-describedby={`${id}-hint`} />
      {found && (
        <ul className="ref-results" data-testid="stay-case-results">
          {found.length === 0 && <li className="muted">{t('treatment.caseSearchNoMatch')}</li>}
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" className="link-button" onClick={() => p.onChange(c)} data-testid={`stay-case-option-${c.caseNumber}`}>
                {label(c)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <small id={`${id}-hint`} className="field-hint">
        {t('treatment.caseSearchHint')}
      </small>
      {p.error && (
        <small className="field-error" role="alert">
          {p.error}
        </small>
      )}
    </div>
  );
}
