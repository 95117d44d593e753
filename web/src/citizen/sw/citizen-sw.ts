import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';

/**
 * The citizens' service worker (built by vite-plugin-pwa's injectManifest from this file, see
 * web/vite.citizen.config.ts). Registered twice, for the scopes /c/ and /v/ (./register.ts), never
 * for / : the officials' application is neither controlled nor cached by it.
 *
 * - Precache: citizen.html and the citizens' build (assets/c/…, icons), listed with their hashes at
 *   build time, so the pages open from the phone on a cheap network or none.
 * - Navigations to /c… and /v/… answer the cached citizen.html; the QR and the last status come from
 *   localStorage (../storage.ts), so the personal QR works offline once loaded.
 * - No skipWaiting/clientsClaim: a new version installs in the background and takes over on the next
 *   start (all of the app's tabs closed), so a page never runs with half old, half new files.
 */
declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/citizen.html'), { allowlist: [/^\/c(\/|$)/, /^\/v\/[^/]+$/] }),
);

/**
 * Public reads that must be fresh (a venue's state, the risk map, the place lists): the network
 * first, the last answer kept on the phone only when there is no network (10 s on a slow one).
 * Everything that acts or reads a person (POST, sessions, monitoring) goes to the network alone.
 */
const freshReads = /^\/api\/public\/(venues\/[^/]+|localities|places\/.+|risk-map)$/;
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.origin === self.location.origin && freshReads.test(url.pathname),
  new NetworkFirst({ cacheName: 'pd-public-reads', networkTimeoutSeconds: 10 }),
);

/**
 * Alerts the person chose on this browser (issue 20): the server's push is encrypted to this
 * browser and carries a title, a text and where a tap leads (a page of this app only).
 */
self.addEventListener('push', (event) => {
  const alert = (() => {
    try {
      return event.data?.json() as { title?: string; body?: string; url?: string } | undefined;
    } catch {
      return undefined;
    }
  })();
  if (!alert?.title) return;
  const url = alert.url?.startsWith('/c/') ? alert.url : '/c/';
  event.waitUntil(
    self.registration.showNotification(alert.title, {
      body: alert.body ?? '',
      icon: '/c-icons/icon-192.png',
      data: { url },
      tag: 'phongdich-alert',
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data as { url?: string } | null)?.url ?? '/c/';
  event.waitUntil(self.clients.openWindow(url));
});
