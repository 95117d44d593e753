import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isVenuePublicCode } from '../../../core/rules/venue-public-code.ts';
import { AuditTrailService } from '../audit/audit-trail.service.ts';
import { register, venueBody } from './venue-fixtures.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

let t: TestPlatform;
let admin: TestClient;
let owner: TestClient;
let otherOwner: TestClient;
let officer: TestClient;
let binhLuOfficer: TestClient;
let tmp: string;
beforeAll(async () => {
  t = await createTestPlatform();
  admin = await t.signIn('system_admin', LAI_CHAU);
  owner = await t.signIn('organisation_admin', DOAN_KET);
  otherOwner = await t.signIn('organisation_admin', DOAN_KET);
  officer = await t.signIn('commune_officer', DOAN_KET);
  binhLuOfficer = await t.signIn('commune_officer', BINH_LU);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phongdich-venues-'));
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await t.close();
});

const HOST = 'phongdich.laichau.gov.vn';
const db = () => t.platform.database.db;
const hasTool = (name: string) => spawnSync(name, ['-h'], { stdio: 'ignore' }).error === undefined;
const zbarimg = hasTool('zbarimg');
const popplerTools = hasTool('pdftoppm') && hasTool('pdftotext');

const decide = (c: TestClient, id: string, decision: string, note?: string) =>
  c.post(`/api/venues/${id}/decision`, note === undefined ? { decision } : { decision, note });

const auditOf = (id: string) =>
  db()
    .selectFrom('audit_events')
    .selectAll()
    .where('entity_type', '=', 'venue')
    .where('entity_id', '=', id)
    .orderBy('id')
    .execute();

const count = async (table: 'venues' | 'audit_events') =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const getFile = (c: TestClient, url: string) => c.request({ method: 'GET', url, headers: { host: HOST } });

