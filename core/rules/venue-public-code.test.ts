import { describe, expect, it } from 'vitest';
import {
  formatVenuePublicCode,
  isVenuePublicCode,
  newVenuePublicCode,
  normaliseVenuePublicCode,
  venueCheckinUrl,
  venuePublicCodeAlphabet,
} from './venue-public-code.ts';

describe('venue public code', () => {
  it('has no look-alike characters', () => {
    for (const c of '01ILOU') expect(venuePublicCodeAlphabet).not.toContain(c);
    expect(new Set(venuePublicCodeAlphabet).size).toBe(venuePublicCodeAlphabet.length);
  });

  it('draws 10 characters of the alphabet, all of them over many draws', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = newVenuePublicCode();
      expect(isVenuePublicCode(code)).toBe(true);
      for (const c of code) seen.add(c);
    }
    expect(seen.size).toBe(venuePublicCodeAlphabet.length);
  });

  it('rejects biased bytes instead of folding them onto the first characters', () => {
    let call = 0;
    // First batch: only bytes ≥ 240 (rejected); then bytes 0, 1, 2…
    const code = newVenuePublicCode((b) => {
      b.set(b.map((_, i) => (call === 0 ? 240 + (i % 16) : i)));
      call++;
    });
    expect(code).toBe(venuePublicCodeAlphabet.slice(0, 10));
  });

  it('accepts what people type and prints in groups', () => {
    expect(normaliseVenuePublicCode(' abcd-efgh jk ')).toBe('ABCDEFGHJK');
    expect(isVenuePublicCode('ABCDEFGHJK')).toBe(true);
    expect(isVenuePublicCode('ABCDEFGHJ0')).toBe(false);
    expect(formatVenuePublicCode('ABCDEFGHJK')).toBe('ABCD EFGH JK');
  });
});

describe('venue check-in URL', () => {
  it('joins the origin and the code without a double slash', () => {
    expect(venueCheckinUrl('https://phongdich.laichau.gov.vn/', 'ABCDEFGHJK')).toBe(
      'https://phongdich.laichau.gov.vn/v/ABCDEFGHJK',
    );
    expect(venueCheckinUrl('http://localhost:3000', 'ABCDEFGHJK')).toBe('http://localhost:3000/v/ABCDEFGHJK');
  });
});
