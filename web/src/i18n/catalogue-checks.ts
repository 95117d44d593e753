import { expect, it } from 'vitest';
import { vietnameseIn } from './vietnamese-text.ts';

/** A message catalogue: nested objects of strings. */
export type Catalogue = { readonly [key: string]: unknown };

/** Flattens a catalogue to dotted keys. */
export function leaves(tree: Catalogue, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null) {
      for (const [kk, vv] of leaves(v as Catalogue, key)) out.set(kk, vv);
    } else {
      out.set(key, v);
    }
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

/** Keys whose English text is Vietnamese on purpose: the name of the language in its own words. */
const vietnameseOnPurpose = new Set(['lang.vi']);

/**
 * The checks every pair of vi/en catalogues must pass (the officials' app and the citizens'
 * pages each have one): same keys (English adds `k_one` beside a plural `k_other`, Vietnamese
 * having one form), no empty message, same {{placeholders}}, no Vietnamese in English.
 */
export function catalogueChecks(vi: Catalogue, en: Catalogue): void {
  const viLeaves = leaves(vi);
  const enLeaves = leaves(en);

  it('have exactly the same keys, English adding the singular of each plural', () => {
    const expected = [...viLeaves.keys()].flatMap((k) =>
      k.endsWith('_other') ? [k, k.replace(/_other$/, '_one')] : [k],
    );
    expect([...enLeaves.keys()].sort()).toEqual(expected.sort());
  });

  it('have no empty or non-string messages', () => {
    for (const [name, cat] of [
      ['vi', viLeaves],
      ['en', enLeaves],
    ] as const) {
      for (const [key, value] of cat) {
        expect(typeof value, `${name}:${key}`).toBe('string');
        expect(String(value).trim(), `${name}:${key}`).not.toBe('');
      }
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    for (const [key, value] of enLeaves) {
      const viKey = key.replace(/_one$/, '_other');
      expect(placeholders(String(value)), key).toEqual(placeholders(String(viLeaves.get(viKey))));
    }
  });

  it('write no Vietnamese in English', () => {
    const found = [...enLeaves]
      .filter(([key]) => !vietnameseOnPurpose.has(key))
      .map(([key, value]) => [key, vietnameseIn(String(value))] as const)
      .filter(([, letter]) => letter !== null);
    expect(found).toEqual([]);
  });
}
