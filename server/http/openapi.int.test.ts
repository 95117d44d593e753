import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mediaTypes } from '../../core/contracts/contract.ts';
import {
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../testing/test-platform.ts';

/** The parts of the OpenAPI 3 description this test reads. */
interface Operation {
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}
interface Description {
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

let t: TestPlatform;
let admin: TestClient;
let cdc: TestClient;
let doc: Description;
beforeAll(async () => {
  t = await createTestPlatform();
  admin = await t.signIn('system_admin', LAI_CHAU);
  cdc = await t.signIn('health_department', LAI_CHAU);
  doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as Description;
});
afterAll(async () => t.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );

/** The documented schema of an answer, from the description alone (its `$ref` resolved), as zod. */
function documentedSchema(path: string, method: string, status: number) {
  const op = doc.paths[path]?.[method.toLowerCase()];
  expect(op, `${method} ${path} is described`).toBeDefined();
  const response = op!.responses[String(status)];
  expect(response, `${method} ${path} documents ${status}`).toBeDefined();
  const schema = response!.content?.['application/json']?.schema;
  expect(schema?.$ref).toMatch(/^#\/components\/schemas\/Error\d{3}$/);
  const component = doc.components.schemas[schema!.$ref!.split('/').pop()!];
  return z.fromJSONSchema(component as Parameters<typeof z.fromJSONSchema>[0]);
}

/** A real answer: its status is documented for its operation and its body is what the description says. */
function expectDocumented(res: LightMyRequestResponse, path: string, method: string, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body: unknown = res.json();
  expect(documentedSchema(path, method, status).safeParse(body).success, res.body).toBe(true);
  expect((body as { error: { code: string } }).error.code).toBe(code);
}

describe('the OpenAPI description', () => {
  it('documents the error answers of every operation, each as the closed error envelope', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(150);
    for (const { path, method, op } of all) {
      const statuses = Object.keys(op.responses);
      for (const status of ['400', '500', '503']) expect(statuses, `${method} ${path}`).toContain(status);
      expect(
        statuses.some((s) => s.startsWith('2')),
        `${method} ${path} documents its success`,
      ).toBe(true);
      const isPublic = op.security !== undefined;
      if (!isPublic) for (const status of ['401', '403']) expect(statuses, `${method} ${path}`).toContain(status);
      if (path.includes('{')) expect(statuses, `${method} ${path}`).toContain('404');
      for (const status of statuses.filter((s) => Number(s) >= 400))
        expect(op.responses[status]!.content!['application/json']!.schema.$ref).toBe(
          `#/components/schemas/Error${status}`,
        );
    }
    const codes = (status: number) =>
      (
        doc.components.schemas[`Error${status}`] as {
          properties: { error: { properties: { code: { enum: string[] } } } };
        }
      ).properties.error.properties.code.enum;
    expect(codes(400)).toEqual(['VALIDATION_FAILED']);
    expect(codes(403)).toEqual(expect.arrayContaining(['FORBIDDEN', 'CSRF_INVALID', 'REAUTH_REQUIRED']));
    expect(codes(422)).toEqual(['IMPORT_INVALID']);
    // The check below is a real one: a code of another status does not pass for a 400.
    const notFound = { error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } };
    expect(documentedSchema('/api/users', 'GET', 400).safeParse(notFound).success).toBe(false);
    expect(documentedSchema('/api/clusters/{id}', 'GET', 404).safeParse(notFound).success).toBe(true);
  });

  it('marks the public routes public, and the citizens’ own ones as needing their session', () => {
    expect(doc.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/health']!.get!.security).toEqual([]);
    for (const { path, method, op } of operations().filter((o) => o.path.startsWith('/api/public/')))
      expect(op.security, `${method} ${path}`).toBeDefined();
    expect(doc.paths['/api/public/risk-map']!.get!.security).toEqual([]);
    expect(doc.paths['/api/public/me/checkins']!.post!.security).toEqual([{ citizenSession: [] }]);
    expect(doc.paths['/api/public/me/checkins']!.post!.responses['401']).toBeDefined();
    expect(doc.paths['/api/auth/login']!.post!.security).toEqual([]);
    expect(doc.paths['/api/cases']!.get!.security).toBeUndefined();
  });

  it('describes the imports’ bodies as the file itself, and file answers as files', () => {
    for (const path of [
      '/api/cases/import',
      '/api/localities/population/import',
      '/api/risk/vaccination/import',
      '/api/organisations/import',
      '/api/testing/{kind}/import',
    ]) {
      const content = doc.paths[path]!.post!.requestBody?.content ?? {};
      expect(Object.keys(content), path).toEqual(expect.arrayContaining([mediaTypes.xlsx, mediaTypes.csv]));
      expect(content[mediaTypes.xlsx]!.schema).toEqual({ type: 'string', format: 'binary' });
      expect(doc.paths[path]!.post!.responses['422'], path).toBeDefined();
    }
    const exported = doc.paths['/api/cases/export.xlsx']!.get!.responses['200']!.content!;
    expect(Object.keys(exported)).toEqual([mediaTypes.xlsx]);
    expect(Object.keys(doc.paths['/api/venues/{id}/poster.pdf']!.get!.responses['200']!.content!)).toEqual([
      mediaTypes.pdf,
    ]);
  });
});

describe('real error answers match the description', () => {
  it('400: a bad parameter, and an unknown one named in the caller’s language', async () => {
    expectDocumented(await admin.get('/api/users?limit=100000'), '/api/users', 'GET', 400, 'VALIDATION_FAILED');
    const unknown = await admin.get('/api/users?limt=5');
    expectDocumented(unknown, '/api/users', 'GET', 400, 'VALIDATION_FAILED');
    expect(unknown.json().error.details).toEqual([{ path: 'limt', message: 'Tham số không được hỗ trợ: limt' }]);
    const en = await admin.request({
      method: 'GET',
      url: '/api/cases?localty=12',
      headers: { 'accept-language': 'en' },
    });
    expectDocumented(en, '/api/cases', 'GET', 400, 'VALIDATION_FAILED');
    expect(en.json().error.details).toEqual([{ path: 'localty', message: 'Unknown parameter: localty' }]);
    // A route without parameters refuses any.
    const health = await t.app.inject({ method: 'GET', url: '/api/health?verbose=1' });
    expectDocumented(health, '/api/health', 'GET', 400, 'VALIDATION_FAILED');
    expect(health.json().error.details[0].path).toBe('verbose');
  });

  it('still accepts every known parameter', async () => {
    const res = await admin.get(`/api/users?limit=5&locality=${LAI_CHAU}&role=system_admin&q=a`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('401 and 403: no session, a citizen without theirs, a write without its CSRF token', async () => {
    expectDocumented(
      await t.app.inject({ method: 'GET', url: '/api/cases' }),
      '/api/cases',
      'GET',
      401,
      'UNAUTHENTICATED',
    );
    const citizen = await t.app.inject({ method: 'POST', url: '/api/public/me/checkins', payload: {} });
    expectDocumented(citizen, '/api/public/me/checkins', 'POST', 401, 'UNAUTHENTICATED');
    const noCsrf = await cdc.request({
      method: 'POST',
      url: '/api/clusters',
      payload: { code: 'OD-CSRF', name: 'Ổ dịch', localityCode: DOAN_KET },
      csrf: false,
    });
    expectDocumented(noCsrf, '/api/clusters', 'POST', 403, 'CSRF_INVALID');
    expectDocumented(await cdc.get('/api/users'), '/api/users', 'GET', 403, 'FORBIDDEN');
  });

  it('404 and 409: a missing record, a duplicate', async () => {
    const missing = await cdc.get(`/api/clusters/${randomUUID()}`);
    expectDocumented(missing, '/api/clusters/{id}', 'GET', 404, 'NOT_FOUND');
    const cluster = { code: 'OD-TRUNG', name: 'Ổ dịch chợ', localityCode: DOAN_KET };
    expect((await cdc.post('/api/clusters', cluster)).statusCode).toBe(201);
    expectDocumented(await cdc.post('/api/clusters', cluster), '/api/clusters', 'POST', 409, 'CONFLICT');
  });

  it('413, 415 and 422: a body too large, of the wrong type, a file with bad rows', async () => {
    const huge = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: JSON.stringify({ fullName: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expectDocumented(huge, '/api/users', 'POST', 413, 'PAYLOAD_TOO_LARGE');
    const form = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: 'a=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectDocumented(form, '/api/users', 'POST', 415, 'UNSUPPORTED_MEDIA_TYPE');
    const badRows = await admin.request({
      method: 'POST',
      url: '/api/localities/population/import',
      payload: 'code,population\nabc,7\n',
      headers: { 'content-type': mediaTypes.csv },
    });
    expectDocumented(badRows, '/api/localities/population/import', 'POST', 422, 'IMPORT_INVALID');
  });

  it('429: repeated wrong passwords', async () => {
    const user = await t.createUser('inspector', LAI_CHAU);
    let res: LightMyRequestResponse | undefined;
    for (let attempt = 0; attempt < 8; attempt++) {
      res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: 'wrong-password-1' },
      });
      if (res.statusCode === 429) break;
      expectDocumented(res, '/api/auth/login', 'POST', 401, 'INVALID_CREDENTIALS');
    }
    expectDocumented(res!, '/api/auth/login', 'POST', 429, 'LOGIN_THROTTLED');
  });
});
