import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { passwordProblem } from './password-policy.ts';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes): ~16 ms a hash on this hardware.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string) => hash(plain, options);

export async function verifyPassword(storedHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(storedHash, plain);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so a wrong username is not faster than a wrong password. */
export async function burnVerification(plain: string): Promise<void> {
  dummyHash ??= hashPassword('phongdich-timing-equaliser');
  await verifyPassword(await dummyHash, plain);
}

const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A one-time password to hand over (it meets the password rules); the holder must change it at first sign-in. */
export function temporaryPassword(username = '', length = 14): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[randomInt(alphabet.length)];
    if (passwordProblem(s, username) === null) return s;
  }
}
