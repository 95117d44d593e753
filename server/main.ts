import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildServer } from './http/server.ts';
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
  const services = createServices(handle.db, handle.kind, config);
  return { config, database: handle, services, close: () => handle.close() };
}

export async function createHttpServer(platform: Platform, opts: { quiet?: boolean } = {}): Promise<FastifyInstance> {
  return buildServer({ config: platform.config, services: platform.services, version, quiet: opts.quiet });
}
