import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { median, percentile, round } from './stats.ts';

/** One phone: its inspector's session on the started server. */
export interface Phone {
  cookie: string;
  csrf: string;
}

/** Signs an inspector in over HTTP, as the phone did before it went offline. */
export async function signIn(origin: string, username: string, password: string): Promise<Phone> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login of ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('pd_session=') || c.startsWith('__Host-pd_session='));
  if (!cookie) throw new Error(`login of ${username}: no session cookie`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

export interface SyncShape {
  /** The targets whose visits were recorded offline, dealt to the phones in turn. */
  targetIds: readonly string[];
  /** Checklist item keys: the first fails, the others pass. */
  itemKeys: readonly string[];
  photo: Buffer;
  phones: readonly Phone[];
}

export type SyncFigures = {
  phones: number;
  visits: number;
  requests: number;
  failed: string[];
  p95PerVisitMs: number;
  medianPerVisitMs: number;
  maxPerVisitMs: number;
  wallMs: number;
  visitsPerSecond: number;
  p95VisitPostMs: number;
  p95PhotoPutMs: number;
};

/**
 * Every phone comes back online at the same instant and sends what it kept, in order, one request
 * at a time, as `web/src/offline/outbox.ts` does (a photo after its visit). A visit is the visit's
 * POST and its photo's PUT, then both again (the phone lost the answers: the resend must store
 * nothing new). Its time runs from the first byte of its POST to the end of the last answer,
 * measured on the phone's side over real HTTP to the started server, so it includes waiting behind
 * the other phones' requests for the server, the pool and the database.
 */
export async function syncFromPhones(origin: string, s: SyncShape): Promise<SyncFigures> {
  const perVisit: number[] = [];
  const visitPosts: number[] = [];
  const photoPuts: number[] = [];
  const failed: string[] = [];
  let requests = 0;
  const send = async (
    phone: Phone,
    method: 'POST' | 'PUT',
    path: string,
    body: string | Uint8Array<ArrayBuffer>,
    type: string,
  ) => {
    const t = performance.now();
    requests += 1;
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: { cookie: phone.cookie, 'x-csrf-token': phone.csrf, 'content-type': type, accept: 'application/json' },
      body,
    });
    const text = await res.text();
    if (res.status >= 300) failed.push(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return performance.now() - t;
  };
  const visitOf = (targetId: string) => ({
    clientKey: randomUUID(),
    targetId,
    startedAt: '2026-12-01T02:00:00.000Z',
    complete: false,
    findings: s.itemKeys.map((itemKey, n) => ({ itemKey, result: n === 0 ? 'fail' : 'pass' })),
  });
  const photo = new Uint8Array(s.photo);
  const queues = s.phones.map(() => [] as string[]);
  s.targetIds.forEach((id, n) => queues[n % s.phones.length]!.push(id));
  const t0 = performance.now();
  await Promise.all(
    s.phones.map(async (phone, p) => {
      for (const targetId of queues[p]!) {
        const visit = visitOf(targetId);
        const json = JSON.stringify(visit);
        const photoPath = `/api/inspections/visits/${visit.clientKey}/photos/${randomUUID()}?item=${s.itemKeys[0]!}`;
        const started = performance.now();
        for (let round = 0; round < 2; round++) {
          visitPosts.push(await send(phone, 'POST', '/api/inspections/visits', json, 'application/json'));
          photoPuts.push(await send(phone, 'PUT', photoPath, photo, 'image/jpeg'));
        }
        perVisit.push(performance.now() - started);
      }
    }),
  );
  const wallMs = performance.now() - t0;
  return {
    phones: s.phones.length,
    visits: perVisit.length,
    requests,
    failed: failed.slice(0, 5),
    p95PerVisitMs: round(percentile(perVisit, 95)),
    medianPerVisitMs: round(median(perVisit)),
    maxPerVisitMs: round(Math.max(...perVisit)),
    wallMs: round(wallMs, 0),
    visitsPerSecond: round((perVisit.length / wallMs) * 1000, 1),
    p95VisitPostMs: round(percentile(visitPosts, 95)),
    p95PhotoPutMs: round(percentile(photoPuts, 95)),
  };
}
