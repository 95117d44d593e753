import { describe, expect, it } from 'vitest';
import { QrTokenSigner } from './qr-token.ts';

describe('personal QR token', () => {
  const signer = new QrTokenSigner('a-test-secret-that-is-long-enough-123');

  it('verifies what it issued and carries no personal data', () => {
    const { id, token } = signer.issue();
    expect(token).toMatch(/^P1\.[\w-]{22}\.[\w-]{22}$/);
    expect(signer.verify(token)).toBe(id);
  });

  it('rejects forged, altered and foreign tokens', () => {
    const { token } = signer.issue();
    const other = new QrTokenSigner('another-secret-that-is-long-enough-456');
    expect(other.verify(token)).toBeNull();
    const [p, id, mac] = token.split('.');
    const flipped = `${p}.${id}.${mac!.slice(0, -1)}${mac!.endsWith('A') ? 'B' : 'A'}`;
    expect(signer.verify(flipped)).toBeNull();
    expect(signer.verify('P1.x.y')).toBeNull();
    expect(signer.verify('')).toBeNull();
    expect(signer.verify(`${token}.extra`)).toBeNull();
  });

  it('keeps verifying tokens of a previous secret after a rotation, and signs new ones with the new secret', () => {
    const old = new QrTokenSigner('the-secret-of-last-year-long-enough-789');
    const { id: oldId, token: oldToken } = old.issue();
    const rotated = new QrTokenSigner([
      'the-secret-of-this-year-long-enough-012',
      'the-secret-of-last-year-long-enough-789',
    ]);
    expect(rotated.verify(oldToken)).toBe(oldId);
    const fresh = rotated.issue();
    expect(rotated.verify(fresh.token)).toBe(fresh.id);
    expect(old.verify(fresh.token)).toBeNull();
    expect(new QrTokenSigner('the-secret-of-this-year-long-enough-012').verify(fresh.token)).toBe(fresh.id);
    // Shown again from its stored id, last year's token comes out signed with this year's key.
    expect(rotated.tokenOf(oldId)).not.toBe(oldToken);
    expect(new QrTokenSigner('the-secret-of-this-year-long-enough-012').verify(rotated.tokenOf(oldId))).toBe(oldId);
  });
});
