/** A value that survives `JSON.stringify` unchanged: what a benchmark may put in its result file. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

/** Which database the phongdich server under test runs on, chosen on the bench command line. */
export type DatabaseTarget =
  { readonly kind: 'pglite'; readonly dataDir: 'memory://' } | { readonly kind: 'postgresql'; readonly url: string };

export interface BenchContext {
  readonly name: string;
  readonly database: DatabaseTarget;
  /** The command-line arguments left after the harness took its own (`--database-url`). */
  readonly args: readonly string[];
  /** Progress output (stderr), so that stdout keeps only the summary. */
  log(line: string): void;
}

export interface BenchResult {
  /** A few human lines printed after the run (and kept in the result file). */
  readonly summary: readonly string[];
  /** The benchmark's own fields, written at the top level of the result file. */
  readonly fields: JsonObject;
}

/** What every `bench/<name>.bench.ts` exports. */
export interface BenchModule {
  readonly description?: string;
  /** The benchmark's own options with their defaults, shown in the listing. */
  readonly usage?: string;
  run(ctx: BenchContext): Promise<BenchResult>;
}
