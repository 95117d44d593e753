import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Compresses API answers of 1 KB or more (JSON lists, a province's boundaries, CSV exports) for
 * clients that accept it: Brotli first, gzip otherwise. Citizens' pages run on cheap phones over
 * slow networks, where a province's boundaries shrink from megabytes to a few hundred kilobytes.
 * Excel, PDF and PNG files are compressed already and are sent as they are (mime-db's list).
 * Request bodies are never inflated: an upload is limited by its size as sent, and a small
 * compressed body must not become a huge one behind that limit.
 * Registered before the static files, which carry their own compressed copies (see
 * web/build/precompress.ts) and keep them.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false });
}
