import { useEffect } from 'react';

/**
 * Registers the officials' service worker (/staff-sw.js, ./sw/staff-sw.ts) when a field page is
 * first opened, not for every official: a desk user never downloads the app's files twice. Its scope
 * is the whole application ('/'); the citizens' own worker keeps the narrower /c/ and /v/.
 */
export function useFieldWorker(): void {
  useEffect(() => {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/staff-sw.js', { scope: '/' }).catch(() => {
      // no worker (private mode, blocked, plain HTTP): the page still works online
    });
  }, []);
}
