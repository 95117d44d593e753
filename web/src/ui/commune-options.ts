import { useMemo } from 'react';
import { useLocalities } from './locality-context.tsx';
import { localityOptions } from './locality-picker.tsx';
import { useLang } from './format.ts';
import type { Option } from './form.tsx';

/**
 * The communes under the picker's selection (all of the user's scope when it has none): where a
 * patient, a contact, an organisation or someone at a checkpoint of this area is, most of the time.
 * `include` keeps one commune first even when it is not in the tree (a post's, read from the phone
 * while the tree is not).
 */
export function useCommuneOptions(include?: string): Option[] {
  const { entries, selected, byCode } = useLocalities();
  const lang = useLang();
  return useMemo(() => {
    const all = localityOptions(entries, lang, ['commune']).map((o) => ({ ...o, label: o.label.trim() }));
    const under = (code: string) => {
      for (let c: string | null | undefined = code; c; c = byCode.get(c)?.parentCode)
        if (c === selected?.code) return true;
      return false;
    };
    const inside = !selected || selected.level === 'commune' ? all : all.filter((o) => under(o.value));
    const options = inside.length > 0 ? inside : all;
    if (!include || options.some((o) => o.value === include)) return options;
    const known = all.find((o) => o.value === include);
    return [known ?? { value: include, label: include }, ...options];
  }, [entries, selected, byCode, lang, include]);
}
