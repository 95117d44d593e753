import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { systemActor } from '../../shared/actor.ts';
import {
  BINH_LU,
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';
import { cccd } from '../../testing/factories.ts';
import { registerOrganisation } from '../organisations/organisation-fixtures.ts';

/**
 * The plan form's team is chosen among the accounts of the inspecting unit's area, by its officers
 * only; the public page is cached a minute, and its file for the media, read without a login,
 * names the organisation decided final and never an individual without a publication decision.
 */
let t: TestPlatform;
let officer: TestClient;
let inspector: TestClient;
let neighbour: TestClient;
let unitId: string;
const sys = systemActor('test');
const today = vietnamToday();

beforeAll(async () => {
  t = await createTestPlatform();
  const s = t.platform.services;
  await s.units.ensureProvinceUnits(sys, LAI_CHAU);
  officer = await t.signIn('commune_officer', DOAN_KET);
  inspector = await t.signIn('inspector', DOAN_KET);
  neighbour = await t.signIn('commune_officer', BINH_LU);
  await s.units.addOfficer(sys, DOAN_KET, officer.user.id, '0912000003');
  await s.units.addOfficer(sys, BINH_LU, neighbour.user.id, '0912000004');
  const db = t.platform.database.db;
  unitId = (await db.selectFrom('reporting_units').select('id').where('code', '=', DOAN_KET).executeTakeFirstOrThrow())
    .id;
});
afterAll(async () => t.close());

describe('the team of a plan', () => {
  it("lists the accounts of the unit's area by name, to the unit's officers only", async () => {
    const username = (await t.platform.database.db
      .selectFrom('users')
      .select('username')
      .where('id', '=', inspector.user.id)
      .executeTakeFirstOrThrow())!.username;
    const found = await officer.get(`/api/inspections/team-candidates?unit=${unitId}&q=${username}`);
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((u: { id: string }) => u.id)).toEqual([inspector.user.id]);
    expect(found.json().items[0]).not.toHaveProperty('phone');
    expect((await neighbour.get(`/api/inspections/team-candidates?unit=${unitId}`)).statusCode).toBe(403);
    expect((await inspector.get(`/api/inspections/team-candidates?unit=${unitId}`)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/inspections/team-candidates?unit=${unitId}` })).statusCode).toBe(401);
  });

  it("is made of active accounts of the unit's area or above: another commune's or a disabled one is refused", async () => {
    const db = t.platform.database.db;
    const leaver = await t.signIn('inspector', DOAN_KET);
    await db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', leaver.user.id).execute();
    const province = await t.signIn('health_department', LAI_CHAU);
    const plan = (memberUserIds: string[]) => ({
      clientKey: randomUUID(),
      unitId,
      title: 'Kiểm tra các bản',
      periodFrom: today,
      periodTo: today,
      leaderUserId: inspector.user.id,
      memberUserIds,
      targets: [
        {
          kind: 'village',
          name: 'Bản Phiêng Lúc',
          localityCode: DOAN_KET,
          checklist: 'commune_committee',
          scheduledOn: today,
        },
      ],
    });
    const refused = await officer.request({
      method: 'POST',
      url: '/api/inspections/plans',
      headers: { 'accept-language': 'en' },
      payload: plan([neighbour.user.id, leaver.user.id]),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'memberUserIds.0',
      'memberUserIds.1',
    ]);
    expect(refused.json().error.details[0].message).toMatch(
      /active account of the inspecting unit's area or a level above/,
    );
    // The form does not offer the disabled account; an official of the province may join.
    const offered = (await officer.get(`/api/inspections/team-candidates?unit=${unitId}&limit=100`)).json();
    expect(offered.items.map((u: { id: string }) => u.id)).not.toContain(leaver.user.id);
    expect((await officer.post('/api/inspections/plans', plan([province.user.id]))).statusCode).toBe(201);
  });
});

describe("the province's publication", () => {
  it('serves the page cached and the file for the media without login, an individual never named', async () => {
    const s = t.platform.services;
    const plan = await s.inspections.create(sys, {
      clientKey: randomUUID(),
      unitId,
      title: 'Kiểm tra chợ',
      periodFrom: today,
      periodTo: today,
      leaderUserId: inspector.user.id,
      memberUserIds: [],
      targets: [
        { kind: 'venue', name: 'Chợ Đoàn Kết', localityCode: DOAN_KET, checklist: 'market', scheduledOn: today },
      ],
    });
    const visitKey = randomUUID();
    await s.inspectionVisits.submit(sys, {
      clientKey: visitKey,
      targetId: plan.targetList[0]!.id,
      startedAt: new Date().toISOString(),
      complete: false,
      findings: [{ itemKey: 'masks', result: 'fail' }],
    });
    const fine = { decidedOn: today, paymentDueOn: today, final: true };
    for (const [kind, name, amountVnd] of [
      ['organisation', 'Hộ kinh doanh Chợ Phiên', 2_000_000],
      ['individual', 'Lò Thị Phiên', 1_000_000],
    ] as const)
      await s.violations.record(sys, {
        clientKey: randomUUID(),
        visitKey,
        articleCode: '12.1a',
        subject: { kind, name },
        committedOn: today,
        description: 'Không đeo khẩu trang',
        fine: { ...fine, amountVnd },
      });

    const page = await t.app.inject({ url: `/api/public/inspections/violations?province=${LAI_CHAU}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('public, max-age=60');
    expect(page.json().items.map((r: { name: string }) => r.name)).toEqual(['Hộ kinh doanh Chợ Phiên']);

    const csv = await t.app.inject({ url: `/api/public/inspections/violations/export.csv?province=${LAI_CHAU}` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Hộ kinh doanh Chợ Phiên');
    expect(csv.body).toContain('2000000');
    expect(csv.body).not.toContain('Lò Thị Phiên');
    const xlsx = await t.app.inject({ url: `/api/public/inspections/violations/export.xlsx?province=${LAI_CHAU}` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe("an organisation's page", () => {
  it('lists the plans it is a target of, to its administrator and the area officials', async () => {
    const owner = await t.signIn('organisation_admin', DOAN_KET);
    const organisationId = (await registerOrganisation(owner, { name: 'Công ty Chè Tam Đường' })).id;
    await t.platform.services.inspections.create(sys, {
      clientKey: randomUUID(),
      unitId,
      title: 'Kiểm tra doanh nghiệp chè',
      periodFrom: today,
      periodTo: today,
      leaderUserId: inspector.user.id,
      memberUserIds: [],
      targets: [{ kind: 'organisation', organisationId, checklist: 'organisation', scheduledOn: today }],
    });
    const titles = async (c: TestClient, id: string) =>
      (await c.get(`/api/inspections/plans?organisation=${id}`)).json().items.map((p: { title: string }) => p.title);
    expect(await titles(owner, organisationId)).toEqual(['Kiểm tra doanh nghiệp chè']);
    expect(await titles(officer, organisationId)).toEqual(['Kiểm tra doanh nghiệp chè']);
    expect(await titles(officer, randomUUID())).toEqual([]);
    expect(await titles(neighbour, organisationId)).toEqual([]);
  });
});

describe("a person's record", () => {
  it('shows their violations to the officials of their area only, and logs the read', async () => {
    const db = t.platform.database.db;
    const document = cccd(1988);
    const commune = await db
      .selectFrom('localities')
      .select('path')
      .where('code', '=', DOAN_KET)
      .executeTakeFirstOrThrow();
    const person = await db
      .insertInto('people')
      .values({
        id_type: 'cccd',
        id_number: document,
        full_name: 'Vàng A Chứ',
        birth_year: 1988,
        gender: 'male',
        phone: null,
        phone_verified_at: null,
        email: null,
        commune_code: DOAN_KET,
        locality_path: commune.path,
        address_line: null,
        f_level: null,
        erased_at: null,
        household_key: null,
        name_key: null,
        merged_into: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const plan = await t.platform.services.inspections.create(sys, {
      clientKey: randomUUID(),
      unitId,
      title: 'Kiểm tra chốt',
      periodFrom: today,
      periodTo: today,
      leaderUserId: inspector.user.id,
      memberUserIds: [],
      targets: [
        {
          kind: 'checkpoint',
          name: 'Chốt Đoàn Kết',
          localityCode: DOAN_KET,
          checklist: 'border_checkpoint',
          scheduledOn: today,
        },
      ],
    });
    const visitKey = randomUUID();
    await t.platform.services.inspectionVisits.submit(sys, {
      clientKey: visitKey,
      targetId: plan.targetList[0]!.id,
      startedAt: new Date().toISOString(),
      complete: false,
      findings: [{ itemKey: 'checks', result: 'fail' }],
    });
    await t.platform.services.violations.record(sys, {
      clientKey: randomUUID(),
      visitKey,
      articleCode: '12.4a',
      subject: { kind: 'individual', name: 'Vàng A Chứ', document },
      committedOn: today,
      description: 'Trốn tránh kiểm soát khi qua chốt',
    });
    const url = `/api/inspections/people/${person.id}/violations`;
    const read = await officer.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json().items.map((v: { article: { code: string } }) => v.article.code)).toEqual(['12.4a']);
    const logged = await db.selectFrom('audit_event_subjects').select('person_ids').execute();
    expect(logged.some((r) => r.person_ids.includes(person.id))).toBe(true);
    expect((await neighbour.get(url)).statusCode).toBe(404);
    expect((await inspector.get(url)).statusCode).toBe(403);
  });
});
