import type { FastifyInstance } from 'fastify';

/**
 * Watches every answer a test platform gives: an error status that the route's response schema
 * (what the OpenAPI description documents, see http/contract-route.ts) does not list is recorded,
 * and `assertNone` fails the test file with the list. Every database test thereby checks the
 * description against the real answers it provokes.
 */
export function watchUndocumentedErrors(app: FastifyInstance): { assertNone(): void } {
  const seen = new Set<string>();
  app.addHook('onResponse', async (req, reply) => {
    const url = req.routeOptions.url;
    // Unmatched addresses (404 / 405 from the not-found handler) belong to no operation.
    if (reply.statusCode < 400 || url === undefined || !url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    const documented = req.routeOptions.schema?.response as Record<string, unknown> | undefined;
    if (!documented || !(String(reply.statusCode) in documented))
      seen.add(`${req.method === 'HEAD' ? 'GET' : req.method} ${url} answered ${reply.statusCode}`);
  });
  return {
    assertNone() {
      if (seen.size)
        throw new Error(`Error answers the OpenAPI description does not document:\n${[...seen].join('\n')}`);
    },
  };
}
