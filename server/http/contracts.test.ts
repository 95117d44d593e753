import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoutes, pathOf, type RouteContract } from '../../core/contracts/contract.ts';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../core/contracts');

async function allEntries(): Promise<[string, RouteContract][]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !['contract.ts', 'error-answers.ts'].includes(f) && !f.endsWith('.test.ts'));
  const out: [string, RouteContract][] = [];
  for (const f of files) {
    const mod = (await import(path.join(dir, f))) as Record<string, Record<string, RouteContract>>;
    for (const [exportName, contract] of Object.entries(mod)) {
      for (const [name, entry] of Object.entries(contract)) out.push([`${exportName}.${name}`, entry]);
    }
  }
  return out;
}

describe('route contracts', () => {
  it('fills path params, encoded, and refuses a missing one', () => {
    const entry = { method: 'GET', path: '/localities/:code/history' } as const;
    expect(pathOf(entry, { code: 'a b/c' })).toBe('/localities/a%20b%2Fc/history');
    expect(() => pathOf(entry, {})).toThrow(/code/);
  });

  it('tags every entry of a module alike', () => {
    const c = defineRoutes(['x'], { getX: { method: 'GET', path: '/x', summary: 'X' } });
    expect(c.getX).toEqual({ method: 'GET', path: '/x', summary: 'X', tags: ['x'] });
  });

  it('declares each method and path once, named after them, with params that match the path', async () => {
    const entries = await allEntries();
    expect(entries.length).toBeGreaterThan(100);
    const seen = new Map<string, string>();
    for (const [name, e] of entries) {
      const key = `${e.method} ${e.path}`;
      expect(seen.get(key), `${key} declared by ${seen.get(key)} and ${name}`).toBeUndefined();
      seen.set(key, name);
      const inPath = [...e.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();
      const inSchema = e.params instanceof z.ZodObject ? Object.keys(e.params.shape).sort() : [];
      expect(inSchema, name).toEqual(inPath);
      expect(e.summary.length, name).toBeGreaterThan(0);
    }
  });
});
