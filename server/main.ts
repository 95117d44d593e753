import { reportTemplatePresets } from '../core/rules/reports/templates.ts';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { defaultRiskRuleSet, riskRuleSetPresets } from '../core/rules/risk/rule-sets.ts';
import { diseaseProfilePresets } from '../core/rules/disease-profiles.ts';
import { assessmentTemplatePresets } from '../core/rules/workplaces/templates/index.ts';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildServer } from './http/server.ts';
import { refuseWithoutSecret, resolveSigningSecrets } from './modules/system/signing-secrets.ts';
import { createServices, type AppServices } from './services.ts';

export const version: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface Platform {
  config: Config;
  database: DatabaseHandle;
  services: AppServices;
  close(): Promise<void>;
}

/**
 * Composition root: config → database (migrated) → repositories → services → job queue. Server and
 * CLI share it. `background`: the server's workers poll the job queue (deliveries, reminders); without
 * it (CLI commands, tests) jobs are only queued, and tests run them with `jobQueue.drain`. `clock`:
 * what the reports module takes for now (the end-to-end test sets a Tuesday to submit on); the wall
 * clock otherwise.
 */
export async function openPlatform(
  config: Config,
  database?: DatabaseHandle,
  o: { background?: boolean; clock?: () => Date } = {},
): Promise<Platform> {
  const handle = database ?? (await openDatabase(config.database));
  // Nothing is printed when logging is silenced (tests, benchmarks).
  const log = config.logLevel === 'silent' ? () => {} : (line: string) => console.log(line);
  let secrets;
  try {
    // A start without a secret is refused before it changes anything (no migration).
    await refuseWithoutSecret(config, handle.db);
    await migrateToLatest(handle.db);
    secrets = await resolveSigningSecrets(config, handle.db, log);
  } catch (err) {
    if (!database) await handle.close();
    throw err;
  }
  const services = createServices({ db: handle.db, databaseKind: handle.kind, config, secrets, log, clock: o.clock });
  // Disease profile presets are data: written once, never overwriting an administrator's edits.
  await services.diseaseProfiles.ensurePresets(handle.db, diseaseProfilePresets);
  await services.ruleSets.ensurePresets(handle.db, riskRuleSetPresets, defaultRiskRuleSet.code);
  await services.organisationAssessments.ensureTemplatePresets(handle.db, assessmentTemplatePresets);
  await services.reports.ensureTemplatePresets(handle.db, reportTemplatePresets);
  // Inspection checklists and the Decree 117/2020 catalogue: seeded once, later versions kept.
  await services.inspections.ensureCatalogues(handle.db);
  // Today's and the coming days' check-in partitions must exist before the first check-in.
  await services.checkins.maintain();
  // Last: pg-boss creates or migrates its own schema, then (server only) its workers start polling.
  try {
    await services.jobQueue.start({ background: o.background ?? false });
  } catch (err) {
    if (!database) await handle.close();
    throw err;
  }
  return {
    config,
    database: handle,
    services,
    close: async () => {
      // The queue first: a delivery in progress records its outcome while the database is open.
      await services.jobQueue.stop();
      await handle.close();
    },
  };
}

export async function createHttpServer(platform: Platform, opts: { quiet?: boolean } = {}): Promise<FastifyInstance> {
  return buildServer({ config: platform.config, services: platform.services, version, quiet: opts.quiet });
}
