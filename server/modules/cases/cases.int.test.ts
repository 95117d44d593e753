import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../core/schemas/cases.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { systemActor } from '../../shared/actor.ts';
import { declare, personRef } from '../../testing/factories.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

let t: TestPlatform;
let cdc: TestClient;
let commune: TestClient;
const db = () => t.platform.database.db;
const today = vietnamToday();

const newPerson = (name: string, communeCode = DOAN_KET, extra: { addressLine?: string } = {}): PersonRef =>
  personRef(name, { communeCode, birthYear: 1975, ...extra });
const newCase = (c: TestClient, subject: unknown, extra: Record<string, unknown> = {}) =>
  c.post('/api/cases', {
    clientKey: randomUUID(),
    subject,
    sampleDate: today,
    confirmedDate: today,
    classification: 'community',
    ...extra,
  });

beforeAll(async () => {
  t = await createTestPlatform();
  cdc = await t.signIn('health_department', LAI_CHAU);
  commune = await t.signIn('commune_officer', DOAN_KET);
});
afterAll(async () => t.close());

describe('cases list, export and clusters', () => {
  let clusterId: string;

  it('opens a cluster once per code and counts its cases', async () => {
    const res = await cdc.post('/api/clusters', { code: 'CHO-DK', name: 'Chợ Đoàn Kết', localityCode: DOAN_KET });
    expect(res.statusCode).toBe(201);
    clusterId = res.json().id;
    expect(
      (await cdc.post('/api/clusters', { code: 'CHO-DK', name: 'Trùng', localityCode: DOAN_KET })).statusCode,
    ).toBe(409);
    for (const name of ['Nguyễn Văn Đức', 'Trần Văn Bình'])
      expect((await newCase(commune, newPerson(name), { clusterId })).statusCode).toBe(201);
    expect((await newCase(cdc, newPerson('Lò Văn Sáng', BINH_LU))).statusCode).toBe(201);
    const cluster = (await cdc.get(`/api/clusters/${clusterId}`)).json();
    expect(cluster).toMatchObject({ caseCount: 2, firstConfirmed: today, lastConfirmed: today, status: 'active' });
  });

  it('pages the list with a cursor, filters by place, cluster and a name typed without diacritics', async () => {
    const first = (await cdc.get('/api/cases?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await cdc.get(`/api/cases?limit=2&after=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((c: { id: string }) => c.id)).size).toBe(3);
    expect(
      (await cdc.get(`/api/cases?locality=${BINH_LU}`)).json().items.map((c: { fullName: string }) => c.fullName),
    ).toEqual(['Lò Văn Sáng']);
    expect((await cdc.get(`/api/cases?clusterId=${clusterId}`)).json().items).toHaveLength(2);
    expect(
      (await cdc.get('/api/cases?q=nguyen%20van%20duc')).json().items.map((c: { fullName: string }) => c.fullName),
    ).toEqual(['Nguyễn Văn Đức']);
    // The commune officer sees their commune only.
    expect((await commune.get('/api/cases')).json().items).toHaveLength(2);
  });

  it('exports the list to an Excel file with Vietnamese headers and labels', async () => {
    const res = await cdc.get('/api/cases/export.xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã ca bệnh');
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(9).value).toBe('Cộng đồng');
    const logged = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('actor_id', '=', cdc.user.id)
      .where('entity_type', '=', 'case')
      .execute();
    expect(logged.map((l) => l.action)).toEqual(expect.arrayContaining(['read_list', 'export']));
  });

  it('exports the same list as CSV, UTF-8 with a byte-order mark, same columns and rows as the workbook', async () => {
    const res = await cdc.get('/api/cases/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toContain('ca-benh.csv');
    const lines = res.rawPayload.toString('utf8').split('\r\n');
    expect(lines[0]!.startsWith('\uFEFFMã ca bệnh,Họ tên,')).toBe(true);
    expect(lines).toHaveLength(4 + 1);
    expect(lines[1]!.split(',')[8]).toBe('Cộng đồng');
  });

  it('refuses a second case for the same person and an unknown source case, saving nothing', async () => {
    const subject = newPerson('Phạm Văn Hải');
    const first = await newCase(cdc, subject);
    expect(first.statusCode).toBe(201);
    const again = await newCase(cdc, subject);
    expect(again.statusCode).toBe(409);
    const bad = await newCase(cdc, newPerson('Đỗ Văn Lâm'), { sourceCaseIds: [randomUUID()] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toMatchObject([{ path: 'sourceCaseIds.0' }]);
    expect(await db().selectFrom('people').select('id').where('full_name', '=', 'Đỗ Văn Lâm').execute()).toEqual([]);
  });

  it('does not tell whose an ID number is: another name or birth year on a registered number is refused', async () => {
    const subject = personRef('Hoàng Thị Nguyệt', { communeCode: DOAN_KET, birthYear: 1990, gender: 'female' });
    expect((await newCase(commune, subject)).statusCode).toBe(201);
    const elsewhere = await t.signIn('commune_officer', BINH_LU);
    if (!('person' in subject)) throw new Error('a typed person');
    const probe = { person: { ...subject.person, fullName: 'Nguyễn Văn Thử', communeCode: BINH_LU } };
    const refused = await elsewhere.request({
      method: 'POST',
      url: '/api/cases',
      payload: {
        clientKey: randomUUID(),
        subject: probe,
        sampleDate: today,
        confirmedDate: today,
        classification: 'community',
      },
      headers: { 'accept-language': 'en' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      {
        path: 'subject.person.idNumber',
        message: expect.stringContaining('registered to someone with another name or birth year'),
      },
    ]);
    expect(refused.body).not.toContain('Nguyệt');
    const wrongYear = await newCase(elsewhere, {
      person: { ...subject.person, birthYear: 1991, communeCode: BINH_LU },
    });
    expect(wrongYear.json().error.details[0].path).toBe('subject.person.idNumber');
    expect(await db().selectFrom('people').select('id').where('full_name', '=', 'Nguyễn Văn Thử').execute()).toEqual(
      [],
    );
    // The same name typed without diacritics is the same person, who already has a case.
    const same = await newCase(cdc, { person: { ...subject.person, fullName: 'hoang thi nguyet' } });
    expect(same.statusCode).toBe(409);
  });
});

describe('a case recovers', () => {
  it('turns the personal QR from red to no longer red', async () => {
    const { body, result } = await declare(t);
    const holder = await t.platform.services.people.holderOf(result.qrToken);
    const created = await newCase(cdc, { personId: holder!.personId });
    expect(created.statusCode).toBe(201);
    expect((await t.platform.services.people.holderOf(result.qrToken))!.status.colour).toBe('red');
    const recovered = await cdc.patch(`/api/cases/${created.json().id}`, { status: 'recovered', outcomeDate: today });
    expect(recovered.statusCode).toBe(200);
    expect((await t.platform.services.people.holderOf(result.qrToken))!.status.colour).toBe('green');
    expect(body.person.fullName).toBe(created.json().fullName);
  });
});

describe('people registry', () => {
  it('finds a duplicate typed without diacritics and merges it, moving the check-ins and keeping history', async () => {
    const a = await t.platform.services.peopleRegistry.resolve(
      db(),
      systemActor('test'),
      newPerson('Hoàng Văn Tú', DOAN_KET, { addressLine: 'Tổ 7' }),
      'p',
    );
    const b = await t.platform.services.peopleRegistry.resolve(
      db(),
      systemActor('test'),
      newPerson('hoang van tu', DOAN_KET),
      'p',
    );
    const dup = (await cdc.get(`/api/people/${a.id}/duplicates`)).json();
    expect(dup).toMatchObject([
      { personId: b.id, reasons: ['name_birth_commune'], idNumberMasked: expect.stringMatching(/^\*{8}\d{4}$/) },
    ]);
    const merged = await cdc.post('/api/people/merge', { keepId: a.id, mergeId: b.id });
    expect(merged.statusCode).toBe(200);
    const gone = await db()
      .selectFrom('people')
      .select(['merged_into'])
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(gone.merged_into).toBe(a.id);
    expect((await cdc.get(`/api/people/${a.id}/duplicates`)).json()).toEqual([]);
    expect(await db().selectFrom('person_merges').select('kept_id').where('merged_id', '=', b.id).execute()).toEqual([
      { kept_id: a.id },
    ]);
    expect((await cdc.post('/api/people/merge', { keepId: a.id, mergeId: a.id })).statusCode).toBe(400);
  });
});

describe('disease profiles', () => {
  it('are edited by a system administrator only, each save a new version with an audit trail', async () => {
    const admin = await t.signIn('system_admin', LAI_CHAU);
    const current = (await admin.get('/api/disease-profiles/covid19_2021_dec')).json();
    const edited = { ...current, contact: { ...current.contact, assumedStayMinutes: 90 } };
    const put = (c: TestClient, body: unknown) =>
      c.request({ method: 'PUT', url: '/api/disease-profiles/covid19_2021_dec', payload: body as object });
    expect((await put(cdc, edited)).statusCode).toBe(403);
    const saved = await put(admin, edited);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: current.version + 1, contact: { assumedStayMinutes: 90 } });
    const bad = await put(admin, { ...edited, testScheduleDays: [7, 1] });
    expect(bad.statusCode).toBe(400);
    const list = (await cdc.get('/api/disease-profiles')).json();
    expect(list.map((p: { code: string }) => p.code)).toEqual(['covid19_2020', 'covid19_2021_dec', 'covid19_2021_mid']);
    const trail = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'disease_profile')
      .execute();
    expect(trail).toEqual([{ action: 'update' }]);
  });
});
