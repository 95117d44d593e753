import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

/**
 * The officials' service worker (built by vite-plugin-pwa's injectManifest from this file, see
 * web/vite.config.ts), registered by the field pages only (../field-worker.ts): an inspector or a
 * border post opens its page once with a signal, and later opens it again without one.
 *
 * - Precache: index.html and the officials' build (assets/*, not the citizens' assets/c/).
 * - Navigations go to the network first, as without a worker, so an official online always gets the
 *   version just deployed; only when the network fails or takes longer than 4 s does the kept
 *   index.html answer (the field pages then read what they kept in IndexedDB, ../kept-data.ts).
 * - The API is never cached here: personal data stays in the pages' own kept reads, per account.
 * - skipWaiting/clientsClaim: navigations are network-first, so an open page never mixes versions
 *   from this cache; the newest precache takes over at once.
 */
declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

self.skipWaiting();
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

const slowNetworkMs = 4_000;

async function networkThenKept(request: Request): Promise<Response> {
  const kept = async () => (await matchPrecache('/index.html')) ?? Response.error();
  try {
    const answer = await Promise.race([
      fetch(request),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), slowNetworkMs)),
    ]);
    return answer ?? (await kept());
  } catch {
    return kept();
  }
}

registerRoute(
  new NavigationRoute(({ request }) => networkThenKept(request), {
    // The citizens' pages have their own worker; the API and files are never pages.
    denylist: [/^\/api\//, /^\/c(\/|$)/, /^\/v\//, /^\/citizen/, /\.[a-z0-9]+$/i],
  }),
);
