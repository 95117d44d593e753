import { createHash } from 'node:crypto';

/**
 * What uploaded files are, from their bytes (never the client's word alone), and their content hash:
 * the shared piece of the modules that keep files as blobs keyed by SHA-256 (inspection photos,
 * migration 0040; directive task evidence, 0046). SVG, HTML and anything else a browser could run
 * are none of these types, so they are refused.
 */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';
export type DocumentType =
  | ImageType
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function imageTypeOf(body: Buffer): ImageType | null {
  if (body.length >= 3 && body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff) return 'image/jpeg';
  if (body.subarray(0, 8).equals(PNG)) return 'image/png';
  if (body.subarray(0, 4).toString('latin1') === 'RIFF' && body.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  return null;
}

/**
 * A PDF, an image, or an Office Open XML document (a zip whose parts name `word/` or `xl/`; the
 * names of a zip's entries are stored uncompressed in its headers).
 */
export function documentTypeOf(body: Buffer): DocumentType | null {
  const image = imageTypeOf(body);
  if (image) return image;
  if (body.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (body.subarray(0, 4).equals(ZIP)) {
    const names = body.toString('latin1');
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (names.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return null;
}

export function sha256Of(body: Buffer): Buffer {
  return createHash('sha256').update(body).digest();
}
