import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adjacentPeriod,
  currentReportingPeriod,
  dueOf,
  periodContaining,
} from '../../../core/rules/reporting-periods.ts';
import { vietnamIsoString } from '../../../core/vietnam-calendar.ts';
import { reportTemplatePreset } from '../../../core/rules/reports/templates.ts';
import { reportsStatus } from '../../cli/report-commands.ts';
import { registerCase } from '../../commands/register-case.ts';
import { systemActor } from '../../shared/actor.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';

/**
 * Unit reports (issue 16): units, the prefilled form, drafts with reasons, idempotent submission,
 * return and acceptance, versions, bad input, completeness, its export and the CLI status.
 */
const weekly = reportTemplatePreset('weekly-covid')!.period;
const period = currentReportingPeriod(weekly, new Date());
const lateWeek = adjacentPeriod(adjacentPeriod(adjacentPeriod(period, -1), -1), -1);

let t: TestPlatform;
let officer: TestClient;
let neighbourOfficer: TestClient;
let cdc: TestClient;
let bcd: TestClient;
const unit: Record<string, string> = {};
const sys = systemActor('test');

beforeAll(async () => {
  t = await createTestPlatform();
  const s = t.platform.services;
  await s.units.ensureProvinceUnits(sys, LAI_CHAU);
  officer = await t.signIn('commune_officer', DOAN_KET);
  neighbourOfficer = await t.signIn('commune_officer', BINH_LU);
  cdc = await t.signIn('health_department', LAI_CHAU);
  bcd = await t.signIn('steering_committee', LAI_CHAU);
  await s.units.addOfficer(sys, DOAN_KET, officer.user.id, '0912000003');
  await s.units.addOfficer(sys, BINH_LU, neighbourOfficer.user.id, '0912000004');
  await s.units.addOfficer(sys, `${LAI_CHAU}-CDC`, cdc.user.id, '0912000002');
  await s.units.addOfficer(sys, `${LAI_CHAU}-UBND`, bcd.user.id, '0912000001');
  for (const code of [DOAN_KET, BINH_LU, `${LAI_CHAU}-CDC`])
    unit[code] = (await t.platform.database.db
      .selectFrom('reporting_units')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow())!.id;
  // One community case of Đoàn Kết in the week: the form counts it.
  await registerCase(s, sys, {
    clientKey: randomUUID(),
    subject: {
      person: {
        idType: 'cccd',
        idNumber: '012085900777',
        fullName: 'Ca bệnh Đoàn Kết',
        birthYear: 1985,
        gender: 'male',
        nationality: 'VN',
        communeCode: DOAN_KET,
      },
    },
    sampleDate: period.from,
    confirmedDate: period.from,
    classification: 'community',
    sourceCaseIds: [],
  });
});
afterAll(async () => t.close());

const db = () => t.platform.database.db;
const form = (c: TestClient, code = DOAN_KET, p = period.id) =>
  c.get(`/api/reports/form?unit=${unit[code]}&period=${encodeURIComponent(p)}`);
const field = (view: { sections: { fields: { key: string }[] }[] }, key: string) =>
  view.sections.flatMap((s) => s.fields).find((f) => f.key === key) as Record<string, unknown>;
const body = (o: Record<string, unknown> = {}) => ({
  unitId: unit[DOAN_KET],
  periodId: period.id,
  values: { inspections_done: 2, results: 'Kiểm soát tốt' },
  ...o,
});
const reportRows = () => db().selectFrom('unit_reports').select(['id', 'status', 'version']).execute();

describe('reporting units', () => {
  it('lists the province’s units with their supervisor and officers, for its officials only', async () => {
    const res = await cdc.get(`/api/units?locality=${LAI_CHAU}&limit=500`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; supervisor: { code: string } | null; officers: unknown[] }[];
    const codes = items.map((u) => u.code);
    for (const c of ['12-UBND', '12-SYT', '12-CA', '12-BCHQS', '12-BDBP', '12-MTTQ', DOAN_KET, BINH_LU])
      expect(codes).toContain(c);
    expect(items.find((u) => u.code === DOAN_KET)).toMatchObject({
      supervisor: { code: '12-CDC' },
      officers: [{ userId: officer.user.id, phone: '0912000003' }],
    });
    expect((await officer.get('/api/units')).statusCode).toBe(403);
  });

  it('tells an officer what they report for and review', async () => {
    expect((await officer.get('/api/units/mine')).json()).toMatchObject({
      reportsFor: [{ code: DOAN_KET }],
      reviews: [],
    });
    const mine = (await cdc.get('/api/units/mine')).json();
    expect(mine.reportsFor.map((u: { code: string }) => u.code)).toEqual(['12-CDC']);
    expect(mine.reviews.map((u: { code: string }) => u.code)).toContain(DOAN_KET);
  });
});

