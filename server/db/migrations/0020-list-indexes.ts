import { sql, type Kysely } from 'kysely';

/**
 * The other lists at a national peak (issue 14), as 0014 did for cases: tracing contacts,
 * quarantine stays, test orders, declarations, arrivals, venues (check-in counts) and the audit
 * log. Each table gains `scope_province` and `scope_code`, the province code and the code of the
 * locality a row lies in, generated from its locality path (so they follow the path by
 * construction): `scopeWithinSql` turns a province's or a commune's scope into an equality on
 * them. The audit log, append-only and put back row for row by its verifier's tests, gets no new
 * column: its indexes are on the same expressions (`pathCodes`). Each scope and each enumerated filter gets an index in the list's order, so a first page,
 * a filtered page or page 51 reads a page of index entries instead of sorting a province. A
 * district's scope keeps the path form and the path indexes the tables already have.
 */
const scopedTables = [
  'contacts',
  'quarantine_admissions',
  'test_orders',
  'health_declarations',
  'arrivals',
  'venues',
] as const;

/** [table, index name suffix, columns after the scope column] for each scope. */
const listIndexes: [table: (typeof scopedTables)[number] | 'audit_events', name: string, columns: string][] = [
  // The commune's follow-up list of contacts: newest first, by status.
  ['contacts', 'list', 'created_at desc, id desc'],
  ['contacts', 'list_status', 'status, created_at desc, id desc'],
  // The quarantine register: stays ending first, by status.
  ['quarantine_admissions', 'list', 'ends_on, id'],
  ['quarantine_admissions', 'list_status', 'status, ends_on, id'],
  // Test orders: due first, by status and by reason.
  ['test_orders', 'list', 'due_on, id'],
  ['test_orders', 'list_status', 'status, due_on, id'],
  ['test_orders', 'list_reason', 'reason, due_on, id'],
  // Declarations: newest first, flagged or not.
  ['health_declarations', 'list', 'submitted_at desc, id desc'],
  ['health_declarations', 'list_flagged', 'flagged, submitted_at desc, id desc'],
  // Arrivals: newest first, by follow-up and flagged or not.
  ['arrivals', 'list', 'submitted_at desc, id desc'],
  ['arrivals', 'list_follow_up', 'follow_up_status, submitted_at desc, id desc'],
  ['arrivals', 'list_flagged', 'flagged, submitted_at desc, id desc'],
  // Venues in scope, for the check-in counts per venue and day.
  ['venues', 'scope', 'id'],
  // The audit log: newest first, by action and by kind of record.
  ['audit_events', 'list', 'id desc'],
  ['audit_events', 'list_action', 'action, id desc'],
  ['audit_events', 'list_entity', 'entity_type, id desc'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of scopedTables) {
    await sql`alter table ${sql.table(table)}
      add column scope_province text generated always as (split_part(locality_path, '/', 2)) stored,
      add column scope_code text generated always as (split_part(locality_path, '/', -1)) stored`.execute(db);
  }
  // A declaration is flagged when it reports a symptom or an exposure: one column to index.
  await sql`alter table health_declarations
    add column flagged boolean generated always as (has_symptoms or has_exposure) stored`.execute(db);
  for (const [table, name, columns] of listIndexes) {
    const expressions = table === 'audit_events';
    for (const [scope, column] of [
      ['province', expressions ? `(split_part(locality_path, '/', 2))` : 'scope_province'],
      ['locality', expressions ? `(split_part(locality_path, '/', -1))` : 'scope_code'],
    ] as const) {
      await sql.raw(`create index ${table}_by_${scope}_${name} on ${table} (${column}, ${columns})`).execute(db);
    }
  }
  // Lookups inside a list: a facility's stays in the register's order.
  await sql`create index admissions_by_facility_ends on quarantine_admissions (facility_id, ends_on, id)`.execute(db);
  for (const table of [...scopedTables, 'audit_events']) await sql`analyze ${sql.table(table)}`.execute(db);
}
