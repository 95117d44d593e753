import { sql, type Kysely } from 'kysely';

/**
 * The safety map and the public list of safe organisations (issue 15).
 *
 * - `organisations.publish_safe`: the organisation chose to show its valid low-risk status to the
 *   public ("cơ sở an toàn"). Off by default: nothing of an organisation is public until it opts in.
 * - The officials' map counts a province's organisations per commune and group: one index in that
 *   order (with the type, sector and assessment the filters read) lets it read an index, not the table.
 * - The public list reads the opted-in organisations of a province by name, a page at a time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations add column publish_safe boolean not null default false`.execute(db);
  await sql`create index organisations_map on organisations
    (scope_province, status, commune_code, latest_group)
    include (org_type, sector, latest_assessment_id)`.execute(db);
  await sql`create index organisations_public_safe on organisations (scope_province, name, id)
    where publish_safe and status = 'approved' and latest_group in ('very_low', 'low')`.execute(db);
}
