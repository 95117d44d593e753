import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjacentPeriod, currentReportingPeriod } from '../../core/rules/reporting-periods.ts';
import { reportTemplatePreset } from '../../core/rules/reports/templates.ts';
import type { DirectiveView } from '../../core/schemas/directives.ts';
import { addDays, vietnamToday } from '../../core/vietnam-calendar.ts';
import { systemActor } from '../shared/actor.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../testing/test-platform.ts';

/**
 * A weekly report states progress on the unit's directive tasks (issue 16): recorded as task progress
 * with the submission, in one transaction; a line about another unit's task refuses it all.
 */
const weekly = reportTemplatePreset('weekly-covid')!.period;
const past = adjacentPeriod(currentReportingPeriod(weekly, new Date()), -1);
let t: TestPlatform;
let officer: TestClient;
let letter: DirectiveView;
const sys = systemActor('test');
const unit: Record<string, string> = {};
const db = () => t.platform.database.db;

beforeAll(async () => {
  t = await createTestPlatform();
  const s = t.platform.services;
  await s.units.ensureProvinceUnits(sys, LAI_CHAU);
  officer = await t.signIn('commune_officer', DOAN_KET);
  await s.units.addOfficer(sys, DOAN_KET, officer.user.id, '0912000003');
  for (const code of [DOAN_KET, BINH_LU, `${LAI_CHAU}-UBND`])
    unit[code] = (
      await db().selectFrom('reporting_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()
    ).id;
  const today = vietnamToday();
  letter = await s.directives.issue(sys, {
    clientKey: randomUUID(),
    issuerUnitId: unit[`${LAI_CHAU}-UBND`]!,
    numberSymbol: '31/UBND-VX',
    issuedOn: addDays(today, -3),
    kind: 'official_letter',
    summary: 'Về việc tiêm vắc xin cho người từ 18 tuổi',
    legalReferences: [],
    recipientUnitIds: [unit[DOAN_KET]!, unit[BINH_LU]!],
    tasks: [
      { unitId: unit[DOAN_KET]!, title: 'Lập danh sách tiêm', dueOn: addDays(today, 7) },
      { unitId: unit[BINH_LU]!, title: 'Bố trí điểm tiêm', dueOn: addDays(today, 7) },
    ],
  });
});
afterAll(async () => t.close());

const taskOf = (code: string) => letter.tasks.find((x) => x.unit.id === unit[code])!;
const submit = (clientKey: string, lines: { taskId: string; status: string; note?: string }[]) =>
  officer.request({
    method: 'POST',
    url: '/api/reports/submissions',
    headers: { 'accept-language': 'en' },
    payload: {
      unitId: unit[DOAN_KET],
      periodId: past.id,
      template: 'weekly-covid',
      values: {},
      reasons: {},
      clientKey,
      taskProgress: lines.map((l) => ({ directiveId: letter.id, ...l })),
    },
  });
const written = async () => ({
  versions: (await db().selectFrom('unit_report_versions').select('version').execute()).length,
  progress: await db().selectFrom('directive_task_progress').select(['task_id', 'status', 'note']).execute(),
});

describe('task progress from the weekly report', () => {
  it("refuses a line about another unit's task, writing neither the report nor any progress", async () => {
    const res = await submit(randomUUID(), [
      { taskId: taskOf(DOAN_KET).id, status: 'in_progress' },
      { taskId: taskOf(BINH_LU).id, status: 'done' },
    ]);
    expect(res.statusCode).toBe(403);
    expect(await written()).toEqual({ versions: 0, progress: [] });
  });

  it('records the report and its task progress together, once per submission key', async () => {
    const key = randomUUID();
    const res = await submit(key, [{ taskId: taskOf(DOAN_KET).id, status: 'done', note: 'Đã lập xong danh sách' }]);
    expect(res.statusCode, res.body).toBe(201);
    expect((await submit(key, [{ taskId: taskOf(DOAN_KET).id, status: 'done' }])).statusCode).toBe(201);
    expect(await written()).toEqual({
      versions: 1,
      progress: [{ task_id: taskOf(DOAN_KET).id, status: 'done', note: 'Đã lập xong danh sách' }],
    });
    const view = (await officer.get(`/api/directives/${letter.id}`)).json<DirectiveView>();
    expect(view.tasks.find((x) => x.id === taskOf(DOAN_KET).id)!.standing).toBe('done');
  });
});
