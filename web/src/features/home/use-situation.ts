import { useEffect, useState } from 'react';
import type { SituationView } from '../../../../core/schemas/situation.ts';
import { todayContract } from '../../../../core/contracts/today.ts';
import { errorMessage } from '../../ui/api.ts';
import { takeEarly } from '../../ui/early.ts';

export interface SituationState {
  view: SituationView | null;
  error: string | null;
  loading: boolean;
}

/** GET /api/today/situation for an area: figures beside yesterday's and the communes' levels. */
export function useSituation(code: string | null): SituationState {
  const [state, setState] = useState<SituationState>({ view: null, error: null, loading: true });
  useEffect(() => {
    if (!code) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    takeEarly(todayContract.getTodaySituation, { query: { locality: code } })
      .then((view) => live && setState({ view, error: null, loading: false }))
      .catch((e: unknown) => live && setState({ view: null, error: errorMessage(e), loading: false }));
    return () => {
      live = false;
    };
  }, [code]);
  return state;
}
