import { sql, type Kysely } from 'kysely';

/**
 * Completeness over periods (issue 16): the trend of the last 12 weeks and each unit's on-time rate
 * read every report of a template in those periods, for a province or the whole country. The only
 * index by period led with the province code, so a national view read the whole table. Led by the
 * template and the period, and carrying what completeness reads (the unit, its first submission and
 * its area), it is an index-only scan of the periods asked for, whatever the scope.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index unit_reports_by_template_period on unit_reports (template_code, period_id)
    include (unit_id, first_submitted_at, locality_path)`.execute(db);
}