describe('the report form', () => {
  it('opens prefilled from live data, writing nothing', async () => {
    const res = await form(officer);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      id: null,
      status: 'new',
      period: { id: period.id },
      may: { edit: true, submit: true },
    });
    expect(field(view, 'cases_new_community')).toMatchObject({
      computed: 1,
      value: 1,
      computedFrom: 'cases_new_community',
    });
    expect(field(view, 'cases_cumulative_community')).toMatchObject({ computed: 1 });
    expect(field(view, 'inspections_done')).toMatchObject({ computed: null, value: null, computedFrom: null });
    expect(await reportRows()).toEqual([]);
  });

  it('refuses bad input clearly, in the user’s language, writing nothing', async () => {
    const wrongType = await officer.post(
      '/api/reports/drafts',
      body({ values: { tests_taken: '12', violations: 1.5 } }),
    );
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.details).toEqual([
      { path: 'values.tests_taken', message: 'Phải là số nguyên (không có phần thập phân, không phải chữ)' },
      { path: 'values.violations', message: 'Phải là số nguyên (không có phần thập phân, không phải chữ)' },
    ]);
    const noReason = await officer.request({
      method: 'POST',
      url: '/api/reports/drafts',
      payload: body({ values: { cases_new_community: 2 } }),
      headers: { 'accept-language': 'en' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toEqual([
      {
        path: 'reasons.cases_new_community',
        message: 'The figure differs from what phongdich counted: give the reason',
      },
    ]);
    const future = await officer.post(
      '/api/reports/drafts',
      body({ periodId: adjacentPeriod(periodContaining('weekly', new Date()), 1).id }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0]).toMatchObject({
      path: 'periodId',
      message: 'Kỳ báo cáo này chưa bắt đầu: chưa thể báo cáo',
    });
    // Bình Lư's unit is outside the officer's reach: as if it did not exist.
    const other = await officer.post(
      '/api/reports/submissions',
      body({ unitId: unit[BINH_LU], clientKey: randomUUID() }),
    );
    expect(other.statusCode).toBe(404);
    // The CDC reviews Đoàn Kết's reports but does not report for it.
    const notOfficer = await cdc.post('/api/reports/submissions', body({ clientKey: randomUUID() }));
    expect(notOfficer.statusCode).toBe(403);
    expect(notOfficer.json().error.details).toEqual([
      { path: 'unitId', message: 'Bạn không phải cán bộ báo cáo của đơn vị này' },
    ]);
    expect(await reportRows()).toEqual([]);
    expect(await db().selectFrom('unit_report_versions').select('id').execute()).toEqual([]);
  });

  it('saves a draft with the reason of a changed figure, the computed value beside it', async () => {
    const res = await officer.post(
      '/api/reports/drafts',
      body({
        values: { cases_new_community: 2, inspections_done: 2 },
        reasons: { cases_new_community: 'Một ca chưa nhập' },
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(field(res.json(), 'cases_new_community')).toMatchObject({
      value: 2,
      computed: 1,
      reason: 'Một ca chưa nhập',
    });
    expect(res.json()).toMatchObject({ status: 'draft', version: 0 });
    expect((await form(officer)).json().id).toBe(res.json().id);
  });
});

describe('submission and review', () => {
  const values = { cases_new_community: 2, inspections_done: 2 };
  const reasons = { cases_new_community: 'Một ca chưa nhập' };
  let reportId: string;

  it('records one submission for a double tap, audited, and tells the supervisor', async () => {
    const clientKey = randomUUID();
    const [a, b] = await Promise.all([
      officer.post('/api/reports/submissions', body({ values, reasons, clientKey })),
      officer.post('/api/reports/submissions', body({ values, reasons, clientKey })),
    ]);
    expect([a.statusCode, b.statusCode], a.body + b.body).toEqual([201, 201]);
    reportId = a.json().id;
    expect(b.json()).toMatchObject({ id: reportId, status: 'submitted', version: 1, onTime: true });
    expect(await db().selectFrom('unit_report_versions').select('version').execute()).toEqual([{ version: 1 }]);
    const audit = await db().selectFrom('audit_events').select('action').where('entity_id', '=', reportId).execute();
    expect(audit.map((e) => e.action)).toEqual(['save_draft', 'submit_report']);
    const inbox = (await cdc.get('/api/inbox')).json();
    expect(inbox.items.map((m: { kind: string }) => m.kind)).toContain('report_submitted');
  });

  it('only a unit above reviews; a return needs a comment', async () => {
    expect((await officer.post(`/api/reports/${reportId}/review`, { decision: 'accept' })).statusCode).toBe(403);
    expect((await neighbourOfficer.post(`/api/reports/${reportId}/review`, { decision: 'accept' })).statusCode).toBe(
      404,
    );
    const bare = await cdc.post(`/api/reports/${reportId}/review`, { decision: 'return', comment: '  ' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details).toEqual([
      { path: 'comment', message: 'Cần ghi nhận xét khi trả lại báo cáo: đơn vị cần sửa gì' },
    ]);
    expect(await db().selectFrom('unit_report_reviews').select('id').execute()).toEqual([]);
    const locked = await officer.post('/api/reports/drafts', body({ values, reasons }));
    expect(locked.statusCode).toBe(409);
  });

  it('the CDC returns it; the officer learns it in the app and by SMS, and resubmits with a reason', async () => {
    const returned = await cdc.post(`/api/reports/${reportId}/review`, {
      decision: 'return',
      comment: 'Bổ sung số xét nghiệm',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', may: { review: false } });
    const sent = await db()
      .selectFrom('notification_messages')
      .select(['channel', 'status'])
      .where('recipient_user_id', '=', officer.user.id)
      .where('kind', '=', 'report_returned')
      .orderBy('channel')
      .execute();
    expect(sent).toEqual([
      { channel: 'in_app', status: 'sent' },
      { channel: 'sms', status: 'pending' },
    ]);
    const first = (await db().selectFrom('unit_reports').select('first_submitted_at').executeTakeFirstOrThrow())
      .first_submitted_at;
    const noReason = await officer.post('/api/reports/submissions', body({ values, reasons, clientKey: randomUUID() }));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('amendmentReason');
    const again = await officer.post(
      '/api/reports/submissions',
      body({ values: { ...values, tests_taken: 0 }, reasons, clientKey: randomUUID(), amendmentReason: 'Đã bổ sung' }),
    );
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ status: 'submitted', version: 2 });
    const after = await db().selectFrom('unit_reports').select('first_submitted_at').executeTakeFirstOrThrow();
    expect(after.first_submitted_at).toEqual(first);
  });

  it('the province accepts it (locked); a double tap accepts once; an amendment is a new version', async () => {
    const accepted = await bcd.post(`/api/reports/${reportId}/review`, { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', version: 2 });
    expect((await bcd.post(`/api/reports/${reportId}/review`, { decision: 'accept' })).statusCode).toBe(200);
    const late = await cdc.post(`/api/reports/${reportId}/review`, { decision: 'return', comment: 'Muộn' });
    expect(late.statusCode).toBe(409);
    expect((await officer.post('/api/reports/drafts', body({ values, reasons }))).statusCode).toBe(409);
    const reviews = await db()
      .selectFrom('unit_report_reviews')
      .select(['decision', 'version'])
      .orderBy('reviewed_at')
      .execute();
    expect(reviews).toEqual([
      { decision: 'return', version: 1 },
      { decision: 'accept', version: 2 },
    ]);
    const amended = await officer.post(
      '/api/reports/submissions',
      body({ values, reasons, clientKey: randomUUID(), amendmentReason: 'Sửa số kiểm tra' }),
    );
    expect(amended.json()).toMatchObject({ status: 'submitted', version: 3 });
    const view = (await cdc.get(`/api/reports/${reportId}`)).json();
    expect(view.history.map((h: { kind: string; version: number }) => `${h.kind}:${h.version}`)).toEqual([
      'submission:3',
      'review:2',
      'submission:2',
      'review:1',
      'submission:1',
    ]);
    // What a unit declared and a supervisor decided stays as it was.
    await expect(db().updateTable('unit_report_versions').set({ on_time: false }).execute()).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(db().deleteFrom('unit_report_reviews').execute()).rejects.toThrow(/cannot be changed/);
  });
});

describe('completeness and timeliness', () => {
  it('counts every unit of the province once, lists the missing with their officers’ phones', async () => {
    const res = await cdc.get(`/api/reports/completeness?period=${encodeURIComponent(period.id)}&limit=500`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    const expected = view.items.length;
    expect(view.totals).toMatchObject({ expected, submitted: 1, onTime: 1, late: 0, missing: expected - 1 });
    expect(view.items.find((r: { unit: { code: string } }) => r.unit.code === DOAN_KET)).toMatchObject({
      status: 'submitted',
      onTime: true,
    });
    const missing = (
      await cdc.get(`/api/reports/completeness?period=${encodeURIComponent(period.id)}&only=missing&limit=500`)
    ).json();
    expect(missing.items.find((r: { unit: { code: string } }) => r.unit.code === BINH_LU)).toMatchObject({
      status: 'new',
      onTime: null,
      officers: [{ phone: '0912000004' }],
    });
    // Keyset pages walk every unit once.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { items: { unit: { code: string } }[]; nextCursor: string | null } = (
        await cdc.get(
          `/api/reports/completeness?period=${encodeURIComponent(period.id)}&limit=7${after ? `&after=${after}` : ''}`,
        )
      ).json();
      seen.push(...page.items.map((r: { unit: { code: string } }) => r.unit.code));
      after = page.nextCursor;
    } while (after);
    expect(seen).toEqual(view.items.map((r: { unit: { code: string } }) => r.unit.code));
    expect((await officer.get(`/api/reports/completeness?period=${encodeURIComponent(period.id)}`)).statusCode).toBe(
      403,
    );
  });

  it('a report sent after the deadline is late; the CLI prints the same', async () => {
    const s = t.platform.services;
    await s.reports.submit(sys, {
      unitId: unit[BINH_LU]!,
      periodId: lateWeek.id,
      template: 'weekly-covid',
      values: {},
      reasons: {},
      clientKey: randomUUID(),
    });
    const view = (
      await cdc.get(`/api/reports/completeness?period=${encodeURIComponent(lateWeek.id)}&only=late`)
    ).json();
    expect(view.totals).toMatchObject({ submitted: 1, onTime: 0, late: 1 });
    expect(view.period.due).toBe(vietnamIsoString(dueOf(lateWeek, weekly.due)));
    expect(view.items.map((r: { unit: { code: string } }) => r.unit.code)).toEqual([BINH_LU]);
    const status = await reportsStatus(s, { period: lateWeek.id, province: LAI_CHAU });
    expect(status.units.find((u) => u.unit === BINH_LU)).toMatchObject({ onTime: false });
    expect(status.units.find((u) => u.unit === DOAN_KET)).toMatchObject({ submittedAt: null, onTime: null });
    expect(status.totals).toMatchObject({ submitted: 1, onTime: 0, late: 1, missing: status.totals.expected - 1 });
  });

  it('shows the trend of the last 12 weeks, each unit’s on-time rate over them, and the communes’ map', async () => {
    const view = (await cdc.get(`/api/reports/completeness?period=${encodeURIComponent(period.id)}&limit=500`)).json();
    type Row = { unit: { code: string }; onTimeRate: number | null };
    expect(view.trend).toHaveLength(12);
    expect(view.trend.at(-1)).toMatchObject({ period: { id: period.id }, totals: view.totals });
    expect(view.trend.at(-4)).toMatchObject({ period: { id: lateWeek.id }, totals: { submitted: 1, late: 1 } });
    expect(view.trend[0].totals).toMatchObject({ submitted: 0, missing: view.totals.expected });
    const rate = (code: string) => view.items.find((r: Row) => r.unit.code === code)?.onTimeRate;
    expect(rate(DOAN_KET)).toBeCloseTo(100 / 12);
    // Late is not on time: one late week in twelve leaves the rate at 0.
    expect(rate(BINH_LU)).toBe(0);
    const states = new Map(view.communes.map((c: { code: string; state: string }) => [c.code, c.state]));
    expect([...states.values()].filter((s) => s === 'on_time')).toHaveLength(1);
    expect([...states.values()].every((s) => s === 'on_time' || s === 'missing')).toBe(true);
  });

  it('exports the table to Excel, audited', async () => {
    const res = await cdc.get(`/api/reports/completeness/export.xlsx?period=${encodeURIComponent(period.id)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const exported = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'unit_report')
      .where('action', '=', 'export')
      .execute();
    expect(exported).toHaveLength(1);
  });
});
