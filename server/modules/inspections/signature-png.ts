import { crc32, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_EDGE = 2000;

/**
 * Whether the bytes are a whole PNG: its chunks' checksums hold and its image data inflates. A
 * signature is stored only then, since the record's PDF renderer fails on a damaged image long after
 * the phone that sent it is gone.
 */
export function isWholePng(bytes: Buffer): boolean {
  if (bytes.length < 57 || !bytes.subarray(0, 8).equals(SIGNATURE)) return false;
  const data: Buffer[] = [];
  let at = 8;
  let ended = false;
  try {
    while (at + 12 <= bytes.length && !ended) {
      const length = bytes.readUInt32BE(at);
      const type = bytes.subarray(at + 4, at + 8);
      const body = bytes.subarray(at + 8, at + 8 + length);
      if (body.length !== length || crc32(Buffer.concat([type, body])) !== bytes.readUInt32BE(at + 8 + length))
        return false;
      const name = type.toString('latin1');
      if (at === 8 && (name !== 'IHDR' || body.readUInt32BE(0) > MAX_EDGE || body.readUInt32BE(4) > MAX_EDGE))
        return false;
      if (name === 'IDAT') data.push(body);
      ended = name === 'IEND';
      at += 12 + length;
    }
    return ended && data.length > 0 && inflateSync(Buffer.concat(data)).length > 0;
  } catch {
    return false;
  }
}