describe('register → approve → poster', () => {
  let venue: { id: string; publicCode: string; name: string };

  it('registers a pending venue owned by the organisation, with a normalised phone, audited', async () => {
    venue = await register(owner, { name: 'Nhà hàng Phở Đặc Biệt Ông Hùng' });
    const view = (await owner.get(`/api/venues/${venue.id}`)).json();
    expect(view).toMatchObject({
      status: 'pending',
      ownerUserId: owner.user.id,
      contactPhone: '+84912345678',
      contactPhoneVerifiedAt: null,
      gatePolicy: 'require_declaration',
      communeCode: DOAN_KET,
      communeName: 'Phường Đoàn Kết',
      provinceName: 'Tỉnh Lai Châu',
      capacity: 80,
      allowedDecisions: ['approve', 'reject'],
    });
    expect(isVenuePublicCode(view.publicCode)).toBe(true);
    const [event, ...more] = await auditOf(venue.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      action: 'create',
      actor_id: owner.user.id,
      locality_code: DOAN_KET,
      locality_path: `VN/12/${DOAN_KET}`,
    });
    expect(event!.after).toMatchObject({
      name: 'Nhà hàng Phở Đặc Biệt Ông Hùng',
      status: 'pending',
      contactPhone: '+84912345678',
    });
  });

  it('has no poster, QR or public page before approval', async () => {
    const poster = await getFile(owner, `/api/venues/${venue.id}/poster.pdf`);
    expect(poster.statusCode).toBe(409);
    expect(poster.json().error.details[0].path).toBe('status');
    expect((await getFile(owner, `/api/venues/${venue.id}/qr.png`)).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/venues/${venue.publicCode}` })).statusCode).toBe(404);
  });

  it('is approved by the commune officer', async () => {
    const res = await decide(officer, venue.id, 'approve');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'approved',
      decidedByName: expect.stringContaining('Test'),
      decisionNote: null,
      allowedDecisions: ['suspend'],
    });
    expect(res.json().decidedAt).not.toBeNull();
  });

  it('prints an A4 PDF poster whose text keeps its Vietnamese diacritics and whose QR opens the venue', async (ctx) => {
    const res = await getFile(owner, `/api/venues/${venue.id}/poster.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="ap-phich-${venue.publicCode}.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    ctx.skip(
      !popplerTools,
      'pdftoppm/pdftotext (Debian poppler-utils) are not installed: poster rendering not checked',
    );
    const file = path.join(tmp, 'poster.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('QUÉT MÃ ĐỂ KHAI BÁO / CHECK-IN');
    expect(text).toContain('Scan to check in');
    expect(text).toContain('Nhà hàng Phở Đặc Biệt Ông Hùng');
    expect(text).toContain('Công ty TNHH Ẩm thực Tây Bắc');
    expect(text).toContain('12 đường Trần Hưng Đạo, Phường Đoàn Kết, Tỉnh Lai Châu');
    expect(text).toContain('5K: Khẩu trang – Khử khuẩn – Khoảng cách – Không tụ tập – Khai báo y tế');
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const rendered = spawnSync('pdftoppm', ['-png', '-r', '50', '-singlefile', file, path.join(tmp, 'poster')]);
    expect(rendered.status).toBe(0);
    expect(fs.statSync(path.join(tmp, 'poster.png')).size).toBeGreaterThan(1000);
    ctx.skip(!zbarimg, 'zbarimg (Debian zbar-tools) is not installed: the QR printed on the poster was not decoded');
    const decoded = spawnSync('zbarimg', ['--raw', '-q', path.join(tmp, 'poster.png')], {
      encoding: 'utf8',
    }).stdout.trim();
    expect(decoded).toMatch(new RegExp(`^http://${HOST}/v/${venue.publicCode}#k=[A-Za-z0-9_-]{22}$`));
  });

  it('serves the same URL as a PNG QR for screens', async (ctx) => {
    const res = await getFile(officer, `/api/venues/${venue.id}/qr.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(`inline; filename="ma-qr-${venue.publicCode}.png"`);
    // PNG signature, then the IHDR width (big-endian) at byte 16.
    expect(res.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(res.rawPayload.readUInt32BE(16)).toBeGreaterThanOrEqual(600);
    ctx.skip(!zbarimg, 'zbarimg (Debian zbar-tools) is not installed: QR decoding not checked');
    const file = path.join(tmp, 'qr.png');
    fs.writeFileSync(file, res.rawPayload);
    const decoded = spawnSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).stdout.trim();
    expect(decoded).toMatch(new RegExp(`^http://${HOST}/v/${venue.publicCode}#k=[A-Za-z0-9_-]{22}$`));
  });

  it('shows the public page to anyone, without owner or phone, and forgives how the code is typed', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/venues/${venue.publicCode}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      publicCode: venue.publicCode,
      name: 'Nhà hàng Phở Đặc Biệt Ông Hùng',
      organisationName: 'Công ty TNHH Ẩm thực Tây Bắc',
      type: 'restaurant',
      addressLine: '12 đường Trần Hưng Đạo',
      communeName: 'Phường Đoàn Kết',
      status: 'approved',
      gatePolicy: 'require_declaration',
    });
    expect(res.body).not.toContain('912345678');
    const typed = `${venue.publicCode.slice(0, 4).toLowerCase()}-${venue.publicCode.slice(4)}`;
    expect((await t.app.inject({ method: 'GET', url: `/api/public/venues/${typed}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/venues/ZZZZZZZZZZ' })).statusCode).toBe(404);
  });
});

describe('decisions', () => {
  it('allows only the valid transitions and audits each with before/after', async () => {
    const v = await register(owner);
    const suspendPending = await decide(officer, v.id, 'suspend', 'Chưa hoạt động');
    expect(suspendPending.statusCode).toBe(409);
    expect(suspendPending.json().error.details[0]).toEqual({
      path: 'decision',
      message: expect.stringContaining('chờ duyệt'),
    });
    expect((await decide(officer, v.id, 'approve')).json().status).toBe('approved');
    expect((await decide(officer, v.id, 'approve')).statusCode).toBe(409);
    expect((await decide(officer, v.id, 'suspend', 'Phát hiện ca F0 tại địa điểm')).json()).toMatchObject({
      status: 'suspended',
      decisionNote: 'Phát hiện ca F0 tại địa điểm',
    });
    // A suspended venue has no poster and no public page until it is reinstated.
    expect((await getFile(owner, `/api/venues/${v.id}/poster.pdf`)).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/venues/${v.publicCode}` })).statusCode).toBe(404);
    expect((await decide(officer, v.id, 'approve', 'Đã khử khuẩn')).json().status).toBe('approved');
    const events = await auditOf(v.id);
    expect(
      events.map((e) => [
        e.action,
        (e.before as { status?: string } | null)?.status ?? null,
        (e.after as { status: string }).status,
      ]),
    ).toEqual([
      ['create', null, 'pending'],
      ['approve', 'pending', 'approved'],
      ['suspend', 'approved', 'suspended'],
      ['approve', 'suspended', 'approved'],
    ]);
    expect(events.slice(1).every((e) => e.actor_id === officer.user.id && e.locality_code === DOAN_KET)).toBe(true);
  });

  it('needs a note to reject or suspend, and a rejection is final', async () => {
    const v = await register(owner);
    const noNote = await decide(officer, v.id, 'reject');
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details).toEqual([{ path: 'note', message: 'Cần ghi lý do khi từ chối hoặc tạm dừng' }]);
    const blank = await decide(officer, v.id, 'reject', '   ');
    expect(blank.statusCode).toBe(400);
    expect((await decide(officer, v.id, 'reject', 'Địa chỉ không có thật')).json().status).toBe('rejected');
    const again = await decide(officer, v.id, 'approve');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].message).toContain('đã kết thúc');
    expect((await decide(officer, v.id, 'maybe', 'x')).statusCode).toBe(400);
  });

  it('is made by officials, not by the organisation, and by province officials too', async () => {
    const v = await register(owner);
    expect((await decide(owner, v.id, 'approve')).statusCode).toBe(403);
    const province = await t.signIn('health_department', LAI_CHAU);
    expect((await decide(province, v.id, 'approve')).json().status).toBe('approved');
    const inspector = await t.signIn('inspector', LAI_CHAU);
    // An inspector reads no venue's contact or owner (check-in counts only): the venue is not found, not decided.
    expect((await inspector.get(`/api/venues/${v.id}`)).statusCode).toBe(404);
    expect((await decide(inspector, v.id, 'suspend', 'x')).statusCode).toBe(404);
  });
});

