import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openArchive, sealArchive, type ArchiveKeys } from './archive-cipher.ts';

const keys: ArchiveKeys = { current: 'k'.repeat(43), previous: [] };
const HEADER = 5 + 8 + 16;
const CHUNK = 64 * 1024;

async function collect(source: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Feeds `data` in pieces of `piece` bytes, as a file or a socket would. */
const pieces = (data: Buffer, piece = 10_000) =>
  Readable.from(
    Array.from({ length: Math.ceil(data.length / piece) }, (_, i) => data.subarray(i * piece, (i + 1) * piece)),
  );

const seal = (plain: Buffer, k = keys) => collect(pieces(plain).pipe(sealArchive(k)));
const open = (sealed: Buffer, k = keys) => collect(pieces(sealed, 7_777).pipe(openArchive(k)));

/** The sealed chunks after the header: [offset, byte length] of each. */
function chunks(sealed: Buffer): [number, number][] {
  const out: [number, number][] = [];
  for (let at = HEADER; at < sealed.length;) {
    const size = 4 + sealed.readUInt32BE(at) + 16;
    out.push([at, size]);
    at += size;
  }
  return out;
}

describe('sealed backup archives', () => {
  it('round-trips any length, none of the plain bytes showing', async () => {
    for (const length of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 12_345]) {
      const plain = Buffer.from('012085001234 +84912000111 '.repeat(Math.ceil(length / 26) + 1)).subarray(0, length);
      const sealed = await seal(plain);
      if (length >= 12) expect(sealed.includes(Buffer.from('012085001234'))).toBe(false);
      expect((await open(sealed)).equals(plain)).toBe(true);
    }
  });

  it('seals the same data differently each time (a fresh key per archive)', async () => {
    const plain = randomBytes(1000);
    expect((await seal(plain)).equals(await seal(plain))).toBe(false);
  });

  it('opens an archive of a previous secret after a rotation, and names a missing one', async () => {
    const plain = randomBytes(CHUNK * 2);
    const sealed = await seal(plain);
    const rotated = { current: 'n'.repeat(43), previous: [keys.current] };
    expect((await open(sealed, rotated)).equals(plain)).toBe(true);
    await expect(open(sealed, { current: 'n'.repeat(43), previous: [] })).rejects.toThrow(
      /signing secret this configuration does not hold/,
    );
  });

  it('refuses an altered byte, a cut, a dropped or swapped chunk, and data appended', async () => {
    const plain = randomBytes(CHUNK * 3 + 500);
    const sealed = await seal(plain);
    const [first, second, third, last] = chunks(sealed);
    expect(chunks(sealed)).toHaveLength(4);
    const slice = ([at, size]: [number, number]) => sealed.subarray(at, at + size);
    const header = sealed.subarray(0, HEADER);

    const flipped = Buffer.from(sealed);
    flipped[second![0] + 100]! ^= 1;
    await expect(open(flipped)).rejects.toThrow(/altered/);
    // Cut at a chunk boundary: every chunk that is left authenticates, but the last one is missing.
    await expect(open(sealed.subarray(0, third![0]))).rejects.toThrow(/cut short/);
    await expect(open(sealed.subarray(0, sealed.length - 3))).rejects.toThrow(/cut short/);
    await expect(open(Buffer.concat([header, slice(first!), slice(third!), slice(last!)]))).rejects.toThrow(/altered/);
    await expect(
      open(Buffer.concat([header, slice(second!), slice(first!), slice(third!), slice(last!)])),
    ).rejects.toThrow(/altered/);
    await expect(open(Buffer.concat([sealed, slice(last!)]))).rejects.toThrow(/after the end|altered/);
    // The last chunk replayed as a middle one, the archive then ending early.
    await expect(open(Buffer.concat([header, slice(first!), slice(last!)]))).rejects.toThrow(/altered/);
  });
});
