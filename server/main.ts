import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { defaultRiskRuleSet, riskRuleSetPresets } from '../core/rules/risk/rule-sets.ts';
import { diseaseProfilePresets } from '../core/rules/disease-profiles.ts';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildServer } from './http/server.ts';
import { SettingsRepository } from './modules/system/settings.repository.ts';
import { createServices, type AppServices } from './services.ts';

export const version: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface Platform {
  config: Config;
  database: DatabaseHandle;
  services: AppServices;
  close(): Promise<void>;
}

/** Composition root: config → database (migrated) → repositories → services. Server and CLI share it. */
export async function openPlatform(config: Config, database?: DatabaseHandle): Promise<Platform> {
  const handle = database ?? (await openDatabase(config.database));
  await migrateToLatest(handle.db);
  const secret = config.secret ?? (await new SettingsRepository().getOrCreate(handle.db, 'instance_secret', () => randomBytes(32).toString('base64url')));
  // Without an SMS gateway: codes go to the console in demo mode only (see LogMessageSender), and
  // nothing is printed when logging is silenced (tests, benchmarks).
  const log = config.logLevel === 'silent' ? () => {} : (line: string) => console.log(line);
  const services = createServices({ db: handle.db, databaseKind: handle.kind, config, secret, log });
  // Disease profile presets are data: written once, never overwriting an administrator's edits.
  await services.profiles.ensurePresets(handle.db, diseaseProfilePresets);
  await services.ruleSetsRepo.ensurePresets(handle.db, riskRuleSetPresets, defaultRiskRuleSet.code);
  // Today's and the coming days' check-in partitions must exist before the first check-in.
  await services.checkins.maintain();
  return { config, database: handle, services, close: () => handle.close() };
}

export async function createHttpServer(platform: Platform, opts: { quiet?: boolean } = {}): Promise<FastifyInstance> {
  return buildServer({ config: platform.config, services: platform.services, version, quiet: opts.quiet });
}
