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
});
