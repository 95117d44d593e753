import type { FastifyInstance } from 'fastify';

const csp = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  // The gate scanner's QR reader is WebAssembly (phones without a built-in detector); this allows
  // compiling WebAssembly only, never JavaScript eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "script-src-attr 'none'",
  // Leaflet positions map layers with inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
].join('; ');

/**
 * The usual hardening headers (the set helmet sends), computed once: building them per request
 * cost about a sixth of the server's CPU on a trivial endpoint.
 */
const headers: Record<string, string> = {
  'content-security-policy': csp,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

export function registerSecurityHeaders(app: FastifyInstance, opts: { tls: boolean }) {
  const all = opts.tls ? { ...headers, 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : headers;
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(all);
  });
}
