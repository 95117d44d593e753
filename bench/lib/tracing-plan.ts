/**
 * EXPLAIN (ANALYZE, BUFFERS) of the exact statement `TracingRepository.candidates` sends: a Kysely
 * plugin keeps the query's operation tree as it passes, the executor compiles it to the same text
 * and parameters, and the bench runs that text behind EXPLAIN. The repository stays untouched and
 * the plan is of the real SQL, not of a copy that could drift from it.
 */
import {
  CompiledQuery,
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { Db } from '../../server/db/database.ts';
import {
  TracingRepository,
  type ContactRules,
  type TracingSource,
} from '../../server/modules/tracing/tracing.repository.ts';

class CaptureQuery implements KyselyPlugin {
  captured: PluginTransformQueryArgs | undefined;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.captured = args;
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

/** The statement `candidates` sends for these sources (it is run once to capture it). */
export async function candidatesStatement(
  db: Db,
  sources: readonly TracingSource[],
  rules: ContactRules,
): Promise<CompiledQuery> {
  const capture = new CaptureQuery();
  await new TracingRepository().candidates(db.withPlugin(capture), sources, rules);
  if (!capture.captured) throw new Error('candidates sent no query');
  return db.getExecutor().compileQuery(capture.captured.node, capture.captured.queryId);
}

export interface PlanReport {
  settings: string;
  executionMs: number | null;
  planningMs: number | null;
  /** A scan of the (venue_id, checked_in_at) index of some check-in partition. */
  usesVenueTimeIndex: boolean;
  /**
   * The distinct index conditions of those scans, and whether the time bound is among them: with
   * `venue_id` alone the scan reads every check-in of the venue on every day and filters afterwards.
   */
  venueIndexConds: string[];
  timeBoundInIndexCond: boolean;
  parallel: boolean;
  /** Check-in partitions read by a sequential scan that ran (an empty edge partition costs nothing; others do). */
  seqScans: { node: string; rows: number; removedByFilter: number; loops: number }[];
  plan: string[];
}

const venueIndex =
  /(Index Scan|Index Only Scan|Bitmap Index Scan)( Backward)? (using|on) \S*(venue_id_checked_in_at|by_venue_time)\S*/;

/**
 * Runs the statement under EXPLAIN (ANALYZE, BUFFERS). `noParallel` sets
 * max_parallel_workers_per_gather = 0 for this transaction only, to compare with the default plan.
 */
export async function explainStatement(db: Db, statement: CompiledQuery, noParallel: boolean): Promise<PlanReport> {
  const explain = CompiledQuery.raw(`explain (analyze, buffers) ${statement.sql}`, [...statement.parameters]);
  const rows = await db.transaction().execute(async (trx) => {
    if (noParallel) await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
    return (await trx.executeQuery<{ 'QUERY PLAN': string }>(explain)).rows;
  });
  const plan = rows.map((r) => r['QUERY PLAN']);
  const text = plan.join('\n');
  const conds = [
    ...new Set(
      plan.flatMap((line, i) => {
        const next = plan[i + 1]?.trim() ?? '';
        return venueIndex.test(line) && next.startsWith('Index Cond:') ? [next] : [];
      }),
    ),
  ];
  const ms = (label: string) => {
    const m = new RegExp(`${label} Time: ([\\d.]+) ms`).exec(text);
    return m?.[1] === undefined ? null : Number(m[1]);
  };
  return {
    settings: noParallel ? 'max_parallel_workers_per_gather = 0' : 'server defaults',
    executionMs: ms('Execution'),
    planningMs: ms('Planning'),
    usesVenueTimeIndex: venueIndex.test(text),
    venueIndexConds: conds,
    timeBoundInIndexCond: conds.length > 0 && conds.every((c) => c.includes('checked_in_at')),
    parallel: /Parallel|Gather/.test(text),
    seqScans: seqScansOf(plan),
    plan,
  };
}

/** Executed sequential scans of check-in partitions, with the rows they returned and threw away. */
function seqScansOf(plan: readonly string[]): PlanReport['seqScans'] {
  const found: PlanReport['seqScans'] = [];
  plan.forEach((line, i) => {
    const m =
      /(?:Parallel )?Seq Scan on (checkins_p\d+) \S+ .*\(actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)\)/.exec(
        line,
      );
    if (!m) return;
    let removed = 0;
    for (const next of plan.slice(i + 1, i + 4)) {
      const r = /Rows Removed by Filter: (\d+)/.exec(next);
      if (r) removed = Number(r[1]);
    }
    found.push({
      node: `${line.includes('Parallel') ? 'Parallel ' : ''}Seq Scan on ${m[1] ?? ''}`,
      rows: Number(m[2]),
      removedByFilter: removed,
      loops: Number(m[3]),
    });
  });
  return found;
}
