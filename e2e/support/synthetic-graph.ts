/** 10,000 cases in chains of 1–60, each infected by an earlier case of its chain (deterministic). */
export function syntheticGraph(total: number) {
  let s = 7;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const statuses = ['treating', 'recovered', 'died'] as const;
  const classes = ['imported', 'community', 'in_quarantine'] as const;
  const nodes: {
    id: string;
    caseNumber: string;
    status: string;
    classification: string;
    confirmedDate: string;
    generation: number;
    chain: number;
    clusterCode: string | null;
  }[] = [];
  const edges: [number, number][] = [];
  let chain = 0;
  let longest = 0;
  let largest = 0;
  while (nodes.length < total) {
    const size = Math.min(total - nodes.length, 2 + Math.floor(rand() * rand() * 60));
    const first = nodes.length;
    for (let k = 0; k < size; k++) {
      const i = nodes.length;
      const infector = k === 0 ? -1 : first + Math.floor(rand() * k);
      const generation = infector < 0 ? 0 : nodes[infector]!.generation + 1;
      if (infector >= 0) edges.push([infector, i]);
      longest = Math.max(longest, generation);
      nodes.push({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        caseNumber: `SYN-${String(i).padStart(5, '0')}`,
        status: statuses[Math.floor(rand() * 3)]!,
        classification: classes[Math.floor(rand() * 3)]!,
        confirmedDate: '2026-11-01',
        generation,
        chain,
        clusterCode: null,
      });
    }
    largest = Math.max(largest, size);
    chain++;
  }
  return {
    nodes,
    edges,
    stats: {
      cases: nodes.length,
      links: edges.length,
      chainsWithAtLeastTwo: chain,
      largestChain: largest,
      longestGenerationPath: longest,
    },
  };
}
