import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Personal QR tokens: `P1.<id>.<mac>`. The id is random (no personal data); the MAC (HMAC-SHA256,
 * truncated to 128 bits) lets a gate reject a forged or mistyped token before any database lookup.
 * The id maps to a person in `personal_qr_tokens`, so a token can be revoked and reissued.
 *
 * Rotation: tokens are signed with the first secret; a token signed with any of the others (the
 * previous secrets) still verifies, until its id is revoked. Re-showing a stored id signs it anew.
 */
export class QrTokenSigner {
  private readonly secrets: readonly string[];

  /** `prefix` separates kinds of token signed with the same secret: 'P1' personal QR, 'M1' monitoring link. */
  constructor(
    secrets: string | readonly [string, ...string[]],
    private readonly prefix = 'P1',
  ) {
    this.secrets = typeof secrets === 'string' ? [secrets] : secrets;
  }

  issue(): { id: string; token: string } {
    const id = randomBytes(16).toString('base64url');
    return { id, token: this.tokenOf(id) };
  }

  /** The token of a stored id (tokens are not stored, only their ids). */
  tokenOf(id: string): string {
    return `${this.prefix}.${id}.${this.mac(this.secrets[0]!, id)}`;
  }

  /** The token id when the signature is good, else null. */
  verify(token: string): string | null {
    const parts = token.trim().split('.');
    if (parts.length !== 3 || parts[0] !== this.prefix) return null;
    const [, id, mac] = parts as [string, string, string];
    if (!/^[\w-]{22}$/.test(id) || !/^[\w-]{22}$/.test(mac)) return null;
    const given = Buffer.from(mac);
    const signedBy = (secret: string) => {
      const expected = Buffer.from(this.mac(secret, id));
      return expected.length === given.length && timingSafeEqual(expected, given);
    };
    return this.secrets.some(signedBy) ? id : null;
  }

  private mac(secret: string, id: string): string {
    return createHmac('sha256', secret)
      .update(`qr:${this.prefix}:${id}`)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }
}
