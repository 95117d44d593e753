import { createECDH, hkdfSync } from 'node:crypto';
import * as webPushModule from 'web-push';

// A CommonJS package whose functions Node's ESM loader does not list as named exports: they are on
// the default export (its `module.exports`); its types describe them as the namespace's.
const webpush = (webPushModule as unknown as { default: typeof webPushModule }).default;

/** A browser's push subscription, as `PushSubscription.toJSON()` gives it. */
export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface VapidKeys {
  subject: string;
  publicKey: string;
  privateKey: string;
}

const b64url = (b: Buffer) => b.toString('base64url');

/**
 * The VAPID key pair (P-256). Configured, or derived (HKDF) from the instance secret so that it
 * survives restarts without another secret to keep: a new pair would orphan every subscription.
 */
export function vapidKeys(o: { subject: string; privateKey?: string; secret: string }): VapidKeys {
  const ecdh = createECDH('prime256v1');
  const d = o.privateKey
    ? Buffer.from(o.privateKey, 'base64url')
    : Buffer.from(hkdfSync('sha256', o.secret, 'phongdich', 'vapid-p256-v1', 32));
  ecdh.setPrivateKey(d);
  return { subject: o.subject, publicKey: b64url(ecdh.getPublicKey()), privateKey: b64url(d) };
}

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether the server may POST to this endpoint: https to a listed push service (a leading dot in
 * the list allows its subdomains), or http to a listed loopback host (a local push stub). Anything
 * else is refused, so a subscription never makes the server call an address of someone's choosing.
 */
export function pushEndpointAllowed(endpoint: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  const listed = hosts.some((h) => (h.startsWith('.') ? host.endsWith(h) : host === h));
  if (!listed || url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopback.has(host));
}

export type PushOutcome = 'sent' | 'gone';

/** Sends one encrypted message (RFC 8291, aes128gcm) to one subscription. */
export interface PushSender {
  readonly publicKey: string;
  send(target: PushTarget, payload: string, o: { ttlSeconds: number; topic?: string }): Promise<PushOutcome>;
}

/**
 * The web push channel, with the `web-push` package. A subscription the push service says is gone
 * (404/410) answers `gone` so its owner's row is removed; any other failure throws, to be retried
 * like an SMS.
 */
export function webPushSender(keys: VapidKeys, hosts: readonly string[]): PushSender {
  return {
    publicKey: keys.publicKey,
    async send(target, payload, o) {
      if (!pushEndpointAllowed(target.endpoint, hosts)) throw new Error('push endpoint not allowed');
      // The package encrypts (RFC 8291) and signs (VAPID); the request itself goes through fetch,
      // which also reaches a local http stub, and gives a clear timeout.
      const request = webpush.generateRequestDetails(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        payload,
        {
          vapidDetails: keys,
          TTL: o.ttlSeconds,
          urgency: 'high',
          contentEncoding: 'aes128gcm',
          ...(o.topic ? { topic: o.topic } : {}),
        },
      );
      const res = await fetch(request.endpoint, {
        method: 'POST',
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
        body: request.body ? new Uint8Array(request.body) : null,
        redirect: 'error',
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      if (res.status === 404 || res.status === 410) return 'gone';
      if (!res.ok) throw new Error(`push service answered ${res.status}`);
      return 'sent';
    },
  };
}
