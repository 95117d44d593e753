import { useEffect, useState } from 'react';
import type { TodayWork } from '../../../../core/schemas/today.ts';
import { todayContract } from '../../../../core/contracts/today.ts';
import { errorMessage } from '../../ui/api.ts';
import { takeEarly } from '../../ui/early.ts';
import { useLocalities } from '../../ui/locality-context.tsx';

export interface TodayState {
  work: TodayWork | null;
  error: string | null;
  loading: boolean;
}

/** GET /api/today for the selected area, the first `perGroup` items of each group. */
export function useTodayWork(perGroup: number): TodayState {
  // The code alone is known before the locality tree: the request does not wait for the tree.
  const code = useLocalities().selectedCode;
  const [state, setState] = useState<TodayState>({ work: null, error: null, loading: true });
  useEffect(() => {
    if (!code) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    takeEarly(todayContract.getToday, { query: { locality: code, perGroup } })
      .then((work) => live && setState({ work, error: null, loading: false }))
      .catch((e: unknown) => live && setState({ work: null, error: errorMessage(e), loading: false }));
    return () => {
      live = false;
    };
  }, [code, perGroup]);
  return state;
}
