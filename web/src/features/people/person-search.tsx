import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeopleSearchPurpose, PersonMatchView } from '../../../../core/schemas/people-search.ts';
import { peopleContract } from '../../../../core/contracts/people.ts';
import { PagerFooter } from '../../ui/data-table.tsx';
import { TextField } from '../../ui/form.tsx';
import { useDebounced } from '../../ui/use-debounced.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { usePlaceName } from '../../ui/locality-context.tsx';

/**
 * "Is this person registered already?" (GET /api/people/search): type a name without diacritics, a
 * phone or a document number, pick one of the people of your area. Shows the least that tells
 * namesakes apart (birth year, commune, last digits); people who cannot be picked for `purpose`
 * are shown with the reason. Any form that enters a person puts it above its identity fields.
 */
export function PersonSearch(p: {
  purpose: PeopleSearchPurpose;
  value: PersonMatchView | null;
  onChange(person: PersonMatchView | null): void;
  testId: string;
}) {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const [term, setTerm] = useState('');
  const q = useDebounced(term.trim());
  const list = usePagedList(
    q.length >= 2 ? peopleContract.getPeopleSearch : null,
    { q, purpose: p.purpose },
    { limit: 10 },
  );

  if (p.value) {
    return (
      <div className="full picker" data-testid={`${p.testId}-picked`}>
        <p>
          <strong>{t('peopleSearch.picked', { name: p.value.fullName, year: p.value.birthYear })}</strong>
          {p.value.communeName && (
            <span className="muted small"> · {nameOf(p.value.communeCode, p.value.communeName)}</span>
          )}
        </p>
        <button type="button" onClick={() => p.onChange(null)} data-testid={`${p.testId}-change`}>
          {t('peopleSearch.change')}
        </button>
      </div>
    );
  }

  return (
    <fieldset className="full picker" data-testid={p.testId}>
      <legend>{t('peopleSearch.legend')}</legend>
      <TextField
        label={t('peopleSearch.label')}
        value={term}
        onChange={setTerm}
        hint={t('peopleSearch.hint')}
        testId={`${p.testId}-input`}
      />
      {q.length < 2 ? null : list.items.length === 0 && !list.loading ? (
        <p className="muted" data-testid={`${p.testId}-none`}>
          {list.error ?? t('peopleSearch.none')}
        </p>
      ) : (
        <ul className="picker-list" aria-live="polite">
          {list.items.map((m) => (
            <li key={m.id} data-testid={`${p.testId}-result`}>
              <span>
                <strong>{m.fullName}</strong>{' '}
                <span className="muted small">
                  · {t('peopleSearch.born', { year: m.birthYear })}
                  {m.communeName && ` · ${nameOf(m.communeCode, m.communeName)}`}
                  {m.phoneMasked && ` · ${m.phoneMasked}`} · {m.documentMasked}
                </span>
              </span>{' '}
              {m.unavailable ? (
                <span className="badge badge-warn" data-testid={`${p.testId}-unavailable`}>
                  {t(`peopleSearch.unavailable.${m.unavailable}`)}
                </span>
              ) : (
                <button type="button" onClick={() => p.onChange(m)} data-testid={`${p.testId}-pick`}>
                  {t('peopleSearch.pick')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {q.length >= 2 && <PagerFooter list={list} />}
    </fieldset>
  );
}
