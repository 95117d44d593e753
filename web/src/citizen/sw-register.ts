/**
 * Registers the citizens' service worker (/citizen-sw.js) for /c/ and for /v/ (the venue pages a
 * poster's QR opens). A scope is a prefix of the address: '/c' would also take the officials'
 * /cases, /chains and /clusters, and '/' all of their application, hence two narrower scopes. The
 * home page's own address is /c/ for the same reason (./router.tsx).
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After the page has loaded: the worker's precache must not compete with the page's first files.
  window.addEventListener('load', () => {
    for (const scope of ['/c/', '/v/'])
      navigator.serviceWorker.register('/citizen-sw.js', { scope }).catch(() => {
        // no worker (private mode, blocked): the pages still work online
      });
  });
}
