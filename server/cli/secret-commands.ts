import fs from 'node:fs/promises';
import { ConfigurationError, type Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { newSecret, storedInstanceSecret } from '../modules/system/signing-secrets.ts';

/** Writes a key file readable by its owner only; an existing file is never overwritten. */
export async function writeKeyFile(file: string, secret: string): Promise<void> {
  try {
    await fs.writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      throw new ConfigurationError(`${file} exists already: it is not overwritten (a secret in use would be lost).`);
    throw err;
  }
}

/** `phongdich secret generate --out <file>`: a new signing secret in a 0600 key file. */
export async function generateSecretFile(file: string): Promise<string> {
  await writeKeyFile(file, newSecret());
  return `wrote a new signing secret to ${file} (mode 600): start with PHONGDICH_SECRET_FILE=${file}`;
}

/**
 * `phongdich secret export-instance --out <file>`: the secret an older (or demo) installation kept
 * in its database, written to a key file to pass as PHONGDICH_PREVIOUS_SECRETS_FILE, so the QR
 * codes it signed keep working. Reads the database without migrating it or needing a secret.
 */
export async function exportInstanceSecret(config: Config, file: string): Promise<string> {
  const handle = await openDatabase(config.database);
  try {
    const secret = await storedInstanceSecret(handle.db);
    if (!secret) throw new ConfigurationError('This database holds no signing secret: there is nothing to export.');
    await writeKeyFile(file, secret);
    return `wrote the database's signing secret to ${file} (mode 600): pass it as PHONGDICH_PREVIOUS_SECRETS_FILE=${file}; it is removed from the database at the next start`;
  } finally {
    await handle.close();
  }
}
