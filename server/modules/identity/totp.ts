import { randomInt } from 'node:crypto';
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/**
 * TOTP as every authenticator app reads it (RFC 6238): SHA-1, 6 digits, 30-second steps. A code of
 * the step before or after is accepted (clock drift), and each step once only: the caller keeps
 * the last step accepted and passes it back.
 */
const period = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(o: { issuer: string; account: string; secret: string }): string {
  return generateURI({ issuer: o.issuer, label: o.account, secret: o.secret, algorithm: 'sha1', digits: 6, period });
}

/** The current code of a secret (tests, the demo CLI). */
export function totpCode(secret: string, at: number = Date.now()): string {
  return generateSync({ secret, epoch: Math.floor(at / 1000), period, digits: 6, algorithm: 'sha1' });
}

/** The time step the code belongs to, or null when it is wrong, too old or not newer than `lastStep`. */
export function verifyTotp(
  secret: string,
  code: string,
  lastStep: number | null,
  at: number = Date.now(),
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(at / 1000),
    epochTolerance: period,
    period,
    digits: 6,
    algorithm: 'sha1',
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

const recoveryAlphabet = '23456789abcdefghjkmnpqrstuvwxyz';
export const RECOVERY_CODE_COUNT = 10;

/** Ten codes of ten characters (about 49 bits each), shown once as `xxxxx-xxxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    let s = '';
    for (let i = 0; i < 10; i++) s += recoveryAlphabet[randomInt(recoveryAlphabet.length)];
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

/** What a user typed, as stored: case, spaces and dashes do not matter. */
export function normaliseSecondFactor(code: string): { kind: 'totp' | 'recovery'; value: string } | null {
  const value = code.toLowerCase().replace(/[\s-]/g, '');
  if (/^\d{6}$/.test(value)) return { kind: 'totp', value };
  if (value.length === 10 && [...value].every((c) => recoveryAlphabet.includes(c))) return { kind: 'recovery', value };
  return null;
}
