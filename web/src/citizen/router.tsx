import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A tiny history router: the citizens' pages are a handful of fixed paths. */
const listeners = new Set<() => void>();
// `/citizen.html` is how the Vite dev server reaches this entry: it is the home page.
const location = () => window.location.pathname.replace(/^\/citizen\.html$/, '/c') + window.location.search;

function subscribe(cb: () => void) {
  listeners.add(cb);
  window.addEventListener('popstate', cb);
  return () => {
    listeners.delete(cb);
    window.removeEventListener('popstate', cb);
  };
}

/**
 * The home page's address is /c/, not /c: the service worker's scope is /c/ (a scope '/c' would also
 * take the officials' /cases…), and a page it does not control cannot reload without a network.
 */
const canonical = (to: string) => to.replace(/^\/c(?=$|[?#])/, '/c/');
if (typeof window !== 'undefined' && window.location.pathname === '/c')
  window.history.replaceState(null, '', canonical('/c') + window.location.search + window.location.hash);

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  const to = canonical(path);
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

/** The current path and query, re-rendering on navigation. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, location, () => '/c');
  const [path = '/c', search = ''] = href.split('?');
  return { path: path.length > 1 ? path.replace(/\/+$/, '') : path, query: new URLSearchParams(search) };
}

/** Only our own pages are followed after a declaration (`?next=`): never another site. */
export function safeNext(next: string | null): string | null {
  return next && /^\/(c(\/[a-z-]+)?|v\/[A-Za-z0-9]{1,20})$/.test(next) ? next : null;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={canonical(to)} onClick={follow} {...rest} />;
}
