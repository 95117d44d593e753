import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamToday } from '../../../core/vietnam-calendar.ts';
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
 * Directives (issue 16): the province sends a công văn with two tasks to two communes; one
 * acknowledges and reports its task done, the other does nothing; the issuer sees who did what;
 * resends record once; bad input and a unit that is not a recipient are refused with nothing written.
 */
let t: TestPlatform;
let officer: TestClient;
let neighbourOfficer: TestClient;
let cdc: TestClient;
let bcd: TestClient;
const unit: Record<string, string> = {};
const sys = systemActor('test');
const today = vietnamToday();
const clientKey = randomUUID();
let directiveId: string;

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
  for (const code of [DOAN_KET, BINH_LU, `${LAI_CHAU}-CDC`, `${LAI_CHAU}-UBND`])
    unit[code] = (
      await db().selectFrom('reporting_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()
    ).id;
});
afterAll(async () => t.close());

const db = () => t.platform.database.db;
const counts = async () => ({
  directives: (await db().selectFrom('directives').select('id').execute()).length,
  recipients: (await db().selectFrom('directive_recipients').select('unit_id').execute()).length,
  tasks: (await db().selectFrom('directive_tasks').select('id').execute()).length,
  acknowledgements: (await db().selectFrom('directive_acknowledgements').select('unit_id').execute()).length,
  progress: (await db().selectFrom('directive_task_progress').select('id').execute()).length,
  audit: (await db().selectFrom('audit_events').select('id').where('entity_type', '=', 'directive').execute()).length,
});
const letter = (over: Record<string, unknown> = {}) => ({
  clientKey,
  issuerUnitId: unit[`${LAI_CHAU}-UBND`],
  numberSymbol: '1510/UBND-KGVX',
  issuedOn: addDays(today, -10),
  kind: 'official_letter',
  summary: 'Về việc tăng cường công tác phòng, chống dịch COVID-19',
  legalReferences: ['Chỉ thị số 15/CT-TTg ngày 27/3/2020'],
  recipientUnitIds: [unit[DOAN_KET], unit[BINH_LU]],
  tasks: [
    { unitId: unit[DOAN_KET], title: 'Rà soát người về từ vùng dịch', dueOn: addDays(today, -3) },
    { unitId: unit[BINH_LU], title: 'Kiểm tra chốt kiểm soát dịch', dueOn: addDays(today, -3) },
  ],
  ...over,
});

