import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../server/config.ts';
import { loadProvinceUnits } from '../../server/cli/seed.ts';
import { openPlatform } from '../../server/main.ts';
import { newSecret } from '../../server/modules/system/signing-secrets.ts';

/**
 * Migrates an in-memory PGlite and loads the demo province's units once per run; every end-to-end
 * file then starts its server from a copy of that data folder instead of migrating its own.
 */
export default async function setup(project: TestProject) {
  const platform = await openPlatform({
    ...loadConfig({}),
    demo: false,
    logLevel: 'silent',
    database: { dataDir: 'memory://' },
    secret: newSecret(),
  });
  await loadProvinceUnits(platform, '12', true);
  const blob = await platform.database.snapshot!();
  await platform.close();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phongdich-e2e-'));
  const file = path.join(dir, 'province-12.tar');
  await fs.writeFile(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('e2eSnapshot', file);
  return async () => fs.rm(dir, { recursive: true, force: true });
}
