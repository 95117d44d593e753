import { randomBytes } from 'node:crypto';
import { ConfigurationError, type Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { SettingsRepository } from './settings.repository.ts';

/** Where a demo installation keeps its generated secret (and where older installations kept theirs). */
const INSTANCE_SECRET = 'instance_secret';

export interface SigningSecrets {
  /** Signs new tokens and keys one-time code hashes. */
  current: string;
  /** Verify tokens signed before a rotation. */
  previous: string[];
}

/** A fresh secret: 32 random bytes, base64url (43 characters). */
export const newSecret = () => randomBytes(32).toString('base64url');

/** Refuses a start outside demo mode without a configured secret, saying how to make one. */
export async function refuseWithoutSecret(config: Config, db: Db): Promise<void> {
  if (config.secret || config.demo) return;
  throw new ConfigurationError(missingSecret((await storedInstanceSecret(db)) !== undefined));
}

/**
 * The signing secrets of this start (after migrations). The secret must not sit in the database it protects: outside
 * demo mode it comes from configuration, or the start is refused with the way to create one. A
 * secret an older installation kept in the database is removed from it once the configuration
 * carries it (as the current or a previous secret).
 */
export async function resolveSigningSecrets(
  config: Config,
  db: Db,
  log: (line: string) => void,
): Promise<SigningSecrets> {
  const settings = new SettingsRepository();
  const stored = await settings.find(db, INSTANCE_SECRET);
  const storedSecret = typeof stored === 'string' ? stored : undefined;
  if (config.secret) {
    if (storedSecret && !config.demo) {
      if (storedSecret === config.secret || config.previousSecrets.includes(storedSecret)) {
        await settings.remove(db, INSTANCE_SECRET);
        log('[secrets] the signing secret kept in the database is now in the configuration: removed from the database');
      } else {
        log(
          '[secrets] the database still holds an older signing secret that the configuration does not list: QR codes it signed no longer verify (npx phongdich secret export-instance)',
        );
      }
    }
    return { current: config.secret, previous: config.previousSecrets };
  }
  if (config.demo) {
    return { current: await settings.getOrCreate(db, INSTANCE_SECRET, newSecret), previous: config.previousSecrets };
  }
  throw new ConfigurationError(missingSecret(storedSecret !== undefined));
}

/** The secret an older (or demo) installation kept in its database, to be moved into configuration. */
export async function storedInstanceSecret(db: Db): Promise<string | undefined> {
  const stored = await new SettingsRepository().find(db, INSTANCE_SECRET);
  return typeof stored === 'string' ? stored : undefined;
}

function missingSecret(storedInDatabase: boolean): string {
  const lines = [
    'phongdich needs a signing secret (personal QR codes, daily report links, one-time codes), kept outside the database it protects.',
    "Create one, readable by the server's user only:",
    '  npx phongdich secret generate --out /etc/phongdich/secret.key',
    'and start with PHONGDICH_SECRET_FILE=/etc/phongdich/secret.key (or PHONGDICH_SECRET=<at least 32 characters>).',
  ];
  if (storedInDatabase) {
    lines.push(
      'This database already holds the secret that signed its existing QR codes. So that they keep working, write it out too:',
      '  npx phongdich secret export-instance --out /etc/phongdich/previous.key',
      'and pass it as a previous secret: PHONGDICH_PREVIOUS_SECRETS_FILE=/etc/phongdich/previous.key (it is then removed from the database).',
    );
  }
  lines.push('Demo mode (start --demo or PHONGDICH_DEMO=1) keeps a generated secret in the database instead.');
  return lines.join('\n');
}
