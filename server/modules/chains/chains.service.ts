import { AppError } from '../../../core/errors.ts';
import { transmissionChains, type ChainStats, type LineListCase } from '../../../core/rules/transmission-chains.ts';
import type { ChainGraph, ChainGraphQuery, ChainNode } from '../../../core/schemas/cases.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { chainsPolicy } from './chains.policy.ts';
import type { ChainCaseRow, ChainsRepository, ChainSelection } from './chains.repository.ts';

/** What `phongdich chains --json` prints: the graph's measures and each case's descendants. */
export interface ChainSummary {
  cases: number;
  links: number;
  chainsWithAtLeastTwo: number;
  largestChain: number;
  longestGenerationPath: number;
  descendants: Record<string, number>;
}

type Filter = Omit<ChainGraphQuery, 'linkedOnly'>;

/**
 * A drawing of more cases than this is unreadable and its answer tens of megabytes: the caller
 * narrows the view instead (the CLI's `summary` has no limit).
 */
const MAX_GRAPH_NODES = 50_000;

export class ChainsService {
  constructor(
    private readonly db: Db,
    private readonly chains: ChainsRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  /**
   * The chains of the cases in scope (or the `locality` filter), optionally of one cluster or the
   * one chain a case belongs to. `stats` measure every case selected; `linkedOnly` only trims
   * cases without links from `nodes`; a reader of counts only gets no nodes at all.
   */
  async graph(actor: Actor, q: ChainGraphQuery): Promise<ChainGraph> {
    const { rows, stats } = await this.compute(actor, q);
    const keep = new Uint8Array(rows.length);
    const { from, to } = stats.edges;
    if (q.linkedOnly) for (let e = 0; e < from.length; e++) keep[from[e]!] = keep[to[e]!] = 1;
    else keep.fill(1);
    // An inspector reads the measures only: no node, so no case id or case number.
    if (!chainsPolicy.readCases(actor)) keep.fill(0);
    const kept = keep.reduce((a, b) => a + b, 0);
    if (kept > MAX_GRAPH_NODES) {
      const message =
        actor.locale === 'vi'
          ? `Quá nhiều ca để vẽ (${kept}): hãy chọn một địa bàn, một ổ dịch hoặc một ca`
          : `Too many cases to draw (${kept}): choose a locality, a cluster or a case`;
      throw new AppError('VALIDATION_FAILED', [{ path: 'locality', message }]);
    }
    const newIndex = new Int32Array(rows.length).fill(-1);
    const nodes: ChainNode[] = [];
    for (let v = 0; v < rows.length; v++) {
      if (!keep[v]) continue;
      const r = rows[v]!;
      newIndex[v] = nodes.length;
      nodes.push({
        id: r.id,
        caseNumber: r.case_number,
        status: r.status,
        classification: r.classification,
        confirmedDate: r.confirmed_date,
        generation: stats.nodes.generation[v]!,
        chain: stats.nodes.chain[v]!,
        clusterCode: r.cluster_code,
      });
    }
    const edges: [number, number][] = from
      .map((f, e): [number, number] => [newIndex[f]!, newIndex[to[e]!]!])
      .filter(([f, t]) => f >= 0 && t >= 0);
    return {
      nodes,
      edges,
      stats: {
        cases: stats.cases,
        links: stats.links,
        chainsWithAtLeastTwo: stats.chainsWithAtLeastTwo,
        largestChain: stats.largestChain,
        longestGenerationPath: stats.longestGenerationPath,
      },
    };
  }

  /** The measures of `graph`, with descendants per case number (CLI). */
  async summary(actor: Actor, q: Filter = {}): Promise<ChainSummary> {
    const { rows, stats } = await this.compute(actor, q);
    const descendants: Record<string, number> = {};
    for (const r of rows) descendants[r.case_number] = stats.descendants.get(r.id) ?? 0;
    return {
      cases: stats.cases,
      links: stats.links,
      chainsWithAtLeastTwo: stats.chainsWithAtLeastTwo,
      largestChain: stats.largestChain,
      longestGenerationPath: stats.longestGenerationPath,
      descendants,
    };
  }

  /** Selects, audits the read, and runs the chain rules; rows are indexed like the stats' nodes. */
  private async compute(actor: Actor, q: Filter): Promise<{ rows: ChainCaseRow[]; stats: ChainStats }> {
    if (!chainsPolicy.read(actor)) throw new AppError('FORBIDDEN');
    const within = q.locality
      ? await this.localities.findReadableOrThrow(actor, q.locality, this.db)
      : { code: actor.scope.code, path: actor.scope.path };
    if (q.clusterId) {
      const cluster = await this.chains.findCluster(this.db, q.clusterId);
      if (!cluster || !chainsPolicy.readCluster(actor, cluster)) throw new AppError('NOT_FOUND');
    }
    const selection: ChainSelection = { withinPath: within.path, clusterId: q.clusterId };
    let rows = await this.chains.cases(this.db, selection);
    const links = await this.chains.links(this.db, selection);
    let stats = transmissionChains(toLineList(rows, links));
    if (q.caseId) {
      const v = rows.findIndex((r) => r.id === q.caseId);
      if (v < 0) throw new AppError('NOT_FOUND');
      const chain = stats.nodes.chain[v];
      rows = rows.filter((_, i) => stats.nodes.chain[i] === chain);
      stats = transmissionChains(toLineList(rows, links));
    }
    await this.audit.record(this.db, actor, {
      action: 'read_list',
      entityType: 'case',
      entityId: q.caseId ?? null,
      localityCode: within.code,
      localityPath: within.path,
      after: { view: 'chains', clusterId: q.clusterId ?? null, cases: stats.cases, links: stats.links },
    });
    return { rows, stats };
  }
}

/** Cases with their infectors as sources; an infector outside `rows` is simply not a case here. */
function toLineList(
  rows: readonly ChainCaseRow[],
  links: readonly { infector_id: string; infectee_id: string }[],
): LineListCase[] {
  const infectors = new Map<string, string[]>();
  for (const l of links) {
    const list = infectors.get(l.infectee_id);
    if (list) list.push(l.infector_id);
    else infectors.set(l.infectee_id, [l.infector_id]);
  }
  // Sources are uuids here: never "dangling" digits, so nothing is reported as a missing case.
  return rows.map((r) => ({ id: r.id, sources: infectors.get(r.id) ?? [] }));
}
