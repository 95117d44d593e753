import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining } from '../../../core/rules/reporting-periods.ts';
import { qd2194_2020 } from '../../../core/rules/workplaces/templates/qd2194.ts';
import type { ReportView } from '../../../core/schemas/reports.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { caseIn, stayIn, testingIn } from '../../http/jurisdiction-fixtures.ts';
import { systemActor } from '../../shared/actor.ts';
import { approvedVenue, declare } from '../../testing/factories.ts';
import { createTestPlatform, DOAN_KET, LAI_CHAU, type TestPlatform } from '../../testing/test-platform.ts';
import { highRisk2194Answers, organisationBody } from '../organisations/organisation-fixtures.ts';

/**
 * The prefill counts what each module recorded for the unit's area in the period: one record of
 * every kind in Đoàn Kết this week, none of them in the province's other communes.
 */
const sys = systemActor('test');
const week = periodContaining('weekly', new Date());
let t: TestPlatform;
let view: ReportView;

beforeAll(async () => {
  t = await createTestPlatform();
  const s = t.platform.services;
  const db = t.platform.database.db;
  await s.units.ensureProvinceUnits(sys, LAI_CHAU);
  const theCase = await caseIn(t, DOAN_KET); // confirmed 2026-11-02, with a declared F1 made now
  await testingIn(t, DOAN_KET); // two campaign samples and a positive RT-PCR sample, now
  await stayIn(t, DOAN_KET, theCase.personId); // home quarantine from today
  const citizen = (await declare(t, { person: { communeCode: DOAN_KET } })).result;
  await s.declarations.arrival(
    citizen.session.token,
    {
      clientKey: randomUUID(),
      originKind: 'country',
      originCountry: 'LA',
      vehicleType: 'bus',
      departedOn: vietnamToday(),
      arrivedOn: vietnamToday(),
      destinationCommuneCode: DOAN_KET,
    },
    { ip: null, requestId: null, locale: 'vi' },
  );
  const venue = await approvedVenue(db, { communeCode: DOAN_KET });
  const person = await db.selectFrom('people').select('id').limit(1).executeTakeFirstOrThrow();
  await db
    .insertInto('checkins')
    .values({
      venue_id: venue.id,
      person_id: person.id,
      checked_in_at: new Date(),
      mode: 'visitor_scan',
      commune_code: DOAN_KET,
    })
    .execute();
  const org = await s.organisations.register(sys, organisationBody() as Parameters<typeof s.organisations.register>[1]);
  await s.organisations.decide(sys, org.id, { decision: 'approve' });
  await s.organisationAssessments.submitAssessment(sys, org.id, {
    clientKey: randomUUID(),
    template: qd2194_2020.code,
    answers: highRisk2194Answers(),
  });
  const unit = await db
    .selectFrom('reporting_units')
    .select('id')
    .where('code', '=', DOAN_KET)
    .executeTakeFirstOrThrow();
  view = await s.reports.form(sys, { unit: unit.id, period: week.id, template: 'weekly-covid' });
});
afterAll(async () => t.close());

const computed = () => Object.fromEntries(view.sections.flatMap((s) => s.fields).map((f) => [f.key, f.computed]));

describe('the prefilled figures of a commune’s week', () => {
  it('counts cases by classification: the case of 2 November is cumulative, not new', () => {
    expect(computed()).toMatchObject({
      cases_new_community: 0,
      cases_cumulative_community: 1,
      cases_new_imported: 0,
      cases_cumulative_in_quarantine: 0,
    });
  });

  it('counts samples taken, resulted and positive in the week', () => {
    expect(computed()).toMatchObject({ tests_taken: 3, tests_resulted: 1, tests_positive: 1 });
  });

  it('counts the home quarantine as current and new, in no other setting', () => {
    expect(computed()).toMatchObject({
      quarantine_home_current: 1,
      quarantine_home_new: 1,
      quarantine_home_released: 0,
      quarantine_concentrated_current: 0,
      quarantine_health_facility_new: 0,
    });
  });

  it('counts the F1 traced, the declarations, the flagged arrival and the check-in', () => {
    expect(computed()).toMatchObject({
      contacts_f1_traced: 1,
      contacts_f2_traced: 0,
      arrivals_from_epidemic_areas: 1,
      checkins: 1,
      health_declarations: 1,
    });
  });

  it('counts the organisation assessed, in its group', () => {
    expect(computed()).toMatchObject({ organisations_assessed: 1, organisations_high: 1, organisations_low: 0 });
  });

  it('asks by hand for what no module records yet', () => {
    expect(computed()).toMatchObject({ inspections_done: null, fines_vnd: null, stocks_below_minimum: null });
  });
});
