import { CompiledQuery, type Compilable } from 'kysely';
import type { Db } from './database.ts';

type Slot = { arg: number } | { value: unknown };

/**
 * A query of fixed shape on a hot path, built and compiled by Kysely once: every later call sends the
 * same SQL text with its own parameter values, skipping the query builder and its compiler (a
 * check-in's look-ups spent about an eighth of the server's CPU there, issue 14). `build` must give
 * the same shape whatever the arguments: they may only be values in the query, never decide which
 * clauses it has. Every database here speaks PostgreSQL (PGlite too), so one compiled text serves all.
 */
export function compiledOnce<A extends unknown[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<R[]> {
  let template: { sql: string; slots: Slot[] } | null = null;
  return async (db, ...args) => {
    template ??= compileTemplate(db, build, args.length);
    const parameters = template.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    return (await db.executeQuery<R>(CompiledQuery.raw(template.sql, parameters))).rows;
  };
}

function compileTemplate<A extends unknown[], R>(
  db: Db,
  build: (db: Db, ...args: A) => Compilable<R>,
  arity: number,
): { sql: string; slots: Slot[] } {
  // Markers stand for the arguments: where each one lands among the parameters is where later
  // calls put their values. One that does not land exactly once was transformed, not bound.
  const markers = Array.from({ length: arity }, (_, i) => ({ compiledOnceArgument: i }));
  const compiled = build(db, ...(markers as unknown as A)).compile();
  const slots = compiled.parameters.map((p): Slot => {
    const arg = markers.indexOf(p as (typeof markers)[number]);
    return arg >= 0 ? { arg } : { value: p };
  });
  markers.forEach((_, i) => {
    if (slots.filter((s) => 'arg' in s && s.arg === i).length !== 1)
      throw new Error(`compiledOnce: argument ${i} is not bound exactly once as a parameter`);
  });
  return { sql: compiled.sql, slots };
}
