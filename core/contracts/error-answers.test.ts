import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoutes } from './contract.ts';
import { errorAnswers, errorStatusesOf } from './error-answers.ts';

const c = defineRoutes(['x'], {
  getHealth: { method: 'GET', path: '/health', summary: 'Liveness', answer: z.object({}) },
  getThing: { method: 'GET', path: '/things/:id', summary: 'One', params: z.object({ id: z.string() }) },
  postThing: { method: 'POST', path: '/things', summary: 'Create', body: z.object({ name: z.string() }) },
  postImport: { method: 'POST', path: '/things/import', summary: 'Import', upload: ['text/csv'] },
  postMine: { method: 'POST', path: '/public/me/things', summary: 'Mine', citizenSession: true },
  getPoster: {
    method: 'GET',
    path: '/things/:id/poster.pdf',
    summary: 'Poster',
    params: z.object({ id: z.string() }),
    errors: [409],
  },
});
const staff = { access: 'user', rateLimited: false } as const;
const open = { access: 'public', rateLimited: false } as const;

describe('error statuses derived from a route', () => {
  it('every route: 400, 500, 503; a staff route adds 401 and 403', () => {
    expect(errorStatusesOf(c.getHealth, open)).toEqual([400, 500, 503]);
    expect(errorStatusesOf(c.getHealth, staff)).toEqual([400, 401, 403, 500, 503]);
  });

  it('inputs name records (404), writes conflict (409), bodies have a size and a type, uploads rows', () => {
    expect(errorStatusesOf(c.getThing, staff)).toEqual([400, 401, 403, 404, 500, 503]);
    expect(errorStatusesOf(c.postThing, staff)).toEqual([400, 401, 403, 404, 409, 413, 415, 500, 503]);
    expect(errorStatusesOf(c.postImport, staff)).toEqual([400, 401, 403, 404, 409, 413, 415, 422, 500, 503]);
  });

  it('a citizen route needs its session; throttled routes answer 429; entries add their own', () => {
    expect(errorStatusesOf(c.postMine, { access: 'public', rateLimited: true })).toEqual([
      400, 401, 409, 429, 500, 503,
    ]);
    expect(errorStatusesOf(c.getPoster, staff)).toContain(409);
  });

  it('documents each status with the codes of that status only', () => {
    const body = (code: string) => ({ error: { code, message: 'x' } });
    expect(errorAnswers[403].safeParse(body('CSRF_INVALID')).success).toBe(true);
    expect(errorAnswers[403].safeParse(body('NOT_FOUND')).success).toBe(false);
    expect(
      errorAnswers[422].safeParse({
        error: { code: 'IMPORT_INVALID', message: 'x', details: [{ path: 'row:2', message: 'y' }] },
      }).success,
    ).toBe(true);
  });
});
