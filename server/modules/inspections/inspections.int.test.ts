import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamMidnight, vietnamToday } from '../../../core/vietnam-calendar.ts';
import { systemActor } from '../../shared/actor.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';
import { registerOrganisation } from '../organisations/organisation-fixtures.ts';

/**
 * Inspections (issue 17): Đoàn Kết's commune plans a round with an inspector as leader; the
 * inspector records a visit (resends once, a stale edit conflicts), a photo, the representative's
 * signature; a violation of 12.1a by the organisation is fined inside the organisation's range only;
 * the organisation sees its inspection without the private note and reports on its action; the
 * neighbour commune and an inspector not on the team see nothing; the dashboard and the weekly
 * report count the visit once; the public page shows the organisation's final violation only.
 */
let t: TestPlatform;
let officer: TestClient;
let inspector: TestClient;
let stranger: TestClient;
let owner: TestClient;
let neighbour: TestClient;
let unitId: string;
let organisationId: string;
const sys = systemActor('test');
const today = vietnamToday();
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d494844520000000200000002080600000072b60d240000000e494441547801630082ff0cc800000e040100296b36b50000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
const visitKey = randomUUID();
let planId: string;
let orgTargetId: string;

beforeAll(async () => {
  t = await createTestPlatform();
  const s = t.platform.services;
  await s.units.ensureProvinceUnits(sys, LAI_CHAU);
  officer = await t.signIn('commune_officer', DOAN_KET);
  inspector = await t.signIn('inspector', DOAN_KET);
  stranger = await t.signIn('inspector', DOAN_KET);
  owner = await t.signIn('organisation_admin', DOAN_KET);
  neighbour = await t.signIn('commune_officer', BINH_LU);
  await s.units.addOfficer(sys, DOAN_KET, officer.user.id, '0912000003');
  unitId = (
    await db().selectFrom('reporting_units').select('id').where('code', '=', DOAN_KET).executeTakeFirstOrThrow()
  ).id;
  organisationId = (await registerOrganisation(owner, { name: 'Công ty May Tây Bắc' })).id;
});
afterAll(async () => t.close());

