import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectiveView, TaskEvidenceView } from '../../../core/schemas/directives.ts';
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
 * Evidence on a directive task's progress (issue 16): the task's unit attaches a file, its type read
 * from its bytes; the issuer sees it, another recipient does not; every reading is audited.
 */
let t: TestPlatform;
let officer: TestClient;
let neighbour: TestClient;
let bcd: TestClient;
let letter: DirectiveView;
const sys = systemActor('test');
const unit: Record<string, string> = {};
const db = () => t.platform.database.db;
const PDF = Buffer.from('%PDF-1.4\n% Báo cáo rà soát\n');

beforeAll(async () => {
  t = await createTestPlatform();
  const s = t.platform.services;
  await s.units.ensureProvinceUnits(sys, LAI_CHAU);
  officer = await t.signIn('commune_officer', DOAN_KET);
  neighbour = await t.signIn('commune_officer', BINH_LU);
  bcd = await t.signIn('steering_committee', LAI_CHAU);
  await s.units.addOfficer(sys, DOAN_KET, officer.user.id, '0912000003');
  await s.units.addOfficer(sys, BINH_LU, neighbour.user.id, '0912000004');
  await s.units.addOfficer(sys, `${LAI_CHAU}-UBND`, bcd.user.id, '0912000001');
  for (const code of [DOAN_KET, BINH_LU, `${LAI_CHAU}-UBND`])
    unit[code] = (
      await db().selectFrom('reporting_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()
    ).id;
  const today = vietnamToday();
  letter = await s.directives.issue(sys, {
    clientKey: randomUUID(),
    issuerUnitId: unit[`${LAI_CHAU}-UBND`]!,
    numberSymbol: '12/UBND-VX',
    issuedOn: addDays(today, -2),
    kind: 'official_letter',
    summary: 'Về việc rà soát người về từ vùng dịch',
    legalReferences: [],
    recipientUnitIds: [unit[DOAN_KET]!, unit[BINH_LU]!],
    tasks: [{ unitId: unit[DOAN_KET]!, title: 'Rà soát người về từ vùng dịch', dueOn: addDays(today, 5) }],
  });
});
afterAll(async () => t.close());

const put = (c: TestClient, body: Buffer, type: string, key = randomUUID(), lang = 'vi') =>
  c.request({
    method: 'PUT',
    url: `/api/directives/${letter.id}/tasks/${letter.tasks[0]!.id}/evidence/${key}?filename=${encodeURIComponent('Biên bản rà soát.pdf')}`,
    payload: body,
    headers: { 'content-type': type, 'accept-language': lang },
  });

describe('evidence on task progress', () => {
  let evidence: TaskEvidenceView;

  it("stores the task unit's file once per key, named safely, typed by its bytes", async () => {
    const key = randomUUID();
    const res = await put(officer, PDF, 'application/pdf', key);
    expect(res.statusCode, res.body).toBe(201);
    evidence = res.json<TaskEvidenceView>();
    expect(evidence).toMatchObject({
      filename: 'Bien-ban-ra-soat.pdf',
      mediaType: 'application/pdf',
      byteSize: PDF.length,
    });
    expect((await put(officer, PDF, 'application/pdf', key)).json<TaskEvidenceView>().id).toBe(evidence.id);
    const view = (await officer.get(`/api/directives/${letter.id}`)).json<DirectiveView>();
    expect(view.tasks[0]!.evidence.map((e) => e.id)).toEqual([evidence.id]);
  });

  it('refuses SVG, HTML and files of another unit, in the reader’s language, writing nothing', async () => {
    const before = (await db().selectFrom('directive_task_evidence').select('id').execute()).length;
    const svg = await put(officer, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'), 'image/png');
    expect(svg.statusCode).toBe(400);
    expect(svg.json().error.details[0].message).toMatch(/^Tệp minh chứng phải là PDF/);
    const html = await put(officer, Buffer.from('<!doctype html><p>x'), 'application/pdf', randomUUID(), 'en');
    expect(html.statusCode).toBe(400);
    expect(html.json().error.details[0].message).toMatch(/^Evidence must be a PDF/);
    expect((await put(neighbour, PDF, 'application/pdf')).statusCode).toBe(403);
    expect((await db().selectFrom('directive_task_evidence').select('id').execute()).length).toBe(before);
  });

  it('serves the file as a download to the issuer and the task unit, not to another recipient; readings audited', async () => {
    const res = await bcd.get(evidence.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Bien-ban-ra-soat.pdf"');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(res.rawPayload).equals(PDF)).toBe(true);
    expect((await officer.get(evidence.url)).statusCode).toBe(200);
    expect((await neighbour.get(evidence.url)).statusCode).toBe(404);
    const neighbourView = (await neighbour.get(`/api/directives/${letter.id}`)).json<DirectiveView>();
    expect(neighbourView.tasks[0]!.evidence).toEqual([]);
    const reads = await db()
      .selectFrom('audit_events')
      .select('actor_id')
      .where('action', '=', 'read_task_evidence')
      .execute();
    expect(reads.map((r) => r.actor_id).sort()).toEqual([bcd.user.id, officer.user.id].sort());
  });
});
