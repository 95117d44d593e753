import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { BINH_LU } from '../testing/test-platform.ts';
import type { TestPlatform } from '../testing/test-platform.ts';
import type { BorderRecords } from './border-fixture.ts';
import { refused, type RouteTable } from './jurisdiction-neighbour.ts';

/** Bình Lư's border records, filled by the border walk's set-up (jurisdiction-border.int.test.ts). */
export const borderNeighbour = {} as BorderRecords;
const day = () => new Date().toISOString().slice(0, 10);
const post = () => `/api/border/posts/${borderNeighbour.postId}`;

/** The routes of border and entry control: Bình Lư's posts, crossings, trails and tip-offs are not Đoàn Kết's. */
export const borderRoutes: RouteTable = {
  'GET /api/border/posts': { attempt: (c) => c.get(`/api/border/posts?locality=${BINH_LU}`), expect: refused },
  'GET /api/border/posts/export.xlsx': {
    attempt: (c) => c.get(`/api/border/posts/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/border/posts/export.csv': {
    attempt: (c) => c.get(`/api/border/posts/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/border/posts': {
    attempt: (c) =>
      c.post('/api/border/posts', {
        clientKey: randomUUID(),
        kind: 'trail_post_mobile',
        name: 'Grab post',
        communeCode: BINH_LU,
        markers: { from: '1', to: '2' },
      }),
    expect: refused,
  },
  'GET /api/border/posts/:id/shifts': {
    attempt: (c) => c.get(`${post()}/shifts?from=${day()}&to=${day()}`),
    expect: refused,
  },
  'POST /api/border/posts/:id/shifts': {
    attempt: (c) =>
      c.post(`${post()}/shifts`, {
        clientKey: randomUUID(),
        shiftDate: day(),
        shift: 'morning',
        peopleCount: 1,
        vehicleCount: 1,
        rapidTests: 0,
        positives: 0,
      }),
    expect: refused,
  },
  'POST /api/border/posts/:id/crossings': {
    attempt: (c) =>
      c.post(`${post()}/crossings`, {
        clientKey: randomUUID(),
        crossedAt: new Date().toISOString(),
        identity: { via: 'personal_qr', token: 'grab' },
        origin: 'CN',
        destinationCommuneCode: BINH_LU,
        testResult: 'none',
        decision: 'turned_back',
      }),
    expect: refused,
  },
  'GET /api/border/crossings': { attempt: (c) => c.get(`/api/border/crossings?locality=${BINH_LU}`), expect: refused },
  'GET /api/border/crossings/export.xlsx': {
    attempt: (c) => c.get(`/api/border/crossings/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/border/crossings/export.csv': {
    attempt: (c) => c.get(`/api/border/crossings/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/border/posts/:id/goods': {
    attempt: (c) =>
      c.post(`${post()}/goods`, {
        clientKey: randomUUID(),
        recordedAt: new Date().toISOString(),
        plate: '25C-00000',
        driverName: 'Grab',
        cargo: 'Grab',
        direction: 'entry',
      }),
    expect: refused,
  },
  'GET /api/border/goods': { attempt: (c) => c.get(`/api/border/goods?locality=${BINH_LU}`), expect: refused },
  'GET /api/border/goods/export.xlsx': {
    attempt: (c) => c.get(`/api/border/goods/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/border/goods/export.csv': {
    attempt: (c) => c.get(`/api/border/goods/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/border/interceptions': {
    attempt: (c) =>
      c.post('/api/border/interceptions', {
        clientKey: randomUUID(),
        interceptedAt: new Date().toISOString(),
        communeCode: BINH_LU,
        place: 'Grab',
        facilityId: randomUUID(),
        people: [
          {
            subject: { personId: randomUUID() },
            birthDate: '1990-01-01',
            residence: 'x',
            route: 'x',
            means: 'x',
            reason: 'x',
          },
        ],
      }),
    expect: refused,
  },
  'GET /api/border/interceptions': {
    attempt: (c) => c.get(`/api/border/interceptions?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/border/interceptions/export.xlsx': {
    attempt: (c) => c.get(`/api/border/interceptions/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/border/interceptions/export.csv': {
    attempt: (c) => c.get(`/api/border/interceptions/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/border/interceptions/counts': {
    attempt: (c) => c.get(`/api/border/interceptions/counts?locality=${BINH_LU}&month=${day().slice(0, 7)}`),
    expect: refused,
  },
  'GET /api/border/interceptions/:id': {
    attempt: (c) => c.get(`/api/border/interceptions/${borderNeighbour.interceptionId ?? randomUUID()}`),
    expect: refused,
  },
  'GET /api/border/trails': { attempt: (c) => c.get(`/api/border/trails?locality=${BINH_LU}`), expect: refused },
  'POST /api/border/trails': {
    attempt: (c) =>
      c.post('/api/border/trails', {
        clientKey: randomUUID(),
        name: 'Grab trail',
        risk: 'low',
        communeCode: BINH_LU,
        line: {
          type: 'LineString',
          coordinates: [
            [103.4, 22.4],
            [103.41, 22.41],
          ],
        },
      }),
    expect: refused,
  },
  'POST /api/border/trails/:id/patrols': {
    attempt: (c) =>
      c.post(`/api/border/trails/${borderNeighbour.trailId}/patrols`, {
        clientKey: randomUUID(),
        startedAt: new Date(Date.now() - 3600_000).toISOString(),
        endedAt: new Date().toISOString(),
      }),
    expect: refused,
  },
  'GET /api/border/bulletin': {
    attempt: (c) => c.get(`/api/border/bulletin?day=${day()}&locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/border/bulletin/export.xlsx': {
    attempt: (c) => c.get(`/api/border/bulletin/export.xlsx?day=${day()}&post=${borderNeighbour.postId}`),
    expect: refused,
  },
  'GET /api/border/bulletin/export.csv': {
    attempt: (c) => c.get(`/api/border/bulletin/export.csv?day=${day()}&locality=${BINH_LU}`),
    expect: refused,
  },
  // The province's facilities a person may be handed over to (quarantinePolicy.handOverTo): names and free places.
  'GET /api/border/facilities': 'overview',
  // Anyone may tip off, about any commune; the form names no one's record.
  'POST /api/public/border/tipoffs': 'public',
  'GET /api/border/tipoffs': { attempt: (c) => c.get(`/api/border/tipoffs?locality=${BINH_LU}`), expect: refused },
  'GET /api/border/tipoffs/export.xlsx': {
    attempt: (c) => c.get(`/api/border/tipoffs/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/border/tipoffs/export.csv': {
    attempt: (c) => c.get(`/api/border/tipoffs/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'PATCH /api/border/tipoffs/:id': {
    attempt: (c) =>
      c.patch(`/api/border/tipoffs/${borderNeighbour.tipoffId}`, { status: 'handled', outcome: 'grab', take: true }),
    expect: refused,
  },
  'GET /api/border/tipoffs/:id/assignees': {
    attempt: (c) => c.get(`/api/border/tipoffs/${borderNeighbour.tipoffId}/assignees`),
    expect: refused,
  },
};

/** Nothing of Bình Lư's border records changed: no shift or crossing added, the tip-off untaken. */
export async function expectNeighbourBorderUnchanged(t: TestPlatform): Promise<void> {
  const db = t.platform.database.db;
  const count = async (
    table: 'border_shifts' | 'border_crossings' | 'border_goods' | 'border_posts' | 'border_trails',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  expect(await count('border_shifts')).toBe(1);
  expect(await count('border_crossings')).toBe(1);
  expect(await count('border_goods')).toBe(0);
  expect(await count('border_posts')).toBe(1);
  expect(await count('border_trails')).toBe(1);
  const tip = await db
    .selectFrom('border_tipoffs')
    .select(['status', 'investigator_id'])
    .where('id', '=', borderNeighbour.tipoffId)
    .executeTakeFirstOrThrow();
  expect(tip).toEqual({ status: 'new', investigator_id: null });
  expect(await db.selectFrom('border_patrols').select('id').execute()).toEqual([]);
}
