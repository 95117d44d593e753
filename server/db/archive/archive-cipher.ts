import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { ArchiveError } from './archive-format.ts';

/**
 * Backups leave the machine (copied to another disk, another site): the one copy of the data that
 * volume encryption does not cover. An archive is therefore sealed with AES-256-GCM under a key
 * derived (HKDF-SHA256, a random salt per archive) from the instance's signing secret, which lives
 * outside the database and outside the archive.
 *
 * Layout: `PDBK` 0x01, the key id (8 bytes: which secret sealed it), the salt (16 bytes); then
 * chunks of at most 64 KiB, each `length (4 bytes) · ciphertext · tag (16 bytes)`. A chunk's nonce
 * is its number (the key is the archive's own), and its additional data is the header plus a
 * last-chunk flag: reordered, dropped or appended chunks, and an archive cut short, all fail.
 */
const MAGIC = Buffer.from('PDBK\x01', 'latin1');
const HEADER_BYTES = MAGIC.length + 8 + 16;
const CHUNK = 64 * 1024;
const TAG = 16;

export interface ArchiveKeys {
  /** Seals new archives. */
  current: string;
  /** Open archives sealed before a rotation. */
  previous: readonly string[];
}

const keyId = (secret: string) =>
  createHash('sha256').update('phongdich backup key id').update(secret).digest().subarray(0, 8);
const archiveKey = (secret: string, salt: Buffer) =>
  Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), salt, 'phongdich backup v1', 32));

function nonce(counter: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeUInt32BE(Math.floor(counter / 2 ** 32), 4);
  n.writeUInt32BE(counter >>> 0, 8);
  return n;
}

const additionalData = (header: Buffer, last: boolean) => Buffer.concat([header, Buffer.from([last ? 1 : 0])]);

/** Whether the file is a sealed archive (else a plain gzip one). */
export async function isSealedArchive(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    const { bytesRead } = await handle.read(head, 0, MAGIC.length, 0);
    return bytesRead === MAGIC.length && head.equals(MAGIC);
  } finally {
    await handle.close();
  }
}

/** Seals what flows through it under a fresh archive key. */
export function sealArchive(keys: ArchiveKeys): Transform {
  const salt = randomBytes(16);
  const header = Buffer.concat([MAGIC, keyId(keys.current), salt]);
  const key = archiveKey(keys.current, salt);
  let pending = Buffer.alloc(0);
  let counter = 0;
  const seal = (plain: Buffer, last: boolean) => {
    const cipher = createCipheriv('aes-256-gcm', key, nonce(counter++));
    cipher.setAAD(additionalData(header, last));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(plain.length);
    return Buffer.concat([length, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (!started) {
        this.push(header);
        started = true;
      }
      pending = Buffer.concat([pending, chunk]);
      // Keep at least one byte back: the last chunk is sealed as the last one in flush.
      while (pending.length > CHUNK) {
        this.push(seal(pending.subarray(0, CHUNK), false));
        pending = pending.subarray(CHUNK);
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(header);
      this.push(seal(pending, true));
      done();
    },
  });
}

/** Opens a sealed archive's stream; fails on a wrong key, an altered chunk or a cut. */
export function openArchive(keys: ArchiveKeys): Transform {
  let buffered = Buffer.alloc(0);
  let header: Buffer | null = null;
  let key: Buffer | null = null;
  let counter = 0;
  let ended = false;
  const fail = (message: string) => new ArchiveError(message);
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      buffered = Buffer.concat([buffered, chunk]);
      try {
        if (!header) {
          if (buffered.length < HEADER_BYTES) return done();
          header = buffered.subarray(0, HEADER_BYTES);
          const id = header.subarray(MAGIC.length, MAGIC.length + 8);
          const secret = [keys.current, ...keys.previous].find((s) => keyId(s).equals(id));
          if (!secret) {
            throw fail(
              'the backup is encrypted with a signing secret this configuration does not hold (set it as PHONGDICH_SECRET_FILE or list it in PHONGDICH_PREVIOUS_SECRETS_FILE)',
            );
          }
          key = archiveKey(secret, header.subarray(MAGIC.length + 8));
          buffered = buffered.subarray(HEADER_BYTES);
        }
        while (buffered.length >= 4) {
          const length = buffered.readUInt32BE(0);
          if (length > CHUNK) throw fail('the backup is damaged (a chunk longer than the format allows)');
          if (buffered.length < 4 + length + TAG) break;
          if (ended) throw fail('data after the end of the backup');
          this.push(openChunk(buffered.subarray(4, 4 + length + TAG)));
          buffered = buffered.subarray(4 + length + TAG);
        }
        done();
      } catch (err) {
        done(err instanceof Error ? err : new Error(String(err)));
      }
    },
    flush(done: TransformCallback) {
      if (!ended || buffered.length > 0) return done(fail('the backup is incomplete: it was cut short'));
      done();
    },
  });

  function openChunk(sealed: Buffer): Buffer {
    const body = sealed.subarray(0, sealed.length - TAG);
    const tag = sealed.subarray(sealed.length - TAG);
    // A chunk is the last one when it opens with the last-chunk flag; only one of the two can hold.
    for (const last of [false, true]) {
      const decipher = createDecipheriv('aes-256-gcm', key!, nonce(counter));
      decipher.setAAD(additionalData(header!, last));
      decipher.setAuthTag(tag);
      try {
        const plain = Buffer.concat([decipher.update(body), decipher.final()]);
        counter++;
        ended = last;
        return plain;
      } catch {
        // try the other flag
      }
    }
    throw new ArchiveError('the backup was altered: a chunk fails authentication');
  }
}
