/**
 * Transmission chains of a line list (issue 4, `phongdich chains`). A case lists its sources:
 * another case's id (a case-to-case link, infector → infectee), or a country / cluster code
 * ('GB', 'BVBM', 'IMPORT'). Everything is iterative over typed arrays so a million cases neither
 * overflow the call stack nor allocate an object per edge.
 */
export interface LineListCase {
  id: string;
  sources: readonly string[];
}

export interface DanglingSource {
  caseId: string;
  source: string;
}

export interface ChainOptions {
  /**
   * Whether an unknown source looks like a case id (then it is reported as dangling: a link to a
   * case missing from the list) rather than a country or cluster code. Default: digits only, the
   * Ministry's "BN" numbering used by the line lists.
   */
  looksLikeCaseId?: (source: string) => boolean;
  /** Cycles listed in full, at most this many (all are counted). */
  maxReportedCycles?: number;
}

export interface ChainStats {
  cases: number;
  /** Distinct case-to-case edges; a repeated source counts once, a self-reference not at all. */
  links: number;
  chainsWithAtLeastTwo: number;
  largestChain: number;
  /** Edges on the longest infector → infectee path, after breaking cycles. */
  longestGenerationPath: number;
  /** Sizes of all weakly connected components, singletons included, largest first. */
  componentSizes: number[];
  /** Distinct cases reachable downstream of each case (cycles broken first). */
  descendants: Map<string, number>;
  /** Case ids on each cycle found, in infection order; a self-reference is a cycle of one. */
  cycles: string[][];
  cycleCount: number;
  danglingSources: DanglingSource[];
  /** Non-case sources and how many cases cite them (countries, clusters). */
  externalSources: Map<string, number>;
  /** Ids listed more than once; the first occurrence is used. */
  duplicateIds: string[];
  /**
   * Per case, indexed like `ids` (input order, repeats dropped): `generation` is the depth after
   * breaking cycles (0 without an infector in the list, else one more than its deepest infector),
   * `chain` the weakly connected component, numbered largest first (ties: earliest case first).
   */
  nodes: { ids: string[]; generation: Int32Array; chain: Int32Array };
  /** The distinct case-to-case edges as indexes into `nodes.ids`, infector → infectee. */
  edges: { from: number[]; to: number[] };
}

const digitsOnly = (s: string) => /^\d+$/.test(s);

export function transmissionChains(list: readonly LineListCase[], options: ChainOptions = {}): ChainStats {
  const looksLikeCaseId = options.looksLikeCaseId ?? digitsOnly;
  const maxReportedCycles = options.maxReportedCycles ?? 100;

  const index = new Map<string, number>();
  const ids: string[] = [];
  const duplicateIds: string[] = [];
  const rows: LineListCase[] = [];
  for (const c of list) {
    if (index.has(c.id)) {
      duplicateIds.push(c.id);
      continue;
    }
    index.set(c.id, ids.length);
    ids.push(c.id);
    rows.push(c);
  }
  const n = ids.length;

  // Edges infector → infectee, deduplicated with a numeric key (n² < 2^53 up to ~94 M cases).
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const seenEdge = new Set<number>();
  const danglingSources: DanglingSource[] = [];
  const externalSources = new Map<string, number>();
  const cycles: string[][] = [];
  let cycleCount = 0;
  for (let to = 0; to < n; to++) {
    const row = rows[to] as LineListCase;
    for (const source of row.sources) {
      const from = index.get(source);
      if (from === undefined) {
        if (looksLikeCaseId(source)) danglingSources.push({ caseId: row.id, source });
        else externalSources.set(source, (externalSources.get(source) ?? 0) + 1);
        continue;
      }
      if (from === to) {
        // A case cannot infect itself: a data error, reported once as a cycle of one.
        if (!seenEdge.has(from * n + to)) {
          seenEdge.add(from * n + to);
          cycleCount++;
          if (cycles.length < maxReportedCycles) cycles.push([row.id]);
        }
        continue;
      }
      const key = from * n + to;
      if (seenEdge.has(key)) continue;
      seenEdge.add(key);
      edgeFrom.push(from);
      edgeTo.push(to);
    }
  }
  const m = edgeFrom.length;

  // Out-adjacency in CSR form, in input order so results are deterministic.
  const outStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) outStart[(edgeFrom[e] as number) + 1]!++;
  for (let v = 0; v < n; v++) outStart[v + 1]! += outStart[v]!;
  const outEdge = new Int32Array(m);
  const fill = outStart.slice(0, n);
  for (let e = 0; e < m; e++) outEdge[fill[edgeFrom[e] as number]!++] = e;

  // Weakly connected components: union-find with path halving and union by size.
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]!]!;
      v = parent[v]!;
    }
    return v;
  };
  for (let e = 0; e < m; e++) {
    let a = find(edgeFrom[e] as number);
    let b = find(edgeTo[e] as number);
    if (a === b) continue;
    if (size[a]! < size[b]!) [a, b] = [b, a];
    parent[b] = a;
    size[a]! += size[b]!;
  }
  // Components in order of their earliest case, then largest first (stable: ties keep that order).
  const roots: number[] = [];
  const seenRoot = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    const r = find(v);
    if (!seenRoot[r]) {
      seenRoot[r] = 1;
      roots.push(r);
    }
  }
  roots.sort((a, b) => size[b]! - size[a]!);
  const componentSizes = roots.map((r) => size[r]!);
  const chainOfRoot = new Int32Array(n);
  roots.forEach((r, i) => (chainOfRoot[r] = i));
  const chain = new Int32Array(n);
  for (let v = 0; v < n; v++) chain[v] = chainOfRoot[find(v)]!;

  // Iterative DFS; an edge into a node still on the stack closes a cycle and is dropped.
  const broken = new Uint8Array(m);
  const state = new Uint8Array(n); // 0 unseen, 1 on stack, 2 done
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n);
  const stackPos = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    let top = 0;
    stack[0] = root;
    cursor[0] = outStart[root]!;
    stackPos[root] = 0;
    state[root] = 1;
    while (top >= 0) {
      const v = stack[top]!;
      const c = cursor[top]!;
      if (c === outStart[v + 1]) {
        state[v] = 2;
        top--;
        continue;
      }
      cursor[top] = c + 1;
      const e = outEdge[c]!;
      const w = edgeTo[e] as number;
      if (state[w] === 0) {
        top++;
        stack[top] = w;
        cursor[top] = outStart[w]!;
        stackPos[w] = top;
        state[w] = 1;
      } else if (state[w] === 1) {
        broken[e] = 1;
        cycleCount++;
        if (cycles.length < maxReportedCycles) {
          const cycle: string[] = [];
          for (let i = stackPos[w]!; i <= top; i++) cycle.push(ids[stack[i]!] as string);
          cycles.push(cycle);
        }
      }
    }
  }

  // Kahn's order over the remaining acyclic edges; depth = generations from a root.
  const indeg = new Int32Array(n);
  for (let e = 0; e < m; e++) if (!broken[e]) indeg[edgeTo[e] as number]!++;
  const order = new Int32Array(n);
  const remaining = indeg.slice();
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (remaining[v] === 0) order[tail++] = v;
  const depth = new Int32Array(n);
  let longestGenerationPath = 0;
  while (head < tail) {
    const v = order[head++]!;
    for (let c = outStart[v]!; c < outStart[v + 1]!; c++) {
      const e = outEdge[c]!;
      if (broken[e]) continue;
      const w = edgeTo[e] as number;
      if (depth[v]! + 1 > depth[w]!) depth[w] = depth[v]! + 1;
      if (depth[w]! > longestGenerationPath) longestGenerationPath = depth[w]!;
      if (--remaining[w]! === 0) order[tail++] = w;
    }
  }

  const descendants = countDescendants(n, order, outStart, outEdge, edgeTo, broken, indeg);
  const byId = new Map<string, number>();
  for (let v = 0; v < n; v++) byId.set(ids[v] as string, descendants[v]!);

  return {
    cases: n,
    links: m,
    chainsWithAtLeastTwo: componentSizes.filter((s) => s >= 2).length,
    largestChain: componentSizes[0] ?? 0,
    longestGenerationPath,
    componentSizes,
    descendants: byId,
    cycles,
    cycleCount,
    danglingSources,
    externalSources,
    duplicateIds,
    nodes: { ids, generation: depth, chain },
    edges: { from: edgeFrom, to: edgeTo },
  };
}

