import { useEffect, useState } from 'react';
import { clustersContract } from '../../../../core/contracts/clusters.ts';
import { api } from '../../ui/api.ts';
import type { Option } from '../../ui/form.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';

/**
 * The clusters of the selected locality as select options ("CODE · name"), for filters and forms.
 * One page of 200 is plenty for a province; a failure leaves the list empty (the field is optional).
 */
export function useClusterOptions(): Option[] {
  const { selected } = useLocalities();
  const [options, setOptions] = useState<Option[]>([]);
  const code = selected?.code;
  useEffect(() => {
    if (!code) return;
    const ctrl = new AbortController();
    api(clustersContract.getClusters, { query: { locality: code, limit: 200 }, signal: ctrl.signal })
      .then((page) => setOptions(page.items.map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))))
      .catch(() => setOptions([]));
    return () => ctrl.abort();
  }, [code]);
  return options;
}
