import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/database.ts';
import { openPlatform, type Platform } from '../../server/main.ts';
import { newSecret } from '../../server/modules/system/signing-secrets.ts';
import { recreateScratchDatabases, scratchUrl } from './scratch-databases.ts';

/**
 * The platform on a scratch database of the local PostgreSQL server, quiet and with a throwaway
 * secret: created afresh, or the kept one opened again (`reuse`, after a run with `--keep`).
 */
export async function openScratchPlatform(adminUrl: string, scratchName: string, reuse: boolean): Promise<Platform> {
  if (!reuse) await recreateScratchDatabases(adminUrl, [scratchName]);
  const handle = await openDatabase({ url: scratchUrl(adminUrl, scratchName), dataDir: '' });
  const config = {
    ...loadConfig({}),
    logLevel: 'silent' as const,
    database: { dataDir: 'memory://' },
    secret: newSecret(),
  };
  return openPlatform(config, handle);
}
