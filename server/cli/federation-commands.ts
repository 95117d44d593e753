import type { Platform } from '../main.ts';
import { publish, subscribe } from '../modules/federation/federation.setup.ts';
import { federationStatus, formatFederationStatus } from '../modules/federation/federation.status.ts';

/** A command-line mistake: the message is printed with the usage. */
export class FederationUsageError extends Error {}

/**
 * `phongdich federation publish|subscribe|status`. Publish on every instance first (the hub and
 * each province), then subscribe on every instance: a subscription copies what its publications
 * hold when it is created.
 */
export async function federationCommand(p: Platform, sub: string | undefined, json: boolean): Promise<void> {
  if (sub === 'status') {
    const status = await federationStatus(p.database.db);
    console.log(json ? JSON.stringify(status) : formatFederationStatus(status));
    return;
  }
  const federation = p.config.federation;
  if (!federation) {
    throw new FederationUsageError(
      'federation publish and subscribe need PHONGDICH_FEDERATION_ROLE (province or hub) and its settings; see README "A country of provinces"',
    );
  }
  if (p.database.kind !== 'postgresql') {
    throw new FederationUsageError('federation needs the PostgreSQL server (DATABASE_URL)');
  }
  if (sub !== 'publish' && sub !== 'subscribe') {
    throw new FederationUsageError('only "federation publish", "federation subscribe" and "federation status" exist');
  }
  const steps =
    sub === 'publish' ? await publish(p.database.db, federation) : await subscribe(p.database.db, federation);
  for (const s of steps) console.log(json ? JSON.stringify(s) : `${s.object}: ${s.done}`);
}
