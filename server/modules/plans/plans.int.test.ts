import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ActivationView,
  AreaReadinessView,
  CommitteeView,
  PlanSummaryView,
  PlanVersionView,
  ReadinessView,
  WhatIfView,
} from '../../../core/schemas/plans.ts';
import { systemActor } from '../../shared/actor.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';
import { LEVEL_IN_FORCE_QUEUE } from './activation.service.ts';

/**
 * Response plans (issue 18): Đoàn Kết keeps a plan with a level-3 section, the CDC approves it; a
 * level-3 decision takes effect and the job opens the section with its task and deadline; the
 * readiness shows the missing test kits; going back down closes the section. Bad input, another
 * commune's officer and resends are refused or recorded once, with nothing half-written.
 */
let t: TestPlatform;
let officer: TestClient;
let neighbour: TestClient;
let cdc: TestClient;
const unit: Record<string, string> = {};
const sys = systemActor('test');
const clientKey = randomUUID();
let versionId: string;

beforeAll(async () => {
  t = await createTestPlatform();
  const s = t.platform.services;
  await s.units.ensureProvinceUnits(sys, LAI_CHAU);
  officer = await t.signIn('commune_officer', DOAN_KET);
  neighbour = await t.signIn('commune_officer', BINH_LU);
  cdc = await t.signIn('health_department', LAI_CHAU);
  await s.units.addOfficer(sys, DOAN_KET, officer.user.id, '0912000003');
  await s.units.addOfficer(sys, BINH_LU, neighbour.user.id, '0912000004');
  await s.units.addOfficer(sys, `${LAI_CHAU}-CDC`, cdc.user.id, '0912000002');
  for (const code of [DOAN_KET, BINH_LU, `${LAI_CHAU}-CDC`])
    unit[code] = (
      await db().selectFrom('reporting_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()
    ).id;
});
afterAll(async () => t.close());

const db = () => t.platform.database.db;
const count = async (table: string) =>
  Number(
    (
      await db()
        .selectFrom(table as 'users')
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const plan = (over: Record<string, unknown> = {}) => ({
  clientKey,
  sections: [
    {
      levelKey: 'level_3',
      ownMeasures: ['Lập chốt kiểm soát tại cầu Đoàn Kết'],
      tasks: [{ title: 'Lập chốt kiểm soát ra vào xã', responsibleUnitId: unit[DOAN_KET], dueAfterHours: 12 }],
      requirements: [
        { kind: 'item', code: 'rapid_antigen_kit', quantity: 500 },
        { kind: 'quarantine_place', code: 'quarantine_place', quantity: 10 },
      ],
    },
  ],
  ...over,
});

describe('a commune keeps a response plan, approved by the level above', () => {
  it('refuses a section for a level the active rule set does not have, writing nothing', async () => {
    const bad = plan({ clientKey: randomUUID(), sections: [{ levelKey: 'level_9', tasks: [], requirements: [] }] });
    const r = await officer.post(`/api/plans/units/${unit[DOAN_KET]}/versions`, bad);
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('không có cấp độ này');
    expect(await count('response_plans')).toBe(0);
  });

  it('refuses another commune’s officer', async () => {
    expect((await neighbour.post(`/api/plans/units/${unit[DOAN_KET]}/versions`, plan())).statusCode).toBe(404);
  });

  it('saves a version once however often it is sent, then submits it to the CDC', async () => {
    const first = await officer.post(`/api/plans/units/${unit[DOAN_KET]}/versions`, plan());
    expect(first.statusCode, first.body).toBe(201);
    const again = await officer.post(`/api/plans/units/${unit[DOAN_KET]}/versions`, plan());
    const v = first.json<PlanVersionView>();
    expect(again.json<PlanVersionView>().id).toBe(v.id);
    expect(v).toMatchObject({ version: 1, status: 'draft' });
    expect(v.sections[0]!.ruleSetMeasures.length).toBeGreaterThan(0);
    versionId = v.id;
    expect((await officer.post(`/api/plans/versions/${versionId}/submit`)).json<PlanVersionView>().status).toBe(
      'submitted',
    );
  });

  it('the commune cannot approve its own plan; the CDC approves it; Bình Lư stays without one', async () => {
    expect((await officer.post(`/api/plans/versions/${versionId}/review`, { decision: 'approve' })).statusCode).toBe(
      403,
    );
    const r = await cdc.post(`/api/plans/versions/${versionId}/review`, { decision: 'approve' });
    expect(r.json<PlanVersionView>().status, r.body).toBe('approved');
    const without = (await cdc.get(`/api/plans?locality=${LAI_CHAU}&withoutApproved=true&limit=500`)).json<{
      items: PlanSummaryView[];
    }>();
    const codes = without.items.map((p) => p.unit.code);
    expect(codes).toContain(BINH_LU);
    expect(codes).not.toContain(DOAN_KET);
  });
});

describe('the steering committee', () => {
  it('records members and, activated by the CDC above, notifies them; a neighbour may not', async () => {
    const put = await officer.request({
      method: 'PUT',
      url: `/api/plans/committees/${unit[DOAN_KET]}/members`,
      payload: {
        members: [
          { fullName: 'Lò Văn Trưởng', role: 'head', phone: '0912000003', userId: officer.user.id, duty: 'Thứ 2–6' },
          { fullName: 'Tòng Thị Phó', role: 'deputy_head', phone: '0912000005' },
        ],
      },
    });
    expect(put.json<CommitteeView>().members, put.body).toHaveLength(2);
    const refused = await neighbour.post(`/api/plans/committees/${unit[DOAN_KET]}/state`, {
      state: 'activated',
      decision: 'QĐ 1/QĐ-BCĐ',
    });
    expect(refused.statusCode).toBe(404);
    const on = await cdc.post(`/api/plans/committees/${unit[DOAN_KET]}/state`, {
      state: 'activated',
      decision: 'QĐ 12/QĐ-BCĐ',
    });
    expect(on.json<CommitteeView>(), on.body).toMatchObject({ state: 'activated', decision: 'QĐ 12/QĐ-BCĐ' });
    const inbox = await db()
      .selectFrom('notification_messages')
      .select('kind')
      .where('recipient_user_id', '=', officer.user.id)
      .execute();
    expect(inbox.map((m) => m.kind)).toContain('committee_activated');
  });
});

describe('activation follows the decided level', () => {
  it('a level-3 decision, once in force, opens the level-3 section with its task and deadline (once)', async () => {
    const s = t.platform.services;
    // Decided three days ago: the 48-hour notice has passed, so the queued job is due.
    const decidedAt = new Date(Date.now() - 3 * 86_400_000);
    const d = await s.riskDecisions.decide(
      sys,
      {
        locality: DOAN_KET,
        levelKey: 'level_3',
        reason: 'Ổ dịch tại bản Đoàn Kết',
        signerName: 'Trần Văn Chủ',
        signerCapacity: 'chair',
        clientKey: randomUUID(),
      },
      decidedAt,
    );
    expect(await s.jobQueue.drain(LEVEL_IN_FORCE_QUEUE)).toBe(1);
    // The job again (a retry): nothing more opens.
    expect(await s.planActivation.applyLevel(DOAN_KET, new Date(d.effectiveFrom))).toBe(0);
    const list = (await officer.get(`/api/plans/activations?unit=${unit[DOAN_KET]}&open=true`)).json<{
      items: ActivationView[];
    }>();
    expect(list.items).toHaveLength(1);
    const a = list.items[0]!;
    expect(a).toMatchObject({ levelKey: 'level_3', progressPercent: 0 });
    expect(a.tasks[0]).toMatchObject({ title: 'Lập chốt kiểm soát ra vào xã', mayComplete: true });
    expect(new Date(a.tasks[0]!.dueAt).getTime() - new Date(d.effectiveFrom).getTime()).toBe(12 * 3_600_000);
    expect(a.measures).toContain('Lập chốt kiểm soát tại cầu Đoàn Kết');
    const told = await db()
      .selectFrom('notification_messages')
      .select('kind')
      .where('recipient_user_id', '=', officer.user.id)
      .where('kind', '=', 'plan_activated')
      .execute();
    expect(told).toHaveLength(1);
    const done = await officer.post(`/api/plans/activation-tasks/${a.tasks[0]!.id}/done`);
    expect(done.json<ActivationView>().progressPercent, done.body).toBe(100);
    expect((await officer.post(`/api/plans/activation-tasks/${a.tasks[0]!.id}/done`)).statusCode).toBe(409);
  });

  it('shows readiness for level 3: test kits and quarantine places short; the province sees its communes', async () => {
    const r = (await officer.get(`/api/plans/readiness?unit=${unit[DOAN_KET]}&level=3`)).json<ReadinessView>();
    expect(r.hasPlan).toBe(true);
    expect(r.shortfalls.find((x) => x.code === 'rapid_antigen_kit')).toMatchObject({ required: 500, quantity: 500 });
    expect(r.readinessPercent).toBe(0);
    const area = await cdc.get(`/api/plans/readiness/area?locality=${LAI_CHAU}&level=3&limit=500`);
    const v = area.json<AreaReadinessView>();
    expect(v.items.find((u) => u.unit.code === DOAN_KET)?.hasPlan, area.body).toBe(true);
    expect(v.items.find((u) => u.unit.code === BINH_LU)?.hasPlan).toBe(false);
    // Keyset pages of one unit walk the same units; shortOnly keeps those with a plan that lack something.
    const walked: string[] = [];
    let after: string | null = null;
    do {
      const page: AreaReadinessView = (
        await cdc.get(`/api/plans/readiness/area?level=3&limit=1${after ? `&after=${after}` : ''}`)
      ).json<AreaReadinessView>();
      walked.push(...page.items.map((u) => u.unit.code));
      after = page.nextCursor;
    } while (after);
    expect(walked).toEqual(v.items.map((u) => u.unit.code));
    const short = (
      await cdc.get(`/api/plans/readiness/area?locality=${LAI_CHAU}&level=3&shortOnly=true`)
    ).json<AreaReadinessView>();
    expect(short.items.map((u) => u.unit.code)).toContain(DOAN_KET);
    expect(short.items.map((u) => u.unit.code)).not.toContain(BINH_LU);
    const sheet = await cdc.get(`/api/plans/readiness/area/export.csv?locality=${LAI_CHAU}&level=3`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.body).toContain(DOAN_KET);
    expect(sheet.body).toMatch(/Kit test nhanh|thiếu 500/);
    expect((await officer.get(`/api/plans/readiness/area?locality=${LAI_CHAU}&level=3`)).statusCode).toBe(404);
    expect((await officer.get(`/api/plans/readiness/area?locality=${DOAN_KET}&level=3`)).statusCode).toBe(403);
    expect((await officer.get(`/api/plans/readiness?unit=${unit[DOAN_KET]}&level=9`)).statusCode).toBe(400);
  });

  it('what if level 4 tomorrow: nothing opens (no section), the readiness is nil', async () => {
    const w = (await officer.get(`/api/plans/what-if?unit=${unit[DOAN_KET]}&level=4`)).json<WhatIfView>();
    expect(w).toMatchObject({ levelKey: 'level_4', wouldOpen: false, wouldClose: [] });
    const w1 = (await officer.get(`/api/plans/what-if?unit=${unit[DOAN_KET]}&level=1`)).json<WhatIfView>();
    expect(w1.wouldClose.map((c) => c.levelKey)).toEqual(['level_3']);
  });

  it('going down a level closes the section that no longer applies', async () => {
    const s = t.platform.services;
    // The risk module refuses a lowering while treatment capacity is not shown (C3 of Resolution
    // 128): the lowering is written as the risk module would, and the job applies it.
    const at = new Date();
    await sql`insert into risk_level_decisions (locality_code, locality_path, rule_set_code, rule_set_version,
        computed_level, level_key, level_number, kind, reason, effective_from, issuer_code, issuer_name, document_year,
        document_serial, document_symbol, signed_on, signer_name, signer_capacity, legal_bases)
      select locality_code, locality_path, rule_set_code, rule_set_version, computed_level, 'level_1', 1, 'override',
        'Không còn ca mắc mới', ${at}, issuer_code, issuer_name, document_year, document_serial + 1, document_symbol,
        signed_on, signer_name, signer_capacity, legal_bases
      from risk_level_decisions where locality_code = ${DOAN_KET} order by effective_from desc limit 1`.execute(db());
    expect(await s.planActivation.applyLevel(DOAN_KET, at)).toBe(0);
    const open = (await officer.get(`/api/plans/activations?unit=${unit[DOAN_KET]}&open=true`)).json<{
      items: ActivationView[];
    }>();
    expect(open.items).toHaveLength(0);
    const all = (await officer.get(`/api/plans/activations?unit=${unit[DOAN_KET]}`)).json<{
      items: ActivationView[];
    }>();
    expect(all.items[0]!.closedAt).not.toBeNull();
    const audited = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'plan_activation')
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual([
      'activate_plan',
      'close_plan_activation',
      'complete_plan_task',
    ]);
  });
});