/**
 * Distinct descendants per node of a DAG, walked in reverse topological order. Counting distinct
 * reachable nodes is a transitive-closure problem in general, so the common shapes are shortcuts:
 * - one child c: reach(v) = {c} ∪ reach(c), exactly, whatever c's other infectors;
 * - "tree-like" children only (in-degree 1, everything below also in-degree 1): their reaches are
 *   disjoint, so sizes add up.
 * Otherwise (a diamond below v) v walks its reach with a visit stamp, stopping at tree-like nodes
 * and adding their counts, since nothing below them can be reached another way. Line lists are
 * forests with a few multi-source cases, so this stays close to O(V + E); the worst case, many
 * merging paths under a long chain, is O(V · reach).
 */
function countDescendants(
  n: number,
  order: Int32Array,
  outStart: Int32Array,
  outEdge: Int32Array,
  edgeTo: readonly number[],
  broken: Uint8Array,
  indeg: Int32Array,
): Int32Array {
  const desc = new Int32Array(n);
  const treeLike = new Uint8Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const v = order[i]!;
    let children = 0;
    let only = -1;
    let sum = 0;
    let allTreeLike = true;
    for (let c = outStart[v]!; c < outStart[v + 1]!; c++) {
      const e = outEdge[c]!;
      if (broken[e]) continue;
      const w = edgeTo[e] as number;
      children++;
      only = w;
      sum += 1 + desc[w]!;
      if (indeg[w] !== 1 || !treeLike[w]) allTreeLike = false;
    }
    if (children === 0) {
      treeLike[v] = 1;
      continue;
    }
    if (allTreeLike) {
      treeLike[v] = 1;
      desc[v] = sum;
      continue;
    }
    if (children === 1) {
      desc[v] = 1 + desc[only]!;
      continue;
    }
    let head = 0;
    let tail = 0;
    let count = 0;
    stamp[v] = v;
    for (let c = outStart[v]!; c < outStart[v + 1]!; c++) {
      const e = outEdge[c]!;
      const w = edgeTo[e] as number;
      if (broken[e] || stamp[w] === v) continue;
      stamp[w] = v;
      queue[tail++] = w;
    }
    while (head < tail) {
      const u = queue[head++]!;
      count++;
      if (treeLike[u]) {
        count += desc[u]!;
        continue;
      }
      for (let c = outStart[u]!; c < outStart[u + 1]!; c++) {
        const e = outEdge[c]!;
        const w = edgeTo[e] as number;
        if (broken[e] || stamp[w] === v) continue;
        stamp[w] = v;
        queue[tail++] = w;
      }
    }
    desc[v] = count;
  }
  return desc;
}
