import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const SEALED_PREFIX = 'v1.';

/**
 * Keys of the identity module, each derived (HKDF-SHA256) from the instance secret for one purpose:
 * TOTP secrets are stored sealed (AES-256-GCM, bound to their account), recovery codes and throttle
 * keys are keyed hashes, so a copy of the database alone neither yields second factors nor maps
 * throttle rows back to usernames or addresses.
 */
export class IdentityKeys {
  private readonly totpKey: Buffer;
  private readonly recoveryKey: Buffer;
  private readonly throttleKey: Buffer;

  constructor(instanceSecret: string) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', instanceSecret, 'phongdich-identity', info, 32));
    this.totpKey = derive('totp-secret-v1');
    this.recoveryKey = derive('recovery-code-v1');
    this.throttleKey = derive('login-throttle-v1');
  }

  /** Encrypts a TOTP secret; the account id is authenticated data, so a sealed value moved to another row does not open. */
  sealTotpSecret(userId: string, secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.totpKey, iv);
    cipher.setAAD(Buffer.from(userId));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return SEALED_PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The TOTP secret, or null when the value was not sealed for this account under this key. */
  openTotpSecret(userId: string, sealed: string): string | null {
    if (!sealed.startsWith(SEALED_PREFIX)) return null;
    const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64url');
    if (raw.length < 12 + 16 + 1) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.totpKey, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(userId));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  recoveryCodeHash(userId: string, normalisedCode: string): string {
    return createHmac('sha256', this.recoveryKey).update(`${userId}\u0000${normalisedCode}`).digest('hex');
  }

  /** The key of a throttle row: the same input always gives the same key, known username or not. */
  throttleHash(...parts: string[]): string {
    return createHmac('sha256', this.throttleKey).update(parts.join('\u0000')).digest('hex');
  }
}
