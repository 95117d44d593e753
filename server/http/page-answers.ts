import type { FastifyRequest } from 'fastify';
import { applicationOf } from '../../core/pages.ts';
import type { RouteEntry } from './context.ts';

/** Content-hashed build files never change under their name: a year, immutable. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * What the server answers for a request no route took: a page of one of the two applications (its
 * HTML, or a 404 with the application's own "not found" page for a path it does not have), a file
 * that is not there (a plain 404: a stale client after a deploy must not get HTML for a script), or
 * a path that exists under other methods (405 with `Allow`).
 */
export function unmatchedAnswer(
  req: Pick<FastifyRequest, 'method' | 'url'>,
  routes: readonly RouteEntry[],
  hasWebBuild: boolean,
):
  | { kind: 'page'; file: 'index.html' | 'citizen.html'; status: 200 | 404 }
  | { kind: 'method'; allow: string }
  | { kind: 'missing' } {
  const pathname = (req.url.split('?')[0] ?? '').replace(/(.)\/+$/, '$1');
  const allowed = allowedMethods(routes, pathname);
  const reading = req.method === 'GET' || req.method === 'HEAD';
  if (!reading && allowed.length) return { kind: 'method', allow: allowed.join(', ') };
  if (!hasWebBuild || pathname.startsWith('/api/') || pathname === '/api') return { kind: 'missing' };
  const app = applicationOf(pathname);
  if (app && !reading) return { kind: 'method', allow: 'GET, HEAD' };
  // A page's parameter may hold a dot (signed tokens): a page is a page before it looks like a file.
  if (app && reading) return { kind: 'page', file: app === 'citizen' ? 'citizen.html' : 'index.html', status: 200 };
  if (!reading || /\.[a-z0-9]+$/i.test(pathname) || pathname.startsWith('/assets/')) return { kind: 'missing' };
  return { kind: 'page', file: /^\/(c|v)(\/|$)/.test(pathname) ? 'citizen.html' : 'index.html', status: 404 };
}

/** The methods the routes declare for `pathname` (HEAD with every GET). */
export function allowedMethods(routes: readonly RouteEntry[], pathname: string): string[] {
  const methods = new Set<string>();
  for (const r of routes) {
    if (patternOf(r.url).test(pathname)) {
      methods.add(r.method);
      if (r.method === 'GET') methods.add('HEAD');
    }
  }
  return [...methods].sort();
}

const patterns = new Map<string, RegExp>();
function patternOf(url: string): RegExp {
  let re = patterns.get(url);
  if (!re) {
    const body = url
      .split('/')
      .map((s) => (s.startsWith(':') ? '[^/]+' : s === '*' ? '.*' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    re = new RegExp(`^${body}$`);
    patterns.set(url, re);
  }
  return re;
}
