import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Identifiers of people (ID numbers, phone numbers) are stored sealed: AES-256-GCM with a random
 * nonce, so a copy of the database (a dump, a backup, a read through an injection) holds no usable
 * number. Exact lookups still work through a keyed hash (HMAC-SHA256) kept beside the sealed value.
 *
 * Both keys are derived (HKDF) from the instance secret, which lives outside the database. After a
 * rotation the previous secrets still open old values and still find old lookup keys, until
 * `phongdich keys rekey` has rewritten every row with the current secret.
 *
 * Sealed form: `s1.<key id>.<nonce>.<ciphertext+tag>` (base64url), the key id naming the secret
 * that sealed it.
 */
export class PersonalDataCipher {
  private readonly keys: { id: string; enc: Buffer; lookup: Buffer }[];

  constructor(secrets: { current: string; previous?: readonly string[] }) {
    this.keys = [secrets.current, ...(secrets.previous ?? [])].map(deriveKeys);
  }

  /** Seals a value with the current key; null stays null. */
  seal(plain: string): string;
  seal(plain: string | null): string | null;
  seal(plain: string | null): string | null {
    if (plain === null) return null;
    const key = this.keys[0]!;
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.enc, nonce);
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `s1.${key.id}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
  }

  /**
   * Opens a sealed value. A value that fails authentication (edited in the database, or sealed by
   * a secret no longer configured) throws: a wrong phone number shown as if true is worse than an error.
   */
  open(sealed: string): string;
  open(sealed: string | null): string | null;
  open(sealed: string | null): string | null {
    if (sealed === null) return null;
    const parts = sealed.split('.');
    const key = this.keys.find((k) => k.id === parts[1]);
    if (parts.length !== 4 || parts[0] !== 's1' || !key) throw new Error('sealed value of an unknown key or format');
    const nonce = Buffer.from(parts[2]!, 'base64url');
    const body = Buffer.from(parts[3]!, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key.enc, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
  }

  /** Whether a value was sealed by a previous secret (a re-key rewrites it). */
  isStale(sealed: string): boolean {
    return sealed.split('.')[1] !== this.keys[0]!.id;
  }

  /** The lookup key of a normalised value under the current secret. `kind` keeps phones and ID numbers apart. */
  lookupKey(kind: LookupKind, normalised: string): string {
    return lookupKeyOf(this.keys[0]!.lookup, kind, normalised);
  }

  /** Its lookup keys under every configured secret: what to search for while a re-key is pending. */
  lookupKeys(kind: LookupKind, normalised: string): string[] {
    return this.keys.map((k) => lookupKeyOf(k.lookup, kind, normalised));
  }
}

export type LookupKind = 'id_number' | 'phone';

const aad = Buffer.from('phongdich personal data v1');

function deriveKeys(secret: string) {
  const ikm = Buffer.from(secret, 'utf8');
  const enc = Buffer.from(hkdfSync('sha256', ikm, 'phongdich', 'personal-data/encryption/v1', 32));
  const lookup = Buffer.from(hkdfSync('sha256', ikm, 'phongdich', 'personal-data/lookup/v1', 32));
  const id = createHash('sha256').update(enc).digest('base64url').slice(0, 8);
  return { id, enc, lookup };
}

function lookupKeyOf(key: Buffer, kind: LookupKind, normalised: string): string {
  return createHmac('sha256', key).update(`${kind}:${normalised}`).digest('base64url').slice(0, 32);
}
