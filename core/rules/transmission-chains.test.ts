import { describe, expect, it } from 'vitest';
import { transmissionChains, type LineListCase } from './transmission-chains.ts';

const cases = (spec: Record<string, string[]>): LineListCase[] =>
  Object.entries(spec).map(([id, sources]) => ({ id, sources }));
const desc = (s: ReturnType<typeof transmissionChains>) => Object.fromEntries(s.descendants);

describe('transmission chains', () => {
  it('measures a simple chain', () => {
    const s = transmissionChains(cases({ a: ['CN'], b: ['a'], c: ['b'], d: ['c'] }));
    expect(s).toMatchObject({
      cases: 4,
      links: 3,
      chainsWithAtLeastTwo: 1,
      largestChain: 4,
      longestGenerationPath: 3,
      cycleCount: 0,
    });
    expect(desc(s)).toEqual({ a: 3, b: 2, c: 1, d: 0 });
    expect(s.externalSources).toEqual(new Map([['CN', 1]]));
  });

  it('measures a tree and keeps singletons as chains of one', () => {
    const s = transmissionChains(cases({ r: [], x: ['r'], y: ['r'], z: ['x'], w: ['x'], lone: ['GB'], lone2: [] }));
    expect(s).toMatchObject({ cases: 7, links: 4, chainsWithAtLeastTwo: 1, largestChain: 5, longestGenerationPath: 2 });
    expect(s.componentSizes).toEqual([5, 1, 1]);
    expect(desc(s)).toMatchObject({ r: 4, x: 2, y: 0, lone: 0 });
  });

  it('counts a case with two infectors once downstream (diamond)', () => {
    const s = transmissionChains(cases({ a: [], b: ['a'], c: ['a'], d: ['b', 'c'], e: ['d'], f: ['e'] }));
    expect(s).toMatchObject({ links: 6, largestChain: 6, longestGenerationPath: 4 });
    expect(desc(s)).toEqual({ a: 5, b: 3, c: 3, d: 2, e: 1, f: 0 });
  });

  it('counts diamonds above a long chain and chains above a diamond exactly', () => {
    // top → m1 → m2 → (p, q) → j → t1 → t2, plus q → k
    const s = transmissionChains(
      cases({ top: [], m1: ['top'], m2: ['m1'], p: ['m2'], q: ['m2'], j: ['p', 'q'], t1: ['j'], t2: ['t1'], k: ['q'] }),
    );
    expect(desc(s)).toEqual({ top: 8, m1: 7, m2: 6, p: 3, q: 4, j: 2, t1: 1, t2: 0, k: 0 });
    expect(s.longestGenerationPath).toBe(6);
  });

  it('counts a repeated source once', () => {
    const s = transmissionChains(cases({ a: [], b: ['a', 'a', 'BVBM', 'BVBM'] }));
    expect(s.links).toBe(1);
    expect(s.externalSources.get('BVBM')).toBe(2);
  });

  it('breaks a cycle instead of hanging, and reports it', () => {
    const s = transmissionChains(cases({ a: ['c'], b: ['a'], c: ['b'], d: ['c'] }));
    expect(s).toMatchObject({ cases: 4, links: 4, chainsWithAtLeastTwo: 1, largestChain: 4, cycleCount: 1 });
    expect(s.cycles).toEqual([['a', 'b', 'c']]);
    // With the closing edge c → a dropped: a → b → c → d.
    expect(s.longestGenerationPath).toBe(3);
    expect(desc(s)).toEqual({ a: 3, b: 2, c: 1, d: 0 });
  });

  it('treats a self-reference as a cycle of one, not a link', () => {
    const s = transmissionChains(cases({ a: ['a', 'a'], b: ['a'] }));
    expect(s).toMatchObject({ links: 1, cycleCount: 1, cycles: [['a']], longestGenerationPath: 1 });
    expect(desc(s)).toEqual({ a: 1, b: 0 });
  });

  it('reports unknown case ids as dangling and codes as external', () => {
    const s = transmissionChains(cases({ '1': ['GB'], '2': ['1', '99'], '3': ['IMPORT'] }));
    expect(s.links).toBe(1);
    expect(s.danglingSources).toEqual([{ caseId: '2', source: '99' }]);
    expect([...s.externalSources.keys()].sort()).toEqual(['GB', 'IMPORT']);
    const custom = transmissionChains(cases({ BN1: [], BN2: ['BN1', 'BN7', 'GB'] }), {
      looksLikeCaseId: (x) => x.startsWith('BN'),
    });
    expect(custom.danglingSources).toEqual([{ caseId: 'BN2', source: 'BN7' }]);
  });

  it('gives each case its generation and its chain, largest chain first', () => {
    const s = transmissionChains(cases({ lone: ['GB'], a: [], b: ['a'], c: ['a'], d: ['b', 'c'], x: [], y: ['x'] }));
    const node = (id: string) => {
      const v = s.nodes.ids.indexOf(id);
      return { generation: s.nodes.generation[v], chain: s.nodes.chain[v] };
    };
    expect(node('a')).toEqual({ generation: 0, chain: 0 });
    expect(node('d')).toEqual({ generation: 2, chain: 0 });
    expect(node('x')).toEqual({ generation: 0, chain: 1 });
    expect(node('y')).toEqual({ generation: 1, chain: 1 });
    expect(node('lone')).toEqual({ generation: 0, chain: 2 });
    expect(s.edges.from.map((f, i) => `${s.nodes.ids[f]}>${s.nodes.ids[s.edges.to[i]!]}`)).toEqual([
      'a>b',
      'a>c',
      'b>d',
      'c>d',
      'x>y',
    ]);
    // Equal sizes: the chain whose earliest case comes first in the list is numbered first.
    const tie = transmissionChains(cases({ f3: ['f2'], e1: [], f1: [], f2: ['f1'], e2: ['e1'], e3: ['e2'] }));
    expect(tie.nodes.ids.map((id, v) => `${id}:${tie.nodes.chain[v]}`)).toEqual([
      'f3:0',
      'e1:1',
      'f1:0',
      'f2:0',
      'e2:1',
      'e3:1',
    ]);
  });

  it('uses the first of duplicated ids and handles an empty list', () => {
    const s = transmissionChains([
      { id: 'a', sources: [] },
      { id: 'a', sources: ['x'] },
      { id: 'b', sources: ['a'] },
    ]);
    expect(s).toMatchObject({ cases: 2, links: 1, duplicateIds: ['a'] });
    expect(transmissionChains([])).toMatchObject({
      cases: 0,
      links: 0,
      chainsWithAtLeastTwo: 0,
      largestChain: 0,
      longestGenerationPath: 0,
    });
  });
});

