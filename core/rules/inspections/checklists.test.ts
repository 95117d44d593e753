import { describe, expect, it } from 'vitest';
import { decree117Seed } from './decree-117.ts';
import { checklistKinds, checklistSeed } from './checklists.ts';

describe('inspection checklists', () => {
  it('has one seed per kind, unique item keys, and legal bases from the catalogue', () => {
    expect(checklistSeed.map((c) => c.code).sort()).toEqual([...checklistKinds].sort());
    const codes = new Set(decree117Seed.map((a) => a.code));
    for (const c of checklistSeed) {
      expect(new Set(c.items.map((i) => i.key)).size).toBe(c.items.length);
      for (const i of c.items) if (i.legalBasis) expect(codes.has(i.legalBasis)).toBe(true);
    }
  });
});
