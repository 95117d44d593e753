/**
 * Layered layout of transmission chains, cheap enough for 10,000+ nodes (O(n log n), typed arrays,
 * no graph library):
 * - x = generation (one unit per generation), so "who infected whom" reads left to right;
 * - inside a chain, each generation is a column whose nodes are stacked one unit apart, ordered by
 *   their infector's row so that siblings sit together and edges barely cross;
 * - chains are boxes (width = generations, height = tallest column) packed into bands: largest
 *   first, a band is filled top to bottom up to a height chosen so the whole picture stays roughly
 *   as wide as it is tall (thousands of small chains would otherwise make one endless strip).
 * Boxes never overlap, so two chains are never drawn on top of each other.
 */

export interface LayoutInput {
  /** Generation of each node (0 = no known infector in the graph). */
  generation: ArrayLike<number>;
  /** Chain (connected component) of each node; the server numbers the largest chain 0. */
  chain: ArrayLike<number>;
  /** [infector, infectee] pairs of node indexes. */
  edges: ReadonlyArray<readonly [number, number]>;
}

export interface Layout {
  x: Float32Array;
  y: Float32Array;
  /** Extent of the drawing, in layout units (nodes are 1 unit apart). */
  width: number;
  height: number;
}

/** Gap between two chain boxes, in layout units. */
export const CHAIN_GAP = 1.5;

interface ChainBox {
  chain: number;
  /** Node indexes, ordered by generation then by their infector's row. */
  nodes: number[];
  generations: number;
  rows: number;
  x: number;
  y: number;
}

export function layoutChains(input: LayoutInput): Layout {
  const n = input.generation.length;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  if (n === 0) return { x, y, width: 0, height: 0 };

  // The first infector of each node: where its row is taken from.
  const parent = new Int32Array(n).fill(-1);
  for (const [from, to] of input.edges) {
    if (to >= 0 && to < n && from >= 0 && from < n && parent[to] === -1) parent[to] = from;
  }

  // Group node indexes by chain.
  const byChain = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = input.chain[i] ?? 0;
    let list = byChain.get(c);
    if (!list) byChain.set(c, (list = []));
    list.push(i);
  }

  const gen = (i: number) => Math.max(0, input.generation[i] ?? 0);
  // Row of each node inside its chain box (filled generation by generation).
  const row = new Float64Array(n);
  const boxes: ChainBox[] = [];
  for (const [chain, nodes] of byChain) {
    // Generation order first; inside a generation, the infector's row (already known, since the
    // infector is one generation earlier), then the index for a stable result.
    nodes.sort((a, b) => gen(a) - gen(b) || a - b);
    let rows = 0;
    let generations = 0;
    let start = 0;
    while (start < nodes.length) {
      const g = gen(nodes[start]!);
      let end = start;
      while (end < nodes.length && gen(nodes[end]!) === g) end++;
      const column = nodes.slice(start, end);
      if (g > 0) {
        const key = (i: number) => (parent[i]! >= 0 ? row[parent[i]!]! : -1);
        column.sort((a, b) => key(a) - key(b) || a - b);
      }
      column.forEach((i, r) => {
        row[i] = r;
        nodes[start + r] = i;
      });
      rows = Math.max(rows, column.length);
      generations = Math.max(generations, g + 1);
      start = end;
    }
    boxes.push({ chain, nodes, generations, rows, x: 0, y: 0 });
  }
  // Largest chain first (the server's order), so the big outbreaks sit at the top left.
  boxes.sort((a, b) => b.nodes.length - a.nodes.length || a.chain - b.chain);

  // Band height: about the square root of the total area, never less than the tallest box.
  let area = 0;
  let tallest = 0;
  for (const b of boxes) {
    area += (b.generations + CHAIN_GAP) * (b.rows + CHAIN_GAP);
    tallest = Math.max(tallest, b.rows);
  }
  const bandHeight = Math.max(tallest, Math.sqrt(area));

  let bandX = 0;
  let bandWidth = 0;
  let cursorY = 0;
  let height = 0;
  for (const b of boxes) {
    if (cursorY > 0 && cursorY + b.rows > bandHeight) {
      bandX += bandWidth + CHAIN_GAP;
      bandWidth = 0;
      cursorY = 0;
    }
    b.x = bandX;
    b.y = cursorY;
    cursorY += b.rows + CHAIN_GAP;
    bandWidth = Math.max(bandWidth, b.generations - 1);
    height = Math.max(height, b.y + b.rows - 1);
  }
  const width = bandX + bandWidth;

  for (const b of boxes) {
    for (const i of b.nodes) {
      x[i] = b.x + gen(i);
      y[i] = b.y + row[i]!;
    }
  }
  return { x, y, width, height };
}

/**
 * The node nearest to (px, py) within `radius` (layout units, measured in rows), or -1. `xWeight`
 * is how many rows wide one generation is drawn, so that "near" matches what the eye sees.
 * A linear scan: 10,000 distance checks take well under a millisecond, less than keeping a
 * spatial index up to date.
 */
export function nodeAt(layout: Layout, px: number, py: number, radius: number, xWeight = 1): number {
  let best = -1;
  let bestD = radius * radius;
  const { x, y } = layout;
  for (let i = 0; i < x.length; i++) {
    const dx = (x[i]! - px) * xWeight;
    const dy = y[i]! - py;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
