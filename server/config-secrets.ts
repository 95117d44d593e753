import fs from 'node:fs';

/**
 * The signing secrets' part of the configuration (./config.ts reads the environment and passes the
 * parsed values here): the current secret and earlier ones, given directly or as key files.
 */

/** A setting that prevents a safe start; the CLI prints the message alone, without a stack. */
export class ConfigurationError extends Error {}

const MIN_SECRET = 32;

/**
 * The signing secrets: the current one from PHONGDICH_SECRET or its key file, earlier ones (for
 * rotation) from PHONGDICH_PREVIOUS_SECRETS or their key file. A key file others could read is
 * refused: the secret would be as public as the machine.
 */
export function signingSecrets(e: {
  PHONGDICH_SECRET?: string;
  PHONGDICH_SECRET_FILE?: string;
  PHONGDICH_PREVIOUS_SECRETS?: string;
  PHONGDICH_PREVIOUS_SECRETS_FILE?: string;
}): { secret?: string; previousSecrets: string[] } {
  if (e.PHONGDICH_SECRET && e.PHONGDICH_SECRET_FILE) {
    throw new ConfigurationError('Set PHONGDICH_SECRET or PHONGDICH_SECRET_FILE, not both.');
  }
  if (e.PHONGDICH_PREVIOUS_SECRETS && e.PHONGDICH_PREVIOUS_SECRETS_FILE) {
    throw new ConfigurationError('Set PHONGDICH_PREVIOUS_SECRETS or PHONGDICH_PREVIOUS_SECRETS_FILE, not both.');
  }
  const fromFile = e.PHONGDICH_SECRET_FILE
    ? readKeyFile('PHONGDICH_SECRET_FILE', e.PHONGDICH_SECRET_FILE).trim()
    : undefined;
  if (fromFile !== undefined && fromFile.length < MIN_SECRET) {
    throw new ConfigurationError(
      `PHONGDICH_SECRET_FILE: the secret in ${e.PHONGDICH_SECRET_FILE} is shorter than ${MIN_SECRET} characters.`,
    );
  }
  const previousText = e.PHONGDICH_PREVIOUS_SECRETS_FILE
    ? readKeyFile('PHONGDICH_PREVIOUS_SECRETS_FILE', e.PHONGDICH_PREVIOUS_SECRETS_FILE)
    : (e.PHONGDICH_PREVIOUS_SECRETS ?? '');
  const previousSecrets = previousText
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== '' && !x.startsWith('#'));
  if (previousSecrets.some((x) => x.length < MIN_SECRET)) {
    throw new ConfigurationError(
      `PHONGDICH_PREVIOUS_SECRETS: every previous secret has at least ${MIN_SECRET} characters.`,
    );
  }
  return { secret: e.PHONGDICH_SECRET ?? fromFile, previousSecrets };
}

/** Reads a key file, refusing one that its group or others may read or write. */
function readKeyFile(variable: string, file: string): string {
  let mode: number;
  try {
    mode = fs.statSync(file).mode;
  } catch {
    throw new ConfigurationError(
      `${variable}: cannot read the key file ${file}. Create one with: npx phongdich secret generate --out ${file}`,
    );
  }
  if ((mode & 0o077) !== 0) {
    throw new ConfigurationError(
      `${variable}: the key file ${file} can be read by its group or by others (mode ${(mode & 0o777).toString(8)}). ` +
        `Make it readable by its owner only: chmod 600 ${file}`,
    );
  }
  return fs.readFileSync(file, 'utf8');
}