interface Patient {
  id: string;
  source?: string[];
}
const isPatientList = (v: unknown): v is { data: Patient[] } =>
  typeof v === 'object' &&
  v !== null &&
  'data' in v &&
  Array.isArray(v.data) &&
  v.data.every((p: unknown) => typeof p === 'object' && p !== null && 'id' in p && typeof p.id === 'string');

// Loaded through the module system: core stays free of node: imports even in its tests.
const lineListUrl = new URL('../../../shared/data/linelists/vn-2020/patients.json', import.meta.url).href;
const lineList: unknown = await import(/* @vite-ignore */ lineListUrl).then(
  (m: { default: unknown }) => m.default,
  () => null,
);

describe('real line list (vn-2020)', () => {
  it.skipIf(lineList === null)(
    'gives self-consistent counts for the 2020 patients (skipped when /work/shared/data is absent)',
    () => {
      if (!isPatientList(lineList)) throw new Error('patients.json does not have the expected shape');
      const s = transmissionChains(lineList.data.map((p) => ({ id: p.id, sources: p.source ?? [] })));
      const top = [...s.descendants].sort((a, b) => b[1] - a[1] || Number(a[0]) - Number(b[0])).slice(0, 5);
      console.log(
        'vn-2020:',
        JSON.stringify({
          cases: s.cases,
          links: s.links,
          chainsWithAtLeastTwo: s.chainsWithAtLeastTwo,
          largestChain: s.largestChain,
          longestGenerationPath: s.longestGenerationPath,
          cycles: s.cycleCount,
          dangling: s.danglingSources.length,
          top5: top,
        }),
      );
      expect(s.cases).toBe(288);
      expect(s.componentSizes.reduce((a, b) => a + b, 0)).toBe(s.cases);
      expect(s.componentSizes.filter((x) => x >= 2).length).toBe(s.chainsWithAtLeastTwo);
      // A connected component of k cases needs at least k − 1 links.
      expect(s.links).toBeGreaterThanOrEqual(s.componentSizes.reduce((a, x) => a + x - 1, 0));
      expect(s.longestGenerationPath).toBeLessThan(s.largestChain);
      for (const [, d] of s.descendants) expect(d).toBeLessThan(s.largestChain);
      expect(Math.max(...s.descendants.values())).toBeGreaterThanOrEqual(s.longestGenerationPath);
    },
  );
});

describe('scale', () => {
  it('handles a million cases, including a 200 000-generation chain, without recursion', () => {
    const n = 1_000_000;
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const list: LineListCase[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const sources: string[] = [];
      if (i < 200_000) {
        if (i > 0) sources.push(String(i - 1));
      } else if (i % 50 === 0 || random() < 0.1) {
        sources.push('IMPORT');
      } else {
        // Clusters: infectors among the same block of 50, now and then two of them.
        const block = i - (i % 50);
        sources.push(String(block + Math.floor(random() * (i - block))));
        if (random() < 0.05) sources.push(String(block + Math.floor(random() * (i - block))));
      }
      list[i] = { id: String(i), sources };
    }
    const s = transmissionChains(list);
    expect(s.cases).toBe(n);
    expect(s.componentSizes.reduce((a, b) => a + b, 0)).toBe(n);
    expect(s.longestGenerationPath).toBe(199_999);
    expect(s.descendants.get('0')).toBe(199_999);
    expect(s.cycleCount).toBe(0);
  }, 120_000);
});
