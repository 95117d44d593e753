import { Migrator, sql, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Db } from './database.ts';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-declarations-venues-checkins.ts';
import * as m0003 from './migrations/0003-record-checkin.ts';
import * as m0004 from './migrations/0004-cases-tracing.ts';
import * as m0005 from './migrations/0005-quarantine-testing-treatment.ts';
import * as m0006 from './migrations/0006-risk-decisions.ts';
import * as m0007 from './migrations/0007-risk-indicators-zones.ts';
import * as m0008 from './migrations/0008-risk-decision-client-key.ts';
import * as m0009 from './migrations/0009-audit-subjects.ts';
import * as m0010 from './migrations/0010-citizen-identity-sessions.ts';
import * as m0011 from './migrations/0011-identity-hardening.ts';
import * as m0012 from './migrations/0012-audit-chain.ts';
import * as m0013 from './migrations/0013-facility-staff.ts';
import * as m0014 from './migrations/0014-case-list-indexes.ts';
import * as m0015 from './migrations/0015-level-decision-act.ts';
import * as m0016 from './migrations/0016-situation-counts.ts';
import * as m0017 from './migrations/0017-audit-action-index.ts';
import * as m0018 from './migrations/0018-care-state.ts';
import * as m0019 from './migrations/0019-checkins-venue-covering.ts';
import * as m0020 from './migrations/0020-list-indexes.ts';
import * as m0021 from './migrations/0021-record-checkins-batch.ts';
import * as m0022 from './migrations/0022-notifications.ts';
import * as m0023 from './migrations/0023-organisations.ts';
import * as m0024 from './migrations/0024-units.ts';
import * as m0025 from './migrations/0025-reports.ts';
import * as m0026 from './migrations/0026-delivery.ts';
import * as m0027 from './migrations/0027-rosters.ts';
import * as m0028 from './migrations/0028-cases-day-covering.ts';
import * as m0029 from './migrations/0029-directives.ts';
import * as m0030 from './migrations/0030-inspections.ts';
import * as m0031 from './migrations/0031-resources.ts';
import * as m0032 from './migrations/0032-plans.ts';
import * as m0033 from './migrations/0033-border.ts';
import * as m0034 from './migrations/0034-federation.ts';
import * as m0035 from './migrations/0035-report-periods-index.ts';
import * as m0036 from './migrations/0036-exposure-alerts.ts';
import * as m0037 from './migrations/0037-federation-reporting-units.ts';
import * as m0038 from './migrations/0038-border-no-papers-tipoff-handling.ts';
import * as m0039 from './migrations/0039-citizen-alerts.ts';
import * as m0040 from './migrations/0040-inspection-photo-blobs.ts';
import * as m0041 from './migrations/0041-unit-contacts.ts';
import * as m0042 from './migrations/0042-organisation-map.ts';
import * as m0043 from './migrations/0043-consent-withdrawal.ts';
import * as m0044 from './migrations/0044-national-disease-profiles.ts';
import * as m0045 from './migrations/0045-audit-chain-sealer.ts';
import * as m0046 from './migrations/0046-escalation-digests.ts';
import * as m0047 from './migrations/0047-workplace-screening.ts';
import * as m0048 from './migrations/0048-inspection-photo-blob-index.ts';
import * as m0049 from './migrations/0049-workplace-screening-campaigns.ts';

/** Every migration, in order. Bundled statically so the same list runs under tsx, tests and builds. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-declarations-venues-checkins': m0002,
  '0003-record-checkin': m0003,
  '0004-cases-tracing': m0004,
  '0005-quarantine-testing-treatment': m0005,
  '0006-risk-decisions': m0006,
  '0007-risk-indicators-zones': m0007,
  '0008-risk-decision-client-key': m0008,
  '0009-audit-subjects': m0009,
  '0010-citizen-identity-sessions': m0010,
  '0011-identity-hardening': m0011,
  '0012-audit-chain': m0012,
  '0013-facility-staff': m0013,
  '0014-case-list-indexes': m0014,
  '0015-level-decision-act': m0015,
  '0016-situation-counts': m0016,
  '0017-audit-action-index': m0017,
  '0018-care-state': m0018,
  '0019-checkins-venue-covering': m0019,
  '0020-list-indexes': m0020,
  '0021-record-checkins-batch': m0021,
  '0022-notifications': m0022,
  '0023-organisations': m0023,
  '0024-units': m0024,
  '0025-reports': m0025,
  '0026-delivery': m0026,
  '0027-rosters': m0027,
  '0028-cases-day-covering': m0028,
  '0029-directives': m0029,
  '0030-inspections': m0030,
  '0031-resources': m0031,
  '0032-plans': m0032,
  '0033-border': m0033,
  '0034-federation': m0034,
  '0035-report-periods-index': m0035,
  '0036-exposure-alerts': m0036,
  '0037-federation-reporting-units': m0037,
  '0038-border-no-papers-tipoff-handling': m0038,
  '0039-citizen-alerts': m0039,
  '0040-inspection-photo-blobs': m0040,
  '0041-unit-contacts': m0041,
  '0042-organisation-map': m0042,
  '0043-consent-withdrawal': m0043,
  '0044-national-disease-profiles': m0044,
  '0045-audit-chain-sealer': m0045,
  '0046-escalation-digests': m0046,
  '0047-workplace-screening': m0047,
  '0048-inspection-photo-blob-index': m0048,
  '0049-workplace-screening-campaigns': m0049,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };
const MIGRATION_TABLE = 'schema_migrations';

/** Every migration this code knows, oldest first. */
export const migrationNames: readonly string[] = Object.keys(migrations).sort();

/** Brings the schema up to date. Forward-only: there is no `down`. Runs at every start. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return run(db, (m) => m.migrateToLatest());
}

/** Brings the schema up to `name` (a backup's schema, before its rows are loaded). Never goes back. */
export async function migrateTo(db: Db, name: string): Promise<string[]> {
  return run(db, (m) => m.migrateTo(name));
}

/** The migrations applied to the database, oldest first (none on an empty database). */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const table = await sql<{ t: string | null }>`select to_regclass(${MIGRATION_TABLE})::text as t`.execute(db);
  if (!table.rows[0]?.t) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

async function run(db: Db, step: (m: Migrator) => Promise<MigrationResultSet>): Promise<string[]> {
  // A migration may rewrite or index millions of rows: on one connection, without the requests' statement timeout.
  const { error, results } = await db.connection().execute(async (conn) => {
    await sql`set statement_timeout = 0`.execute(conn);
    try {
      return await step(new Migrator({ db: conn, provider, migrationTableName: MIGRATION_TABLE }));
    } finally {
      await sql`reset statement_timeout`.execute(conn);
    }
  });
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