describe('jurisdiction and ownership', () => {
  it('hides a venue from another organisation of the same commune (404, not 403)', async () => {
    const v = await register(owner);
    for (const url of [`/api/venues/${v.id}`, `/api/venues/${v.id}/poster.pdf`, `/api/venues/${v.id}/qr.png`]) {
      expect((await otherOwner.get(url)).statusCode).toBe(404);
    }
    expect((await otherOwner.patch(`/api/venues/${v.id}`, { name: 'Đổi tên trộm' })).statusCode).toBe(404);
    const mine = await register(otherOwner, { name: 'Cửa hàng của người khác' });
    const listed = (await otherOwner.get('/api/venues?limit=500')).json().items.map((x: { id: string }) => x.id);
    expect(listed).toEqual([mine.id]);
    const ownList = (await owner.get('/api/venues?limit=500')).json().items;
    expect(ownList.every((x: { ownerUserId: string }) => x.ownerUserId === owner.user.id)).toBe(true);
    expect(ownList.map((x: { id: string }) => x.id)).toContain(v.id);
  });

  it('does not let a commune officer of Bình Lư see or decide a Đoàn Kết venue', async () => {
    const v = await register(owner);
    expect((await decide(binhLuOfficer, v.id, 'approve')).statusCode).toBe(404);
    expect((await binhLuOfficer.get(`/api/venues/${v.id}`)).statusCode).toBe(404);
    expect((await binhLuOfficer.get(`/api/venues?locality=${DOAN_KET}`)).statusCode).toBe(404);
    expect(
      (await binhLuOfficer.get('/api/venues?limit=500')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(v.id);
    expect((await owner.get(`/api/venues/${v.id}`)).json().status).toBe('pending');
  });

  it('shows officials every venue of their subtree, whoever owns it', async () => {
    const a = await register(owner);
    const b = await register(otherOwner);
    const ids = (await officer.get('/api/venues?limit=500')).json().items.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    const province = (await admin.get(`/api/venues?locality=${DOAN_KET}&limit=500`))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(province).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it('lets an organisation register only in its own scope and other roles not at all', async () => {
    const foreign = await owner.post('/api/venues', venueBody({ communeCode: BINH_LU }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('communeCode');
    expect((await officer.post('/api/venues', venueBody())).statusCode).toBe(403);
    const staff = await t.signIn('facility_staff', DOAN_KET);
    expect((await staff.get('/api/venues')).statusCode).toBe(403);
  });
});

describe('audit in the same transaction', () => {
  it('leaves no venue behind when the audit write fails, and no decision either', async () => {
    const v = await register(owner);
    const venuesBefore = await count('venues');
    const spy = vi.spyOn(AuditTrailService.prototype, 'record').mockRejectedValue(new Error('audit down'));
    try {
      expect((await owner.post('/api/venues', venueBody())).statusCode).toBe(500);
      expect((await decide(officer, v.id, 'approve')).statusCode).toBe(500);
      expect((await owner.patch(`/api/venues/${v.id}`, { name: 'Không được lưu' })).statusCode).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect(await count('venues')).toBe(venuesBefore);
    expect((await owner.get(`/api/venues/${v.id}`)).json()).toMatchObject({ status: 'pending', name: v.name });
  });
});
