import { useEffect, useState } from 'react';
import type { LevelLegend } from '../../../../core/schemas/risk-map.ts';
import { riskAdminContract } from '../../../../core/contracts/risk-admin.ts';
import { api } from '../../ui/api.ts';

/**
 * The levels (keys, colours, names, lowest first) of the active rule set, the one the dashboard's
 * level trend uses when it sends no `ruleSet`: GET /api/risk/rule-sets, then that rule set. Null
 * while loading or after a failure (the chart then draws the keys in grey).
 */
export function useActiveLevels(): LevelLegend | null {
  const [levels, setLevels] = useState<LevelLegend | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    const load = async (): Promise<LevelLegend | null> => {
      const { items } = await api(riskAdminContract.getRiskRuleSets, { signal: ctrl.signal });
      const active = items.find((r) => r.active);
      if (!active) return null;
      const detail = await api(riskAdminContract.getRiskRuleSetsByCode, {
        params: { code: active.code },
        signal: ctrl.signal,
      });
      return detail.definition.levels.map(({ key, number, colour, name }) => ({ key, number, colour, name }));
    };
    load()
      .then((l) => !ctrl.signal.aborted && setLevels(l))
      .catch(() => undefined);
    return () => ctrl.abort();
  }, []);
  return levels;
}