const db = () => t.platform.database.db;
const count = async (table: 'inspection_visits' | 'inspection_photos' | 'violation_records' | 'inspection_findings') =>
  (await db().selectFrom(table).select(db().fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
const startedAt = vietnamMidnight(addDays(today, -10)).toISOString();
const visitBody = (over: Record<string, unknown> = {}) => ({
  clientKey: visitKey,
  targetId: orgTargetId,
  startedAt,
  complete: false,
  findings: [
    { itemKey: 'masks', result: 'fail', note: 'Công nhân ca sáng không đeo khẩu trang' },
    { itemKey: 'handwash', result: 'pass' },
    { itemKey: 'qr', result: 'na' },
  ],
  summary: 'Cơ sở cơ bản thực hiện tốt, còn thiếu sót về khẩu trang',
  privateNote: 'Giám đốc có thái độ chưa hợp tác',
  latitude: 22.39,
  longitude: 103.45,
  ...over,
});

describe('inspections', () => {
  it('plans a round below the unit, refusing a target outside its area, audited', async () => {
    const plan = (over: Record<string, unknown> = {}) => ({
      clientKey: randomUUID(),
      unitId,
      title: 'Kiểm tra công tác phòng, chống dịch tháng 12',
      periodFrom: addDays(today, -12),
      periodTo: addDays(today, 20),
      leaderUserId: inspector.user.id,
      memberUserIds: [],
      targets: [
        { kind: 'organisation', organisationId, checklist: 'organisation', scheduledOn: addDays(today, -10) },
        {
          kind: 'village',
          name: 'Bản Phiêng Lúc',
          localityCode: DOAN_KET,
          checklist: 'commune_committee',
          scheduledOn: today,
        },
      ],
      ...over,
    });
    const outside = await officer.request({
      method: 'POST',
      url: '/api/inspections/plans',
      headers: { 'accept-language': 'en' },
      payload: plan({
        targets: [
          {
            kind: 'checkpoint',
            name: 'Chốt Bình Lư',
            localityCode: BINH_LU,
            checklist: 'border_checkpoint',
            scheduledOn: today,
          },
        ],
      }),
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].message).toMatch(/upper level inspects the lower/);
    expect((await inspector.post('/api/inspections/plans', plan())).statusCode).toBe(403);
    const res = await officer.post('/api/inspections/plans', plan());
    expect(res.statusCode).toBe(201);
    planId = res.json().id;
    orgTargetId = res.json().targetList[0].id;
    expect(res.json().targetList[0]).toMatchObject({ name: 'Công ty May Tây Bắc', localityCode: DOAN_KET });
    expect((await stranger.get(`/api/inspections/plans/${planId}`)).statusCode).toBe(404);
    expect((await neighbour.get(`/api/inspections/plans/${planId}`)).statusCode).toBe(404);
    const work = (await inspector.get('/api/inspections/field-work')).json();
    expect(work.items.map((i: { target: { name: string } }) => i.target.name)).toEqual([
      'Công ty May Tây Bắc',
      'Bản Phiêng Lúc',
    ]);
    expect((await stranger.get('/api/inspections/field-work')).json().items).toEqual([]);
  });

  it('records a visit once however often it is sent, and refuses a stale edit with 409 CONFLICT', async () => {
    const first = await inspector.post('/api/inspections/visits', visitBody());
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ version: 1, failures: 1, status: 'in_progress' });
    expect((await inspector.post('/api/inspections/visits', visitBody())).json().id).toBe(first.json().id);
    expect(await count('inspection_visits')).toBe('1');
    const unsigned = await inspector.post('/api/inspections/visits', visitBody({ baseVersion: 1, complete: true }));
    expect(unsigned.statusCode).toBe(400);
    expect(
      unsigned
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['representativeName', 'signaturePng']);
    const editKey = randomUUID();
    const signed = visitBody({
      baseVersion: 1,
      editKey,
      complete: true,
      representativeName: 'Nguyễn Văn Giám',
      signaturePng: `data:image/png;base64,${PNG.toString('base64')}`,
    });
    const done = await inspector.post('/api/inspections/visits', signed);
    expect(done.json()).toMatchObject({ version: 2, status: 'completed', signed: true });
    // The same edit resent (the answer was lost): answered, not a conflict.
    expect((await inspector.post('/api/inspections/visits', signed)).json().version).toBe(2);
    const stale = await inspector.post('/api/inspections/visits', visitBody({ baseVersion: 1, editKey: randomUUID() }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect(await count('inspection_findings')).toBe('3');
    expect((await stranger.post('/api/inspections/visits', visitBody({ clientKey: randomUUID() }))).statusCode).toBe(
      404,
    );
  });

  it('keeps photos once, refuses what is not an image, and serves them only to who may read the visit', async () => {
    const put = (c: TestClient, body: Buffer, type: string, key = randomUUID()) =>
      c.request({
        method: 'PUT',
        url: `/api/inspections/visits/${visitKey}/photos/${key}?item=masks`,
        payload: body,
        headers: { 'content-type': type },
      });
    const photoKey = randomUUID();
    const ok = await put(inspector, JPEG, 'image/jpeg', photoKey);
    expect(ok.statusCode).toBe(200);
    expect((await put(inspector, JPEG, 'image/jpeg', photoKey)).json().id).toBe(ok.json().id);
    expect(await count('inspection_photos')).toBe('1');
    const svg = await put(
      inspector,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'image/png',
    );
    expect(svg.statusCode).toBe(400);
    const big = await put(
      inspector,
      Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024 + 1 - JPEG.length)]),
      'image/jpeg',
    );
    expect(big.statusCode).toBe(400);
    expect((await put(inspector, JPEG, 'text/html')).statusCode).toBe(415);
    expect((await put(stranger, JPEG, 'image/jpeg')).statusCode).toBe(404);
    const url = ok.json().url;
    const got = await owner.get(url);
    expect([got.statusCode, got.headers['content-type']]).toEqual([200, 'image/jpeg']);
    expect((await neighbour.get(url)).statusCode).toBe(404);
    expect((await stranger.get(url)).statusCode).toBe(404);

    // Bytes whose record never committed are purged after a day (the young one stays); a photo's never.
    await sql`insert into inspection_photo_blobs (sha256, body, byte_size, created_at) values
      (${Buffer.alloc(32, 1)}, 'x', 1, now() - interval '2 days'), (${Buffer.alloc(32, 2)}, 'x', 1, now())`.execute(
      db(),
    );
    await sql`update inspection_photo_blobs set created_at = now() - interval '2 days' where byte_size > 1`.execute(
      db(),
    );
    expect(await t.platform.services.inspectionVisits.purgeOrphanPhotos()).toBe(1);
    const left = await sql<{ n: number }>`select byte_size as n from inspection_photo_blobs order by 1`.execute(db());
    expect(left.rows).toEqual([{ n: 1 }, { n: JPEG.length }]);
    expect((await owner.get(url)).statusCode).toBe(200);
  });

  it('fines an organisation inside twice the individual range, with the reason in the reader’s language', async () => {
    const violation = (over: Record<string, unknown> = {}) => ({
      clientKey: randomUUID(),
      visitKey,
      itemKey: 'masks',
      articleCode: '12.1a',
      subject: { kind: 'organisation', name: 'Công ty May Tây Bắc' },
      committedOn: addDays(today, -10),
      description: 'Không yêu cầu công nhân đeo khẩu trang tại xưởng may',
      fine: { decidedOn: addDays(today, -9), amountVnd: 7_000_000, paymentDueOn: addDays(today, 1), final: true },
      ...over,
    });
    const refused = await inspector.post('/api/inspections/violations', violation());
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toEqual({
      path: 'fine.amountVnd',
      message: 'Mức phạt phải trong khung 2.000.000 ₫ – 6.000.000 ₫ đối với tổ chức (Nghị định 117/2020/NĐ-CP)',
    });
    expect(await count('violation_records')).toBe('0');
    const body = violation({
      fine: { decidedOn: addDays(today, -9), amountVnd: 4_000_000, paymentDueOn: addDays(today, 1), final: true },
    });
    const ok = await inspector.post('/api/inspections/violations', body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      article: { code: '12.1a' },
      fine: { amountVnd: 4_000_000, paymentStatus: 'unpaid' },
      earlierViolations: 0,
    });
    expect((await inspector.post('/api/inspections/violations', body)).json().id).toBe(ok.json().id);
    const again = await inspector.post(
      '/api/inspections/violations',
      violation({
        committedOn: addDays(today, -2),
        fine: undefined,
        subject: { kind: 'organisation', name: 'Công ty May Tây Bắc', organisationId },
      }),
    );
    expect(again.json().earlierViolations).toBe(1);
    const person = await inspector.post(
      '/api/inspections/violations',
      violation({
        subject: { kind: 'individual', name: 'Lò Văn Bình', document: '012345678901' },
        fine: { decidedOn: addDays(today, -9), amountVnd: 2_000_000, paymentDueOn: addDays(today, 1), final: true },
      }),
    );
    expect(person.statusCode).toBe(201);
    const early = await inspector.post(
      '/api/inspections/violations',
      violation({ committedOn: '2020-11-01', fine: undefined }),
    );
    expect(early.json().error.details[0].path).toBe('articleCode');
    const paid = await officer.post(`/api/inspections/violations/${ok.json().id}/payment`, { paidOn: today });
    expect(paid.json().fine.paymentStatus).toBe('paid');
    expect(
      (await neighbour.post(`/api/inspections/violations/${ok.json().id}/payment`, { paidOn: today })).statusCode,
    ).toBe(404);
    // The public page: the organisation's final violation; the individual only after a recorded decision.
    const published = async () =>
      (await t.app.inject({ url: `/api/public/inspections/violations?province=${LAI_CHAU}` })).json().items;
    expect((await published()).map((r: { name: string }) => r.name)).toEqual(['Công ty May Tây Bắc']);
    await officer.post(`/api/inspections/violations/${person.json().id}/publication-decision`, {
      decision: 'Quyết định 12/QĐ-UBND ngày 01/12/2026',
      namesSubject: false,
    });
    expect((await published()).map((r: { name: string }) => r.name).sort()).toEqual([
      'Cá nhân (không công khai tên)',
      'Công ty May Tây Bắc',
    ]);
  });

  it('lets the organisation read its inspection without private notes and report on its action', async () => {
    const action = await inspector.post('/api/inspections/actions', {
      clientKey: randomUUID(),
      visitKey,
      itemKey: 'masks',
      description: 'Trang bị khẩu trang, nhắc nhở công nhân',
      responsiblePerson: 'Nguyễn Văn Giám',
      dueOn: addDays(today, -3),
    });
    expect(action.json()).toMatchObject({ status: 'open', overdue: true, followUpProposed: true });
    // Past its deadline: on today's work of the inspecting unit's officer and the team, nobody else's.
    const overdue = async (c: TestClient) =>
      (await c.get('/api/today')).json().groups.find((g: { kind: string }) => g.kind === 'overdue_actions');
    expect(await overdue(officer)).toMatchObject({ count: 1, overdue: 1, items: [{ overdue: true }] });
    expect((await overdue(inspector)).items[0].link).toMatch(/^\/inspections\/visits\//);
    for (const other of [stranger, neighbour]) expect((await overdue(other)).count).toBe(0);
    expect(
      (await owner.get('/api/today')).json().groups.some((g: { kind: string }) => g.kind === 'overdue_actions'),
    ).toBe(false);
    const seen = (await owner.get(`/api/inspections/visits/${visitKey}`)).json();
    expect(seen).toMatchObject({ privateNote: null, failures: 1 });
    expect((await inspector.get(`/api/inspections/visits/${visitKey}`)).json().privateNote).toBe(
      'Giám đốc có thái độ chưa hợp tác',
    );
    expect((await owner.post(`/api/inspections/actions/${action.json().id}/close`)).statusCode).toBe(403);
    const reported = await owner.post(`/api/inspections/actions/${action.json().id}/report`, {
      text: 'Đã phát 500 khẩu trang',
      evidence: 'Ảnh danh sách ký nhận',
    });
    expect(reported.json()).toMatchObject({ status: 'reported', report: { text: 'Đã phát 500 khẩu trang' } });
    const proposals = (await officer.get(`/api/inspections/proposals?unit=${unitId}`)).json().items;
    expect(proposals.some((p: { name: string }) => p.name === 'Công ty May Tây Bắc')).toBe(true);
  });

  it('counts the visit once on the commune dashboard and in the weekly report; prints the record', async () => {
    const dash = (await officer.get(`/api/inspections/dashboard?from=${addDays(today, -30)}&to=${today}`)).json();
    expect(dash).toMatchObject({
      planned: 2,
      done: 1,
      failuresByItem: [{ itemKey: 'masks', count: 1 }],
      finesDecidedVnd: 6_000_000,
      finesPaidVnd: 4_000_000,
    });
    expect((await inspector.get(`/api/inspections/dashboard?from=${today}&to=${today}`)).statusCode).toBe(403);
    const area = (
      await db().selectFrom('localities').select('path').where('code', '=', DOAN_KET).executeTakeFirstOrThrow()
    ).path;
    const figures = await t.platform.services.inspectionFigures.reportFigures(db(), {
      withinPath: area,
      from: addDays(today, -30),
      to: today,
      fromInstant: vietnamMidnight(addDays(today, -30)),
      untilInstant: vietnamMidnight(addDays(today, 1)),
    });
    expect(figures).toEqual({ inspections_done: 1, violations_found: 3, fines_decided_vnd: 6_000_000 });
    const pdf = await inspector.get(`/api/inspections/visits/${visitKey}/record.pdf`);
    expect([pdf.statusCode, pdf.headers['content-type'], pdf.rawPayload.subarray(0, 5).toString()]).toEqual([
      200,
      'application/pdf',
      '%PDF-',
    ]);
    // The record reads in Vietnamese with every diacritic (Tinos), the representative's signature drawn in.
    const file = path.join(os.tmpdir(), `bien-ban-${randomUUID()}.pdf`);
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    fs.rmSync(file, { force: true });
    for (const words of [
      'BIÊN BẢN KIỂM TRA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Công ty May Tây Bắc',
      'Không đạt',
      'Nguyễn Văn Giám',
    ])
      expect(text).toContain(words);
    const actions = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', 'in', ['inspection_plan', 'inspection_visit', 'violation_record', 'corrective_action'])
      .execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set([
        'plan_inspection',
        'record_visit',
        'edit_visit',
        'attach_photo',
        'record_violation',
        'record_payment',
        'decide_publication',
        'require_action',
        'report_action',
        'print_record',
      ]),
    );
  });

  it('answers the catalogue range for a subject and date (the CLI)', async () => {
    const v = t.platform.services.violations;
    expect(await v.range('12.1a', 'organisation', '2021-08-01')).toEqual({
      article: '12.1a',
      minVnd: 2_000_000,
      maxVnd: 6_000_000,
      inForce: true,
    });
    expect(await v.range('12.1a', 'individual', '2020-01-01')).toMatchObject({ inForce: false });
  });
});
