import type { ChainGraph, ContactView } from '../../../../core/schemas/cases.ts';
import { classificationColours, contactColour, statusColours, type ColourBy } from './colours.ts';
import { layoutChains, type Layout } from './layout.ts';

/**
 * What the canvas and the table draw: the server's cases, plus (on a case's chain) the confirmed
 * contacts of that case as a second, smaller kind of node linked to their case. Parallel arrays, so
 * 10,000 nodes stay cheap to lay out, draw and hit-test.
 */
export interface ChainModel {
  /** Case number, or the contact's name. */
  labels: string[];
  kind: ('case' | 'contact')[];
  /** The case page a click opens (a contact opens its case, or the case it became). */
  caseIds: string[];
  generation: number[];
  chain: number[];
  /** F-level of a contact, 0 for a case. */
  level: number[];
  edges: [number, number][];
  caseCount: number;
  contactCount: number;
  layout: Layout;
}

export function buildChainModel(graph: ChainGraph, contacts: readonly ContactView[] = []): ChainModel {
  const labels = graph.nodes.map((n) => n.caseNumber);
  const kind: ChainModel['kind'] = graph.nodes.map(() => 'case');
  const caseIds = graph.nodes.map((n) => n.id);
  const generation = graph.nodes.map((n) => n.generation);
  const chain = graph.nodes.map((n) => n.chain);
  const level = graph.nodes.map(() => 0);
  const edges: [number, number][] = graph.edges.map(([a, b]) => [a, b]);

  const caseIndex = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const contactIndex = new Map<string, number>();
  // Level order, so that an F2's F1 already has its node when the F2 is linked to it.
  const ordered = [...contacts].filter((c) => c.status === 'confirmed').sort((a, b) => a.level - b.level);
  for (const c of ordered) {
    const from = c.viaContactId ? contactIndex.get(c.viaContactId) : undefined;
    const root = caseIndex.get(c.caseId);
    const parent = from ?? root;
    if (parent === undefined) continue;
    const i = labels.length;
    contactIndex.set(c.id, i);
    labels.push(c.fullName);
    kind.push('contact');
    caseIds.push(c.becameCaseId ?? c.caseId);
    generation.push((generation[parent] ?? 0) + 1);
    chain.push(chain[parent] ?? 0);
    level.push(c.level);
    edges.push([parent, i]);
  }
  const layout = layoutChains({ generation, chain, edges });
  return {
    labels,
    kind,
    caseIds,
    generation,
    chain,
    level,
    edges,
    caseCount: graph.nodes.length,
    contactCount: labels.length - graph.nodes.length,
    layout,
  };
}

/** Fill colour of each node for the chosen colouring (contacts keep theirs). */
export function nodeColours(graph: ChainGraph, model: ChainModel, by: ColourBy): string[] {
  return model.labels.map((_, i) => {
    const n = graph.nodes[i];
    if (!n || model.kind[i] === 'contact') return contactColour;
    return by === 'status' ? statusColours[n.status] : classificationColours[n.classification];
  });
}
