import { createHmac, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';

/** DER of a PKCS #8 Ed25519 private key, before its 32-byte seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Signs exposure feeds with Ed25519 (node:crypto), so a phone can check a feed that reached it through
 * any cache or mirror: the public key comes from the site itself (`/api/public/exposure/key`) and the
 * phone keeps it. The key pair is derived from the installation's signing secret, so every process
 * of an installation signs alike without another secret to distribute; rotating the secret changes it
 * (the phone then takes the new key from the site, see web/src/citizen/exposure/feed.ts).
 */
export class FeedSigner {
  private readonly key: KeyObject;
  /** The raw public key, base64url (what WebCrypto imports as 'raw'). */
  readonly publicKey: string;

  constructor(secret: string) {
    const seed = createHmac('sha256', secret).update('phongdich exposure feed Ed25519 v1').digest();
    this.key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    const jwk = createPublicKey(this.key).export({ format: 'jwk' });
    this.publicKey = jwk.x!;
  }

  sign(body: Buffer): string {
    return sign(null, body, this.key).toString('base64url');
  }
}
