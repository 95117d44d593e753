import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { systemActor } from '../../shared/actor.ts';
import { highRisk2194Answers, organisationBody, registerOrganisation } from './organisation-fixtures.ts';

/** Organisations: registration (idempotent, one per tax code), approval, lists, self-assessments. */
let t: TestPlatform;
let owner: TestClient;
let otherOwner: TestClient;
let officer: TestClient;
let neighbourOfficer: TestClient;
beforeAll(async () => {
  t = await createTestPlatform();
  owner = await t.signIn('organisation_admin', DOAN_KET);
  otherOwner = await t.signIn('organisation_admin', DOAN_KET);
  officer = await t.signIn('commune_officer', DOAN_KET);
  neighbourOfficer = await t.signIn('commune_officer', BINH_LU);
});
afterAll(async () => t.close());

const db = () => t.platform.database.db;
const auditOf = (id: string) =>
  db().selectFrom('audit_events').select(['action', 'entity_type']).where('entity_id', '=', id).orderBy('id').execute();

describe('registration', () => {
  it('registers a pending organisation with a normalised tax code and phone, audited', async () => {
    const o = await registerOrganisation(owner, { taxCode: '0100109106 001' });
    expect(o).toMatchObject({ status: 'pending', taxCode: '0100109106-001' });
    const view = (await owner.get(`/api/organisations/${o.id}`)).json();
    expect(view).toMatchObject({ contactPhone: '+84912345678', communeCode: DOAN_KET, latestAssessment: null });
    expect(await auditOf(o.id)).toEqual([{ action: 'create', entity_type: 'organisation' }]);
  });

  it('a resend of the same form registers once', async () => {
    const body = organisationBody();
    const first = await owner.post('/api/organisations', body);
    const again = await owner.post('/api/organisations', body);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json().id).toBe(first.json().id);
    const rows = await db().selectFrom('organisations').select('id').where('name', '=', body.name).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a tax code already registered, in the user’s language', async () => {
    await registerOrganisation(owner, { taxCode: '0300588569' });
    const twin = await otherOwner.post('/api/organisations', organisationBody({ taxCode: '0300588569' }));
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error.details).toEqual([
      { path: 'taxCode', message: 'Mã số thuế này đã được đăng ký cho một cơ quan, đơn vị khác' },
    ]);
  });

  it('refuses a tax code of the wrong shape or check digit', async () => {
    for (const taxCode of ['12345', '0100109107']) {
      const res = await owner.post('/api/organisations', organisationBody({ taxCode }));
      expect(res.statusCode, taxCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('taxCode');
    }
    const before = await db()
      .selectFrom('organisations')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirst();
    expect(before?.n).toBeGreaterThan(0);
  });

  it('a commune officer may not register, and no one registers outside their scope', async () => {
    expect((await officer.post('/api/organisations', organisationBody())).statusCode).toBe(403);
    const foreign = await owner.post('/api/organisations', organisationBody({ communeCode: BINH_LU }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('communeCode');
  });
});

describe('approval and self-assessment', () => {
  it('the commune approves; the contact submits a 2194 assessment scored "high" with what to do next', async () => {
    const o = await registerOrganisation(owner);
    const early = await owner.post(`/api/organisations/${o.id}/assessments`, {
      clientKey: randomUUID(),
      template: 'qd2194',
      answers: highRisk2194Answers(),
    });
    expect(early.statusCode).toBe(409);

    expect(
      (await neighbourOfficer.post(`/api/organisations/${o.id}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(404);
    const approved = await officer.post(`/api/organisations/${o.id}/decision`, { decision: 'approve' });
    expect(approved.json()).toMatchObject({ status: 'approved', allowedDecisions: ['suspend'] });

    const body = { clientKey: randomUUID(), template: 'qd2194', answers: highRisk2194Answers() };
    const res = await owner.post(`/api/organisations/${o.id}/assessments`, body);
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      templateCode: 'qd2194',
      templateVersion: 1,
      rule: '2194',
      points: 22,
      max: 36,
      sharePercent: 61,
      group: 'high',
      mayOperate: 'yes',
      communeInspects: true,
      blockedBy: [],
    });
    expect(a.drivers[0]).toBe('isolation');
    expect(a.todo).toContain('kế hoạch khắc phục');
    expect(a.correctivePlanDueOn).not.toBeNull();

    // A resend stores one.
    const again = await owner.post(`/api/organisations/${o.id}/assessments`, body);
    expect(again.json().id).toBe(a.id);
    const stored = await db()
      .selectFrom('organisation_assessments')
      .select('id')
      .where('organisation_id', '=', o.id)
      .execute();
    expect(stored).toHaveLength(1);

    const seen = (await officer.get(`/api/organisations/${o.id}`)).json();
    expect(seen.latestAssessment).toMatchObject({ id: a.id, group: 'high', sharePercent: 61 });
    const history = (await owner.get(`/api/organisations/${o.id}/assessments`)).json();
    expect(history.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect(await auditOf(a.id)).toEqual([{ action: 'create', entity_type: 'organisation_assessment' }]);

    // Immutable: the database refuses to rewrite it.
    await expect(
      sql`update organisation_assessments set share_percent = 1 where id = ${a.id}`.execute(db()),
    ).rejects.toThrow();
  });

  it('lists every bad answer, refuses an unknown or unsuitable template, and stores nothing', async () => {
    const o = await registerOrganisation(owner);
    await officer.post(`/api/organisations/${o.id}/decision`, { decision: 'approve' });
    const answers = { ...highRisk2194Answers(), masks_worn: 'maybe', nonsense: 'yes' } as Record<string, string>;
    delete answers.shuttle;
    const bad = await owner.request({
      method: 'POST',
      url: `/api/organisations/${o.id}/assessments`,
      payload: { clientKey: randomUUID(), template: 'qd2194', answers },
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { path: 'answers.nonsense', message: 'Not a question of the template' },
      { path: 'answers.masks_worn', message: 'Not a valid answer; choose one of yes, partly, no' },
      { path: 'answers.shuttle', message: 'Not answered' },
    ]);
    const unknown = await owner.post(`/api/organisations/${o.id}/assessments`, {
      clientKey: randomUUID(),
      template: 'qd9999',
      answers: {},
    });
    expect(unknown.json().error.details).toEqual([
      { path: 'template', message: 'Không có mẫu tự đánh giá với mã này' },
    ]);
    const market = await owner.post(`/api/organisations/${o.id}/assessments`, {
      clientKey: randomUUID(),
      template: 'qd2225',
      answers: {},
    });
    expect(market.statusCode).toBe(400);
    const stored = await db()
      .selectFrom('organisation_assessments')
      .select('id')
      .where('organisation_id', '=', o.id)
      .execute();
    expect(stored).toEqual([]);
  });

  it('another organisation neither reads nor assesses it', async () => {
    const o = await registerOrganisation(owner);
    await officer.post(`/api/organisations/${o.id}/decision`, { decision: 'approve' });
    expect((await otherOwner.get(`/api/organisations/${o.id}`)).statusCode).toBe(404);
    const res = await otherOwner.post(`/api/organisations/${o.id}/assessments`, {
      clientKey: randomUUID(),
      template: 'qd2194',
      answers: highRisk2194Answers(),
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('import', () => {
  const csv = (text: string, c: TestClient = officer, lang = 'vi') =>
    c.request({
      method: 'POST',
      url: '/api/organisations/import',
      payload: text,
      headers: { 'content-type': 'text/csv', 'accept-language': lang },
    });

  it('imports every row of a sheet with Vietnamese headers, approved, audited', async () => {
    const res = await csv(
      [
        'Tên đơn vị,Loại hình,Mã số thuế,Địa chỉ,Mã xã,Người đứng đầu,Người phụ trách,Số điện thoại,Số lao động,Số ca,Xe đưa đón',
        `Công ty Chè Sìn Hồ,Doanh nghiệp,6200789015,Tổ 2,${DOAN_KET},Lò Văn A,Lò Thị B,0912 111 222,120,2,có`,
        `Trường Mầm non Hoa Ban,trường học,,Tổ 3,${Number(DOAN_KET)},Vì Thị C,Vì Văn D,0912111223,"1.200",,`,
      ].join('\n'),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2 });
    const rows = await db()
      .selectFrom('organisations')
      .select(['id', 'status', 'tax_code', 'headcount', 'runs_shuttle', 'org_type'])
      .where('name', 'in', ['Công ty Chè Sìn Hồ', 'Trường Mầm non Hoa Ban'])
      .orderBy('name')
      .execute();
    expect(rows.map((r) => [r.org_type, r.status, r.tax_code, r.headcount, r.runs_shuttle])).toEqual([
      ['enterprise', 'approved', '6200789015', 120, true],
      ['school', 'approved', null, 1200, false],
    ]);
    expect(await auditOf(rows[0]!.id)).toEqual([{ action: 'import', entity_type: 'organisation' }]);
  });

  it('refuses the whole file with every bad row listed, in English headers and words, and writes nothing', async () => {
    const res = await csv(
      [
        'name,type,tax code,address,commune,head,contact,phone,headcount',
        `Good Co,enterprise,,Street 1,${DOAN_KET},Head,Contact,0912111224,10`,
        `Bad Kind,spaceship,,Street 2,${DOAN_KET},Head,Contact,0912111225,10`,
        `Bad Tax,enterprise,0100109107,Street 3,${DOAN_KET},Head,Contact,0912111226,ten`,
        `Other Ward,enterprise,,Street 4,${BINH_LU},Head,Contact,0912111227,10`,
        `Taken,enterprise,6200789015,Street 5,${DOAN_KET},Head,Contact,0912111228,10`,
      ].join('\n'),
      officer,
      'en',
    );
    expect(res.statusCode).toBe(422);
    const details: { path: string; message: string }[] = res.json().error.details;
    expect(details.map((d) => d.path)).toEqual(['row:3', 'row:4', 'row:4', 'row:5', 'row:6']);
    expect(details[0]!.message).toContain('Unknown kind');
    expect(details[4]!.message).toContain('already registered');
    expect(await db().selectFrom('organisations').select('id').where('name', '=', 'Good Co').execute()).toEqual([]);
  });

  it('is for officials: an organisation may not import', async () => {
    const res = await csv(
      `name,type,address,commune,head,contact,phone,headcount\nX,other,Y,${DOAN_KET},H,C,0912111229,1`,
      owner,
    );
    expect(res.statusCode).toBe(403);
  });
});

describe('lists and templates', () => {
  it('pages newest first, filters by group, scopes by locality and exports', async () => {
    const mine = (await owner.get('/api/organisations?limit=500')).json();
    expect(mine.items.length).toBeGreaterThan(3);
    expect(
      (await otherOwner.get('/api/organisations')).json().items.map((i: { name: string }) => i.name),
    ).not.toContain(mine.items[0].name);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await officer.get(`/api/organisations?limit=2${after ? `&after=${after}` : ''}`)
      ).json();
      seen.push(...page.items.map((i) => i.id));
      after = page.nextCursor;
    } while (after);
    const all = (await officer.get('/api/organisations?limit=500')).json().items.map((i: { id: string }) => i.id);
    expect(seen).toEqual(all);
    const high = (await officer.get('/api/organisations?group=high')).json().items;
    expect(high.length).toBe(1);
    expect((await neighbourOfficer.get('/api/organisations')).json().items).toEqual([]);
    expect([403, 404]).toContain((await neighbourOfficer.get(`/api/organisations?locality=${DOAN_KET}`)).statusCode);
    const xlsx = await officer.get('/api/organisations/export.xlsx?group=high');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('lists the approved organisations whose re-assessment is overdue, and names what drives a score', async () => {
    const late = await registerOrganisation(owner);
    const onTime = await registerOrganisation(owner);
    for (const o of [late, onTime]) await officer.post(`/api/organisations/${o.id}/decision`, { decision: 'approve' });
    const sys = systemActor('test');
    const body = () => ({ clientKey: randomUUID(), template: 'qd2194', answers: highRisk2194Answers() });
    // "high" is re-assessed within days: one assessed two months ago is overdue, one assessed today is not.
    const old = await t.platform.services.organisationAssessments.submitAssessment(
      sys,
      late.id,
      body(),
      new Date(Date.now() - 60 * 86_400_000),
    );
    expect(old.reassessDueOn < vietnamToday()).toBe(true);
    await owner.post(`/api/organisations/${onTime.id}/assessments`, body());
    const overdue = (await officer.get('/api/organisations?overdue=true&limit=500')).json().items;
    const ids = overdue.map((o: { id: string }) => o.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(onTime.id);
    for (const o of overdue) expect(o.latestAssessment.reassessDueOn < vietnamToday()).toBe(true);
    const history = (
      await owner.request({
        method: 'GET',
        url: `/api/organisations/${late.id}/assessments`,
        headers: { 'accept-language': 'en' },
      })
    ).json();
    expect(history.items[0].componentNames.isolation).toBe('Isolation room');
  });

  it('serves the preset templates, latest version', async () => {
    const list = (await owner.get('/api/assessment-templates')).json();
    expect(list.items.map((i: { code: string }) => i.code).sort()).toEqual(['hcm1203', 'qd2194', 'qd2225']);
    const t2194 = (await officer.get('/api/assessment-templates/qd2194')).json();
    expect(t2194).toMatchObject({ code: 'qd2194', version: 1, illustrative: true, rule: '2194' });
    expect((await officer.get('/api/assessment-templates/none')).statusCode).toBe(404);
  });
});