describe('directives', () => {
  it('refuses bad input with its reasons, in the reader’s language, and writes nothing', async () => {
    const before = await counts();
    const bad = await bcd.request({
      method: 'POST',
      url: '/api/directives',
      headers: { 'accept-language': 'en' },
      payload: letter({
        clientKey: randomUUID(),
        // The People's Committee itself is not below itself; the CDC is not a recipient of the task.
        recipientUnitIds: [unit[DOAN_KET], unit[`${LAI_CHAU}-UBND`]],
        tasks: [{ unitId: unit[`${LAI_CHAU}-CDC`], title: 'X', dueOn: addDays(today, -20) }],
      }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      {
        path: 'recipientUnitIds.1',
        message: 'A recipient is not under the issuing unit: directives go to subordinate units only',
      },
      { path: 'tasks.0.unitId', message: 'Tasks go to recipient units only' },
      { path: 'tasks.0.dueOn', message: 'The deadline must be on or after the issue date' },
    ]);
    // A commune's officer does not issue for the province.
    const notIssuer = await officer.post('/api/directives', letter({ clientKey: randomUUID() }));
    expect(notIssuer.statusCode).toBe(403);
    expect((await bcd.post('/api/directives', letter({ recipientUnitIds: [] }))).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('records the directive once and notifies the recipients’ officers', async () => {
    const first = await bcd.post('/api/directives', letter());
    expect(first.statusCode).toBe(201);
    directiveId = first.json().id;
    const again = await bcd.post('/api/directives', letter());
    expect(again.json().id).toBe(directiveId);
    expect(await counts()).toMatchObject({ directives: 1, recipients: 2, tasks: 2, audit: 1 });
    const inbox = (await neighbourOfficer.get('/api/inbox')).json().items;
    expect(inbox).toEqual([
      expect.objectContaining({ kind: 'directive_received', link: `/directives/${directiveId}` }),
    ]);
    // The same number on the same day is another directive's: refused.
    const duplicate = await bcd.post('/api/directives', letter({ clientKey: randomUUID() }));
    expect(duplicate.statusCode).toBe(409);
  });

  it('lets a recipient acknowledge once, and refuses a unit that is not a recipient', async () => {
    const ack = await officer.post(`/api/directives/${directiveId}/acknowledgements`, { unitId: unit[DOAN_KET] });
    expect(ack.statusCode).toBe(200);
    const at = ack.json().recipientUnits.find((r: { unit: { id: string } }) => r.unit.id === unit[DOAN_KET]);
    expect(at.acknowledgedAt).not.toBeNull();
    const twice = await officer.post(`/api/directives/${directiveId}/acknowledgements`, { unitId: unit[DOAN_KET] });
    expect(twice.json().recipientUnits).toEqual(ack.json().recipientUnits);

    const before = await counts();
    const outsider = await cdc.post(`/api/directives/${directiveId}/acknowledgements`, {
      unitId: unit[`${LAI_CHAU}-CDC`],
    });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.details).toEqual([
      { path: 'unitId', message: 'Đơn vị này không có trong danh sách nơi nhận văn bản: không thể xác nhận đã nhận' },
    ]);
    // Nor may a commune acknowledge for its neighbour.
    const forNeighbour = await officer.post(`/api/directives/${directiveId}/acknowledgements`, {
      unitId: unit[BINH_LU],
    });
    expect(forNeighbour.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    expect(before).toMatchObject({ acknowledgements: 1, audit: 2 });
  });

  it('keeps the history of a task’s progress, reported by its unit only', async () => {
    const view = (await officer.get(`/api/directives/${directiveId}`)).json();
    const mine = view.tasks.find((x: { unit: { id: string } }) => x.unit.id === unit[DOAN_KET]);
    expect(mine.mayReport).toBe(true);
    const url = `/api/directives/${directiveId}/tasks/${mine.id}/progress`;
    expect(
      (await officer.post(url, { clientKey: randomUUID(), status: 'in_progress', note: 'Đang rà soát' })).statusCode,
    ).toBe(201);
    const doneKey = randomUUID();
    const done = { clientKey: doneKey, status: 'done', evidence: 'Báo cáo số 12/BC-UBND' };
    expect((await officer.post(url, done)).statusCode).toBe(201);
    expect((await officer.post(url, done)).statusCode).toBe(201);
    expect((await neighbourOfficer.post(url, { clientKey: randomUUID(), status: 'done' })).statusCode).toBe(403);
    expect(await counts()).toMatchObject({ progress: 2 });
  });

  it('shows the issuer who acknowledged and where each task stands', async () => {
    const view = (await bcd.get(`/api/directives/${directiveId}`)).json();
    expect(view.isIssuer).toBe(true);
    expect(
      view.recipientUnits.map((r: { unit: { code: string }; acknowledgedAt: string | null }) => [
        r.unit.code,
        r.acknowledgedAt !== null,
      ]),
    ).toEqual([
      [DOAN_KET, true],
      [BINH_LU, false],
    ]);
    expect(view.tally).toEqual({
      recipients: 2,
      acknowledged: 1,
      tasks: 2,
      done: 1,
      inProgress: 0,
      notStarted: 0,
      overdue: 1,
    });
    const doneTask = view.tasks.find((x: { standing: string }) => x.standing === 'done');
    expect(doneTask.history.map((h: { status: string }) => h.status)).toEqual(['done', 'in_progress']);
  });

  it('reminds the recipient that has not acknowledged, and the unit and issuer of the overdue task', async () => {
    const reminders = t.platform.services.reminders;
    await reminders.drain();
    const status = async (key: string) => (await reminders.find(db(), key))?.status;
    expect(await status(`directive_ack:${directiveId}:${unit[DOAN_KET]}:2d`)).toBe('skipped');
    expect(await status(`directive_ack:${directiveId}:${unit[BINH_LU]}:2d`)).toBe('sent');
    expect(await status(`directive_ack:${directiveId}:${unit[BINH_LU]}:4d`)).toBe('sent');
    const tasks = await db().selectFrom('directive_tasks').select(['id', 'unit_id', 'due_on']).execute();
    const overdue = (u: string) => {
      const task = tasks.find((x) => x.unit_id === u)!;
      return status(`directive_task_overdue:${task.id}:${task.due_on}`);
    };
    expect(await overdue(unit[DOAN_KET]!)).toBe('skipped');
    expect(await overdue(unit[BINH_LU]!)).toBe('sent');
    // The escalation reaches the issuer's officer.
    const inbox = (await bcd.get('/api/inbox')).json().items.map((m: { kind: string }) => m.kind);
    expect(inbox).toEqual(expect.arrayContaining(['directive_unacknowledged', 'directive_task_overdue']));
  });

  it('finds directives without diacritics and by number, and exports them', async () => {
    const found = (await bcd.get('/api/directives?q=phong%20chong%20TANG%20CUONG')).json().items;
    expect(found.map((d: { id: string }) => d.id)).toEqual([directiveId]);
    expect((await officer.get('/api/directives?q=1510%2FUBND')).json().items).toHaveLength(1);
    expect((await bcd.get('/api/directives?q=khong%20co')).json().items).toEqual([]);
    expect((await bcd.get('/api/directives?pending=true')).json().items).toHaveLength(1);
    expect((await bcd.get('/api/directives?kind=plan')).json().items).toEqual([]);
    const xlsx = await bcd.get('/api/directives/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
  });

  it('keeps the text as a PDF, from the issuer only', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%test\n');
    const put = (c: TestClient, body: Buffer, type = 'application/pdf') =>
      c.request({
        method: 'PUT',
        url: `/api/directives/${directiveId}/document`,
        payload: body,
        headers: { 'content-type': type },
      });
    expect((await put(officer, pdf)).statusCode).toBe(403);
    expect((await put(bcd, Buffer.from('not a pdf'))).statusCode).toBe(400);
    expect((await put(bcd, pdf)).json().hasDocument).toBe(true);
    const got = await neighbourOfficer.get(`/api/directives/${directiveId}/document.pdf`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(pdf)).toBe(true);
  });
});
