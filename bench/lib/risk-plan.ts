/**
 * The exact statements a repository method sends (captured by a Kysely plugin, compiled by the
 * executor, as in `tracing-plan.ts`), and `EXPLAIN (ANALYZE, BUFFERS)` of one of them with the
 * facts that matter for the `risk` bench read from the plan: sorts and whether they spilled to
 * disk, hash operations that spilled (batches), sequential scans, parallel workers.
 * A data-modifying statement is explained inside a transaction that is rolled back.
 */
import {
  CompiledQuery,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { Db } from '../../server/db/database.ts';

class CaptureAll implements KyselyPlugin {
  readonly captured: PluginTransformQueryArgs[] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.captured.push(args);
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

/** Runs `call` on a capturing handle (it really runs) and returns every statement it sent, compiled. */
export async function captureStatements(db: Db, call: (db: Db) => Promise<unknown>): Promise<CompiledQuery[]> {
  const capture = new CaptureAll();
  await call(db.withPlugin(capture));
  return capture.captured.map((c) => db.getExecutor().compileQuery(c.node, c.queryId));
}

export interface RiskPlanReport {
  label: string;
  executionMs: number | null;
  planningMs: number | null;
  /** Sort nodes: method, space, and whether on disk. */
  sorts: string[];
  spilledToDisk: boolean;
  /** Hash / HashAggregate nodes that used more than one batch or spilled. */
  hashSpills: string[];
  seqScans: string[];
  parallel: boolean;
  /** The first line of the plan (the root node with its actual time). */
  root: string;
  plan: string[];
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of `statement`. With `prelude`, both run in one transaction on one
 * connection, rolled back afterwards (for an INSERT that must see the state the method sets up).
 */
export async function explainAnalyze(
  db: Db,
  label: string,
  statement: CompiledQuery,
  prelude: readonly CompiledQuery[] = [],
): Promise<RiskPlanReport> {
  const explain = CompiledQuery.raw(`explain (analyze, buffers) ${statement.sql}`, [...statement.parameters]);
  const rows = await db.connection().execute(async (conn) => {
    await conn.executeQuery(CompiledQuery.raw('begin'));
    try {
      for (const p of prelude) await conn.executeQuery(p);
      return (await conn.executeQuery<{ 'QUERY PLAN': string }>(explain)).rows;
    } finally {
      await conn.executeQuery(CompiledQuery.raw('rollback'));
    }
  });
  const plan = rows.map((r) => r['QUERY PLAN']);
  const text = plan.join('\n');
  const ms = (what: string) => {
    const m = new RegExp(`${what} Time: ([\\d.]+) ms`).exec(text);
    return m?.[1] === undefined ? null : Number(m[1]);
  };
  const sorts = plan.filter((l) => /Sort Method:/.test(l)).map((l) => l.trim());
  const hashSpills = plan
    .filter(
      (l) =>
        (/Batches: (\d+)/.exec(l) && !/Batches: 1(\s|$)/.test(l)) ||
        (/Disk Usage:/.test(l) && /Batches|HashAgg/.test(l)),
    )
    .map((l) => l.trim());
  return {
    label,
    executionMs: ms('Execution'),
    planningMs: ms('Planning'),
    sorts,
    spilledToDisk: /external (merge|sort)|Disk:|Disk Usage: [1-9]/.test(text),
    hashSpills,
    seqScans: [
      ...new Set(plan.filter((l) => /Seq Scan on/.test(l)).map((l) => /Seq Scan on (\S+)/.exec(l)?.[1] ?? l.trim())),
    ],
    parallel: /Gather|Parallel/.test(text),
    root: plan[0]?.trim() ?? '',
    plan,
  };
}

/** The nodes of a plan with the largest own share of time are hard to read from text; this gives the slowest lines by their actual total time. */
export function slowestNodes(plan: readonly string[], count = 6): string[] {
  const timed = plan
    .map((line) => ({
      line: line.trim(),
      t: Number(/actual time=[\d.]+\.\.([\d.]+)/.exec(line)?.[1] ?? NaN),
      loops: Number(/loops=(\d+)/.exec(line)?.[1] ?? 1),
    }))
    .filter((x) => Number.isFinite(x.t));
  return timed
    .sort((a, b) => b.t * b.loops - a.t * a.loops)
    .slice(0, count)
    .map((x) => x.line.replace(/\s+/g, ' '));
}
