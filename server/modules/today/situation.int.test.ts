import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SituationView } from '../../../core/schemas/situation.ts';
import { addDays, vietnamToday } from '../../../core/vietnam-calendar.ts';
import { registerCase } from '../../commands/register-case.ts';
import { systemActor } from '../../shared/actor.ts';
import { personRef } from '../../testing/factories.ts';
import { BINH_LU, createTestPlatform, DOAN_KET, LAI_CHAU, type TestPlatform } from '../../testing/test-platform.ts';

let t: TestPlatform;
const today = vietnamToday();
const yesterday = addDays(today, -1);
const sys = systemActor('test');

beforeAll(async () => {
  t = await createTestPlatform();
  const { tracing, quarantine } = t.platform.services;
  const caseOn = (name: string, day: string, classification: 'community' | 'imported') =>
    registerCase(t.platform.services, sys, {
      clientKey: randomUUID(),
      subject: personRef(name, { birthYear: 1971 }),
      sampleDate: day,
      confirmedDate: day,
      classification,
      sourceCaseIds: [],
    });
  const index = await caseOn('Ca hôm nay', today, 'community');
  await caseOn('Ca hôm qua', yesterday, 'community');
  await caseOn('Ca nhập cảnh hôm qua', yesterday, 'imported');
  await tracing.declare(sys, index.id, { subject: personRef('Chờ xác nhận', { birthYear: 1980 }) });
  const db = t.platform.database.db;
  const place = await db.selectFrom('localities').select('path').where('code', '=', DOAN_KET).executeTakeFirstOrThrow();
  const f = await db
    .insertInto('facilities')
    .values({
      name: 'Khu cách ly',
      kind: 'concentrated',
      locality_code: DOAN_KET,
      locality_path: place.path,
      address_line: 'Tổ 1',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('facility_capacity')
    .values({ facility_id: f.id, kind: 'quarantine_place', capacity: 5 })
    .execute();
  // In quarantine since yesterday: counted on both days; its scheduled tests were ordered today.
  await quarantine.admit(sys, {
    clientKey: randomUUID(),
    subject: personRef('Đang cách ly', { birthYear: 1990 }),
    reason: 'arrival',
    facilityId: f.id,
    startsOn: yesterday,
    vaccinatedOrRecovered: false,
  });
  // The setup registers cases (each traced): generous on a shared, busy machine.
}, 180_000);
afterAll(async () => t.close());

const kinds = (v: SituationView) => v.figures.map((f) => f.kind);
const figure = (v: SituationView, kind: string) => v.figures.find((f) => f.kind === kind);

describe("the home page's situation", () => {
  it("gives the health department every figure of its province beside yesterday's, with links and levels", async () => {
    const cdc = await t.signIn('health_department', LAI_CHAU);
    const res = await cdc.get('/api/today/situation');
    expect(res.statusCode).toBe(200);
    const v = res.json() as SituationView;
    expect(v).toMatchObject({ date: today, locality: { code: LAI_CHAU } });
    expect(kinds(v)).toEqual([
      'cases_community',
      'cases_in_quarantine',
      'cases_imported',
      'people_in_quarantine',
      'tests_pending',
      'beds_occupied',
      'contacts_to_confirm',
      'levels_to_decide',
    ]);
    expect(figure(v, 'cases_community')).toEqual({
      kind: 'cases_community',
      value: 1,
      yesterday: 1,
      link: `/cases?classification=community&confirmedFrom=${today}&confirmedTo=${today}`,
    });
    expect(figure(v, 'cases_imported')).toMatchObject({ value: 0, yesterday: 1 });
    expect(figure(v, 'people_in_quarantine')).toMatchObject({ value: 1, yesterday: 1, link: '/quarantine' });
    expect(figure(v, 'contacts_to_confirm')).toMatchObject({
      value: 1,
      yesterday: 0,
      link: '/cases?tab=follow-up&status=proposed',
    });
    const tests = figure(v, 'tests_pending')!;
    expect(tests.value).toBeGreaterThan(0);
    expect(tests.yesterday).toBe(0);
    expect(figure(v, 'beds_occupied')).toMatchObject({ value: 0, yesterday: 0, link: '/treatment' });
    // Every commune of the province has its level, each one of the rule set's.
    const keys = v.levels!.ruleSet.levels.map((l) => l.key);
    expect(v.levels!.communes).toHaveLength(38);
    expect(v.levels!.communes.every((c) => keys.includes(c.level))).toBe(true);
  });

  it("scopes a commune officer to their commune and refuses a neighbour's", async () => {
    const officer = await t.signIn('commune_officer', BINH_LU);
    const v = (await officer.get('/api/today/situation')).json() as SituationView;
    expect(v.locality.code).toBe(BINH_LU);
    expect(v.figures.every((f) => f.value === 0 && f.yesterday === 0)).toBe(true);
    expect(v.levels!.communes.map((c) => c.code)).toEqual([BINH_LU]);
    expect((await officer.get(`/api/today/situation?locality=${DOAN_KET}`)).statusCode).toBe(404);
    const theirs = (await (await t.signIn('commune_officer', DOAN_KET)).get('/api/today/situation')).json();
    expect(figure(theirs, 'cases_community')).toMatchObject({ value: 1, yesterday: 1 });
  });

  it('shows a role only the figures it may read', async () => {
    // Inspectors read aggregates (beds, levels), never cases, people in quarantine or tests.
    const inspector = (await (await t.signIn('inspector', LAI_CHAU)).get('/api/today/situation')).json();
    expect(kinds(inspector)).toEqual(['beds_occupied', 'levels_to_decide']);
    expect(inspector.levels.communes).toHaveLength(38);
    // Facility staff: their facilities' people and beds only (none bound here), no cases, no levels.
    const staff = (await (await t.signIn('facility_staff', LAI_CHAU)).get('/api/today/situation')).json();
    expect(kinds(staff)).toEqual(['people_in_quarantine', 'tests_pending', 'beds_occupied']);
    expect(staff.figures.every((f: { value: number }) => f.value === 0)).toBe(true);
    expect(staff.levels).toBeNull();
    const organisation = (await (await t.signIn('organisation_admin', DOAN_KET)).get('/api/today/situation')).json();
    expect(organisation).toMatchObject({ figures: [], levels: null });
  });
});
