import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Personal QR tokens: `P1.<id>.<mac>`. The id is random (no personal data); the MAC (HMAC-SHA256,
 * truncated to 128 bits) lets a gate reject a forged or mistyped token before any database lookup.
 * The id maps to a person in `personal_qr_tokens`, so a token can be revoked and reissued.
 */
export class QrTokenSigner {
  /** `prefix` separates kinds of token signed with the same secret: 'P1' personal QR, 'M1' monitoring link. */
  constructor(private readonly secret: string, private readonly prefix = 'P1') {}

  issue(): { id: string; token: string } {
    const id = randomBytes(16).toString('base64url');
    return { id, token: this.tokenOf(id) };
  }

  /** The token of a stored id (tokens are not stored, only their ids). */
  tokenOf(id: string): string {
    return `${this.prefix}.${id}.${this.mac(id)}`;
  }

  /** The token id when the signature is good, else null. */
  verify(token: string): string | null {
    const parts = token.trim().split('.');
    if (parts.length !== 3 || parts[0] !== this.prefix) return null;
    const [, id, mac] = parts as [string, string, string];
    if (!/^[\w-]{22}$/.test(id) || !/^[\w-]{22}$/.test(mac)) return null;
    const expected = Buffer.from(this.mac(id));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
  }

  private mac(id: string): string {
    return createHmac('sha256', this.secret).update(`qr:${this.prefix}:${id}`).digest().subarray(0, 16).toString('base64url');
  }
}
