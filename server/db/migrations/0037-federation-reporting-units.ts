import { sql, type Kysely } from 'kysely';

/**
 * The national weekly report (issue 21) counts the units expected to report, so a province's
 * `reporting_units` travel to the hub with the aggregates. Their English name stays home (the
 * publication's column list leaves out every `name_en`, the check against personal columns treats
 * it so), and a replicated row without a column takes the hub's default: an empty name here, where
 * the column was `not null` without one and the row would have stopped the subscription.
 * A unit's code is already unique across the country (the province code leads it, a commune's is
 * its national GSO code), so replicated units of several provinces sit side by side.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table reporting_units alter column name_en set default ''`.execute(db);
}
