import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../../../core/schemas/cases.ts';
import { useCaseSearch, type CaseSearchFilters } from './use-case-search.ts';

/** A picked case: what the API wants (the id) and what people recognise (number, name). */
export type PickedCase = Pick<CaseRow, 'id' | 'caseNumber' | 'fullName'>;

export const caseLabel = (c: PickedCase) => `${c.caseNumber}${c.fullName ? ` · ${c.fullName}` : ''}`;

interface CommonProps {
  label: string;
  hint: string;
  error?: string;
  /** Prefix of the test ids: `-search`, `-results`, `-option-<number>`, `-picked`, `-change`. */
  testId: string;
  /** Which cases may be picked (e.g. only those under treatment in the chosen area) and how many to offer. */
  search: CaseSearchFilters;
  /** Spans the whole form row. */
  wide?: boolean;
}
type OneCase = { multiple?: false; value: PickedCase | null; onChange(c: PickedCase | null): void };
type SeveralCases = { multiple: true; value: PickedCase[]; onChange(v: PickedCase[]): void };

/**
 * Picks a case, or several, by number or name (GET /api/cases?q=…): the API wants ids, people know
 * case numbers and names, hence a search rather than a free-text field. The first matches are
 * enough to pick from; a longer query narrows them rather than paging through a search.
 */
export function CasePicker(p: CommonProps & (OneCase | SeveralCases)) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const found = useCaseSearch(q, p.search);
  const fieldClass = ['field', p.error ? 'field-invalid' : '', p.wide ? 'full' : ''].filter(Boolean).join(' ');
  const errorLine = p.error && (
    <small className="field-error" role="alert">
      {p.error}
    </small>
  );

  let picked: ReactNode = null;
  if (!p.multiple && p.value) {
    return (
      <div className={p.wide ? 'field full' : 'field'}>
        <span className="field-label">{p.label}</span>
        <p className="picked" data-testid={`${p.testId}-picked`}>
          {t('cases.picked', { label: caseLabel(p.value) })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => p.onChange(null)}
            data-testid={`${p.testId}-change`}
          >
            {t('cases.pickAnother')}
          </button>
        </p>
        {errorLine}
      </div>
    );
  }
  if (p.multiple && p.value.length > 0) {
    const chosen = p.value;
    picked = (
      <span className="chips">
        {chosen.map((c) => (
          <button
            key={c.id}
            type="button"
            className="chip"
            onClick={() => p.onChange(chosen.filter((v) => v.id !== c.id))}
            aria-label={t('cases.remove', { name: caseLabel(c) })}
          >
            {caseLabel(c)} ✕
          </button>
        ))}
      </span>
    );
  }
  const pick = (c: CaseRow) => {
    if (!p.multiple) return p.onChange(c);
    if (!p.value.some((v) => v.id === c.id)) p.onChange([...p.value, c]);
    setQ('');
  };

  return (
    <div className={fieldClass}>
      <label htmlFor={id}>{p.label}</label>
      {picked}
      <input
        id={id}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
        data-testid={`${p.testId}-search`}
        aria-describedby={`${id}-hint`}
      />
      {found && (
        <ul className="ref-results" data-testid={`${p.testId}-results`}>
          {found.length === 0 && <li className="muted">{t('cases.searchNoMatch')}</li>}
          {found.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => pick(c)}
                data-testid={`${p.testId}-option-${c.caseNumber}`}
              >
                {caseLabel(c)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <small id={`${id}-hint`} className="field-hint">
        {p.hint}
      </small>
      {errorLine}
    </div>
  );
}
