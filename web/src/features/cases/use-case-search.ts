import { useEffect, useState } from 'react';
import type { CaseRow } from '../../../../core/schemas/cases.ts';
import { casesContract } from '../../../../core/contracts/cases.ts';
import { api } from '../../ui/api.ts';
import { useDebounced } from '../../ui/use-debounced.ts';

/**
 * Cases matching what was typed (number, or name without diacritics), once it has two characters:
 * null before that, [] when nothing matches or the search failed. A newer query cancels the older.
 */
export interface CaseSearchFilters {
  status?: 'awaiting_treatment' | 'treating';
  locality?: string;
  limit: number;
}

export function useCaseSearch(typed: string, filters: CaseSearchFilters): CaseRow[] | null {
  const query = useDebounced(typed.trim());
  const [found, setFound] = useState<CaseRow[] | null>(null);
  const { status, locality, limit } = filters;
  useEffect(() => {
    if (query.length < 2) {
      setFound(null);
      return;
    }
    const ctrl = new AbortController();
    api(casesContract.getCases, { query: { q: query, status, locality, limit }, signal: ctrl.signal })
      .then((page) => setFound(page.items))
      .catch((e: unknown) => {
        if (!(e instanceof DOMException && e.name === 'AbortError')) setFound([]);
      });
    return () => ctrl.abort();
  }, [query, status, locality, limit]);
  return found;
}
