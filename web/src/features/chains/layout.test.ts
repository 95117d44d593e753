import { describe, expect, it } from 'vitest';
import { layoutChains, nodeAt, type LayoutInput } from './layout.ts';

/** A deterministic pseudo-random forest: chains of 1–40 cases, each case infected by an earlier one. */
function syntheticForest(total: number, seed = 42): LayoutInput {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const generation: number[] = [];
  const chain: number[] = [];
  const edges: [number, number][] = [];
  let c = 0;
  while (generation.length < total) {
    const size = Math.min(total - generation.length, 1 + Math.floor(rand() * rand() * 40));
    const first = generation.length;
    for (let k = 0; k < size; k++) {
      const i = generation.length;
      if (k === 0) {
        generation.push(0);
      } else {
        const infector = first + Math.floor(rand() * k);
        generation.push(generation[infector]! + 1);
        edges.push([infector, i]);
      }
      chain.push(c);
    }
    c++;
  }
  return { generation, chain, edges };
}

describe('layoutChains', () => {
  it('lays out 10,000 cases: x follows the generation, no two nodes or chains overlap', () => {
    const input = syntheticForest(10_000);
    // No timing here (house rule): the e2e test records frame times of the 10,000-node graph.
    const layout = layoutChains(input);

    const n = input.generation.length;
    expect(layout.x).toHaveLength(n);
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const key = `${layout.x[i]},${layout.y[i]}`;
      expect(seen.has(key), `node ${i} shares ${key}`).toBe(false);
      seen.add(key);
      expect(layout.x[i]).toBeGreaterThanOrEqual(0);
      expect(layout.x[i]).toBeLessThanOrEqual(layout.width);
      expect(layout.y[i]).toBeLessThanOrEqual(layout.height);
    }
    // An infectee is exactly one column to the right of its infector.
    for (const [from, to] of input.edges) expect(layout.x[to]! - layout.x[from]!).toBe(1);

    // Bounding boxes of chains are disjoint.
    const boxes = new Map<number, { x0: number; x1: number; y0: number; y1: number }>();
    for (let i = 0; i < n; i++) {
      const c = input.chain[i]!;
      const b = boxes.get(c) ?? { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
      b.x0 = Math.min(b.x0, layout.x[i]!);
      b.x1 = Math.max(b.x1, layout.x[i]!);
      b.y0 = Math.min(b.y0, layout.y[i]!);
      b.y1 = Math.max(b.y1, layout.y[i]!);
      boxes.set(c, b);
    }
    const list = [...boxes.values()].sort((a, b) => a.x0 - b.x0);
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length && list[b]!.x0 <= list[a]!.x1; b++) {
        const overlap = list[a]!.y0 <= list[b]!.y1 && list[b]!.y0 <= list[a]!.y1;
        expect(overlap).toBe(false);
      }
    }
    // Packed into bands: the picture is not one endless strip.
    expect(layout.width / Math.max(1, layout.height)).toBeGreaterThan(0.2);
    expect(layout.width / Math.max(1, layout.height)).toBeLessThan(5);
  });

  it('keeps siblings together under their infector', () => {
    // 0 → 1, 0 → 2, 3 (root) → 4: chain 0 = {0,1,2}, chain 1 = {3,4}.
    const layout = layoutChains({
      generation: [0, 1, 1, 0, 1],
      chain: [0, 0, 0, 1, 1],
      edges: [
        [0, 1],
        [0, 2],
        [3, 4],
      ],
    });
    expect([...layout.x]).toEqual([0, 1, 1, 0, 1]);
    expect(layout.y[1]).not.toBe(layout.y[2]);
    // The second chain starts below the first one, never beside it inside its rows.
    expect(layout.y[3]).toBeGreaterThan(Math.max(layout.y[1]!, layout.y[2]!));
  });

  it('handles an empty graph and finds the node under the pointer', () => {
    expect(layoutChains({ generation: [], chain: [], edges: [] })).toMatchObject({ width: 0, height: 0 });
    const layout = layoutChains({ generation: [0, 1], chain: [0, 0], edges: [[0, 1]] });
    expect(nodeAt(layout, 1.1, 0.1, 0.5)).toBe(1);
    expect(nodeAt(layout, 5, 5, 0.5)).toBe(-1);
  });
});
