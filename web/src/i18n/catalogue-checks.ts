import { expect, it } from 'vitest';

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

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/**
 * The checks every pair of vi/en catalogues must pass (the officials' app and the citizens'
 * pages each have one): same keys, no empty message, same {{placeholders}}.
 */
export function catalogueChecks(vi: Catalogue, en: Catalogue): void {
  const viLeaves = leaves(vi);
  const enLeaves = leaves(en);

  it('have exactly the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort());
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
    for (const [key, value] of viLeaves) {
      expect(placeholders(String(enLeaves.get(key))), key).toEqual(placeholders(String(value)));
    }
  });
}
