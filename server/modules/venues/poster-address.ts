import type { PosterAddressView } from '../../../core/schemas/venues.ts';

/** Where a venue QR would point, and what the installation allows. */
export interface PosterOrigin {
  /** The configured public address, else the scheme and host the browser used. */
  origin: string;
  /** Whether `PHONGDICH_PUBLIC_URL` is set. */
  configured: boolean;
  /** Demo mode prints posters for this machine: a loopback address is expected there. */
  demo: boolean;
}

/**
 * A host only this machine can reach: `localhost` (and `*.localhost`), 127.0.0.0/8, `::1`,
 * 0.0.0.0. A poster carrying one sends every visitor's phone nowhere.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '::1' ||
    host === '0:0:0:0:0:0:0:1' ||
    host === '0.0.0.0' ||
    host === '::' ||
    /^::ffff:127(\.\d{1,3}){3}$/.test(host)
  );
}

/** What the venues page and the administrator are told about the printed address. */
export function posterAddressOf(o: PosterOrigin): PosterAddressView {
  let loopback = false;
  try {
    loopback = isLoopbackHost(new URL(o.origin).hostname);
  } catch {
    loopback = false;
  }
  return { origin: o.origin, configured: o.configured, loopback, printable: !loopback || o.demo };
}
