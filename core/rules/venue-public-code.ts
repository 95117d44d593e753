/**
 * The public code of a venue: what its QR poster encodes (`/v/<code>`) and what a visitor types
 * when the camera fails. 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U),
 * so 30^10 ≈ 5.9 × 10^14 codes: guessing a valid one is hopeless, and it reads aloud cleanly.
 */
export const venuePublicCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const venuePublicCodeLength = 10;

const pattern = new RegExp(`^[${venuePublicCodeAlphabet}]{${venuePublicCodeLength}}$`);

export function isVenuePublicCode(code: string): boolean {
  return pattern.test(code);
}

/** Typed codes: case and the separators people add ("abcd-efgh jk") do not matter. */
export function normaliseVenuePublicCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * A new random code. `fillRandom` defaults to the Web Crypto generator (Node and browsers);
 * bytes ≥ 240 are rejected so every character is equally likely (240 = 8 × 30).
 */
export function newVenuePublicCode(fillRandom: (bytes: Uint8Array) => void = (b) => crypto.getRandomValues(b)): string {
  const n = venuePublicCodeAlphabet.length;
  const limit = 256 - (256 % n);
  let code = '';
  while (code.length < venuePublicCodeLength) {
    const bytes = new Uint8Array(16);
    fillRandom(bytes);
    for (const b of bytes) {
      if (b < limit && code.length < venuePublicCodeLength) code += venuePublicCodeAlphabet[b % n];
    }
  }
  return code;
}

/** "ABCDEFGHJK" → "ABCD EFGH JK", for print. */
export function formatVenuePublicCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The page a venue QR opens: `${origin}/v/<code>` on the site the poster was printed from, with the
 * venue's exposure key after `#k=` (issue 20). A fragment never travels to a server: the phone keeps
 * the key, and posters printed before it keep working (the check-in answer carries the key too).
 */
export function venueCheckinUrl(origin: string, code: string, exposureKey?: string): string {
  return `${origin.replace(/\/+$/, '')}/v/${code}${exposureKey ? `#k=${exposureKey}` : ''}`;
}
