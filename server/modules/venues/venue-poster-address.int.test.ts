import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../../core/errors.ts';
import { register } from './venue-fixtures.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

let t: TestPlatform;
let owner: TestClient;
let officer: TestClient;
let binhLuOfficer: TestClient;
let venue: { id: string; publicCode: string };
let tmp: string;
beforeAll(async () => {
  t = await createTestPlatform();
  owner = await t.signIn('organisation_admin', DOAN_KET);
  officer = await t.signIn('commune_officer', DOAN_KET);
  binhLuOfficer = await t.signIn('commune_officer', BINH_LU);
  // People end the address line with their commune: the poster must not print it twice.
  venue = await register(owner, { name: 'Quán cơm Bình Dân', addressLine: 'Đường Trần Phú, phường Đoàn Kết' });
  expect((await officer.post(`/api/venues/${venue.id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phongdich-poster-address-'));
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await t.close();
});

const PUBLIC_HOST = 'phongdich.laichau.gov.vn';
const get = (c: TestClient, url: string, host: string, lang = 'vi') =>
  c.request({ method: 'GET', url, headers: { host, 'accept-language': lang } });
const popplerTools = spawnSync('pdftotext', ['-h'], { stdio: 'ignore' }).error === undefined;

describe('the address venue QR codes carry', () => {
  it('is reported to the interface, loopback or not', async () => {
    expect((await get(owner, '/api/venues/poster-address', '127.0.0.1:3000')).json()).toEqual({
      origin: 'http://127.0.0.1:3000',
      configured: false,
      loopback: true,
      printable: false,
    });
    expect((await get(owner, '/api/venues/poster-address', 'localhost:3000')).json()).toMatchObject({
      loopback: true,
      printable: false,
    });
    expect((await get(officer, '/api/venues/poster-address', PUBLIC_HOST)).json()).toEqual({
      origin: `http://${PUBLIC_HOST}`,
      configured: false,
      loopback: false,
      printable: true,
    });
  });

  it('refuses a poster or a QR pointing at a loopback address outside demo mode, with its own code and sentence', async () => {
    for (const file of ['poster.pdf', 'qr.png']) {
      const vi = await get(owner, `/api/venues/${venue.id}/${file}`, '127.0.0.1:3000');
      expect(vi.statusCode).toBe(409);
      expect(vi.json().error).toMatchObject({
        code: 'POSTER_ADDRESS_LOOPBACK',
        message: errorMessages.POSTER_ADDRESS_LOOPBACK.vi,
      });
      const en = await get(owner, `/api/venues/${venue.id}/${file}`, 'localhost', 'en');
      expect(en.statusCode).toBe(409);
      expect(en.json().error.message).toBe(errorMessages.POSTER_ADDRESS_LOOPBACK.en);
      expect(en.json().error.message).toContain('PHONGDICH_PUBLIC_URL');
    }
    // A venue out of reach still answers "not found", whatever the address.
    expect((await get(binhLuOfficer, `/api/venues/${venue.id}/poster.pdf`, '127.0.0.1:3000')).statusCode).toBe(404);
  });

  it('prints the poster on a public address, with the commune and province once each', async (ctx) => {
    const res = await get(owner, `/api/venues/${venue.id}/poster.pdf`, PUBLIC_HOST);
    expect(res.statusCode).toBe(200);
    ctx.skip(!popplerTools, 'pdftotext (Debian poppler-utils) is not installed: poster text not checked');
    const file = path.join(tmp, 'poster.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Đường Trần Phú, Phường Đoàn Kết, Tỉnh Lai Châu');
    expect(text.match(/đoàn kết/gi)).toHaveLength(1);
  });

  it('shows the public check-in page the line as typed, for the page to format once', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/venues/${venue.publicCode}` });
    expect(res.json()).toMatchObject({
      addressLine: 'Đường Trần Phú, phường Đoàn Kết',
      communeName: 'Phường Đoàn Kết',
    });
  });
});

describe('demo mode', () => {
  let demo: TestPlatform;
  beforeAll(async () => {
    demo = await createTestPlatform({ demo: true, publicUrl: 'http://localhost:3000' });
  }, 120_000);
  afterAll(async () => demo.close());

  it('prints posters and QR codes for this machine, even with a configured loopback address', async () => {
    const o = await demo.signIn('organisation_admin', DOAN_KET);
    const v = await register(o);
    const approver = await demo.signIn('commune_officer', DOAN_KET);
    expect((await approver.post(`/api/venues/${v.id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await get(o, '/api/venues/poster-address', PUBLIC_HOST)).json()).toEqual({
      origin: 'http://localhost:3000',
      configured: true,
      loopback: true,
      printable: true,
    });
    expect((await get(o, `/api/venues/${v.id}/poster.pdf`, PUBLIC_HOST)).statusCode).toBe(200);
    expect((await get(o, `/api/venues/${v.id}/qr.png`, '127.0.0.1:3000')).statusCode).toBe(200);
  });
});
