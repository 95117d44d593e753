import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPlatform,
  DIEN_BIEN,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

let t: TestPlatform;
let admin: TestClient;
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => fs.existsSync(p));
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

const breach = (over: Record<string, unknown> = {}) => ({
  clientKey: randomUUID(),
  detectedAt: hoursAgo(5),
  occurredAt: hoursAgo(30),
  nature: 'Một tài khoản cán bộ bị lộ mật khẩu đã xuất danh sách người tiếp xúc gần của xã Đoàn Kết.',
  dataCategories: ['identity', 'contact', 'contact_tracing'],
  peopleAffected: 1200,
  recordsAffected: 1450,
  consequences: 'Người tiếp xúc có thể bị làm phiền, kỳ thị; số điện thoại có thể bị dùng để lừa đảo.',
  measuresTaken: 'Khoá tài khoản, kết thúc mọi phiên đăng nhập, đổi mật khẩu.',
  measuresProposed: 'Bật xác thực hai lớp cho mọi cán bộ; rà soát nhật ký truy cập.',
  contactName: 'Lò Văn Quản',
  contactTitle: 'Phó Giám đốc Sở Y tế',
  contactPhone: '0213 3876 543',
  contactEmail: 'quan@syt.laichau.gov.vn',
  ...over,
});

/** The notification as a reader sees it (empty when poppler's pdftotext is missing). */
async function notificationText(id: string): Promise<string> {
  const pdf = await admin.get(`/api/breaches/${id}/notification.pdf`);
  expect(pdf.statusCode).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  if (!pdftotext) return '';
  const file = path.join(os.tmpdir(), `breach-${id}.pdf`);
  fs.writeFileSync(file, pdf.rawPayload);
  try {
    return execFileSync(pdftotext, ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(file);
  }
}

beforeAll(async () => {
  t = await createTestPlatform();
  admin = await t.signIn('system_admin', LAI_CHAU);
});
afterAll(async () => t.close());

describe('the personal-data breach register', () => {
  it('records a breach once per client key, with its 72-hour deadline, and audits it', async () => {
    const body = breach();
    const [first, again] = [await admin.post('/api/breaches', body), await admin.post('/api/breaches', body)];
    expect(first.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const view = first.json();
    expect(view).toMatchObject({
      number: expect.stringMatching(/^\d+\/TB-SYT$/),
      localityCode: LAI_CHAU,
      status: 'open',
      sensitive: true,
      deadlineMet: null,
      deadline: new Date(Date.parse(body.detectedAt) + 72 * 3_600_000).toISOString(),
    });
    const events = await t.platform.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'data_breach')
      .where('entity_id', '=', view.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create']);
  });

  it('refuses bad input in the caller language, and what happened after it was detected', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/breaches',
      payload: breach({ dataCategories: ['gossip'], nature: 'x' }),
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['dataCategories.0', 'nature']);
    const later = await admin.post('/api/breaches', breach({ occurredAt: hoursAgo(1), detectedAt: hoursAgo(2) }));
    expect(later.statusCode).toBe(400);
    expect(later.json().error.details).toEqual([
      { path: 'occurredAt', message: 'Thời điểm xảy ra phải trước khi phát hiện' },
    ]);
  });

  it('tells whether the 72 hours were met: late, in time, or overdue while open', async () => {
    const late = (
      await admin.post('/api/breaches', breach({ detectedAt: hoursAgo(100), occurredAt: undefined }))
    ).json();
    expect(late.deadlineMet).toBe(false);
    const notified = await admin.patch(`/api/breaches/${late.id}`, {
      status: 'notified',
      lateReason: 'Chờ xác minh phạm vi dữ liệu bị lộ.',
    });
    expect(notified.json()).toMatchObject({ status: 'notified', deadlineMet: false });

    const inTime = (await admin.post('/api/breaches', breach())).json();
    const closedTooSoon = await admin.patch(`/api/breaches/${inTime.id}`, { status: 'closed' });
    expect(closedTooSoon.statusCode).toBe(409);
    const sent = await admin.patch(`/api/breaches/${inTime.id}`, { status: 'notified', notifiedAt: hoursAgo(1) });
    expect(sent.json()).toMatchObject({ status: 'notified', deadlineMet: true });
    expect((await admin.patch(`/api/breaches/${inTime.id}`, { status: 'open' })).statusCode).toBe(409);
    expect((await admin.patch(`/api/breaches/${inTime.id}`, { status: 'closed' })).json()).toMatchObject({
      status: 'closed',
      deadlineMet: true,
    });
  });

  it('prints the notification in the Decree 30 layout, in Vietnamese with its diacritics, late ones with their reason', async () => {
    const b = (await admin.post('/api/breaches', breach({ signerName: 'Nguyễn Thị Hằng' }))).json();
    const text = await notificationText(b.id);
    for (const phrase of [
      'UBND TỈNH LAI CHÂU',
      'SỞ Y TẾ',
      `Số: ${b.number}`,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Lai Châu, ngày',
      'THÔNG BÁO',
      'Vi phạm quy định về bảo vệ dữ liệu cá nhân',
      'Kính gửi: Cục An ninh mạng',
      'Luật Bảo vệ dữ liệu cá nhân số 91/2025',
      'Thông tin truy vết, phân loại F0, F1, cách ly (dữ liệu cá nhân nhạy cảm)',
      'khoảng 1.200 người',
      'Lò Văn Quản',
      'Thông báo trong thời hạn.',
      'Nơi nhận:',
      'Lưu: VT.',
      'GIÁM ĐỐC',
      'Nguyễn Thị Hằng',
    ]) {
      expect(text).toContain(phrase);
    }
    const printed = await t.platform.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', b.id)
      .orderBy('id')
      .execute();
    expect(printed.map((e) => e.action)).toEqual(['create', 'print_notification']);

    const late = (
      await admin.post(
        '/api/breaches',
        breach({ detectedAt: hoursAgo(80), occurredAt: undefined, lateReason: 'Chờ xác minh phạm vi dữ liệu bị lộ.' }),
      )
    ).json();
    expect(await notificationText(late.id)).toMatch(
      /Thông báo sau thời hạn 72 giờ\. Lý do: Chờ xác minh phạm vi dữ liệu bị lộ\./,
    );
  });

  it('pages with a cursor, exports to Excel, and is closed to everyone but administrators of the area', async () => {
    const first = (await admin.get('/api/breaches?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const next = (await admin.get(`/api/breaches?limit=2&after=${first.nextCursor}`)).json();
    expect(next.items.map((b: { id: string }) => b.id)).not.toContain(first.items[0].id);
    expect((await admin.get('/api/breaches?status=closed')).json().items).toHaveLength(1);

    const sheet = await admin.get('/api/breaches/export.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(1).getCell(10).text).toBe('Hạn thông báo (72 giờ)');
    expect(book.worksheets[0]!.rowCount).toBe(1 + 5);

    const some = first.items[0].id;
    for (const role of ['steering_committee', 'health_department', 'inspector'] as const) {
      const c = await t.signIn(role, LAI_CHAU);
      expect((await c.get('/api/breaches')).statusCode).toBe(403);
      expect((await c.get(`/api/breaches/${some}`)).statusCode).toBe(403);
    }
    const otherProvince = await t.signIn('system_admin', DIEN_BIEN);
    expect((await otherProvince.get(`/api/breaches/${some}`)).statusCode).toBe(404);
    expect((await otherProvince.get('/api/breaches')).json().items).toEqual([]);
  });
});
