import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';

/**
 * Compresses answers of 1 KB or more (JSON lists, boundaries, CSV exports) for clients that
 * accept it: Brotli first, gzip otherwise. Citizens' pages run on cheap phones over slow networks:
 * the country's boundaries shrink from 8.6 MB to 2.1 MB, a province's map page to a third.
 * Excel, PDF and PNG files are compressed already and are sent as they are (mime-db's list).
 * Registered before the static files, which carry their own compressed copies (see
 * web/build/precompress.ts) and keep them.
 *
 * Request bodies are never inflated (an upload's size limit applies to what was sent, and a small
 * compressed body must not grow behind it): a compressed body is refused with 415 and
 * `Accept-Encoding: identity`, as RFC 9110 asks, rather than misread as malformed JSON.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false });
  app.addHook('preParsing', async (req, reply, payload) => {
    const coding = req.headers['content-encoding'];
    if (coding && coding.trim().toLowerCase() !== 'identity') {
      reply.header('accept-encoding', 'identity');
      throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    }
    return payload;
  });
}
