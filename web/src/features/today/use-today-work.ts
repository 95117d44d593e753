import { useEffect, useState } from 'react';
import type { TodayWork } from '../../../../core/schemas/today.ts';
import { todayContract } from '../../../../core/contracts/today.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { useLocalities } from '../../ui/locality-context.tsx';

export interface TodayState {
  work: TodayWork | null;
  error: string | null;
  loading: boolean;
}

/** GET /api/today for the selected area, the first `perGroup` items of each group. */
export function useTodayWork(perGroup: number): TodayState {
  const { selected } = useLocalities();
  const code = selected?.code;
  const [state, setState] = useState<TodayState>({ work: null, error: null, loading: true });
  useEffect(() => {
    if (!code) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    api(todayContract.getToday, { query: { locality: code, perGroup } })
      .then((work) => live && setState({ work, error: null, loading: false }))
      .catch((e: unknown) => live && setState({ work: null, error: errorMessage(e), loading: false }));
    return () => {
      live = false;
    };
  }, [code, perGroup]);
  return state;
}
