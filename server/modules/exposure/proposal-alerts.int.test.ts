import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamMidnight, vietnamToday } from '../../../core/vietnam-calendar.ts';
import { registerCase } from '../../commands/register-case.ts';
import { systemActor } from '../../shared/actor.ts';
import { approvedVenue, declare } from '../../testing/factories.ts';
import { createTestPlatform, DOAN_KET, type TestClient, type TestPlatform } from '../../testing/test-platform.ts';

/**
 * Alerts to contacts the tracing engine proposes (issue 20: "an automatic proposal above a
 * threshold reaches the person"): 60 minutes with the case by default, before any investigator.
 */
let t: TestPlatform;
let officer: TestClient;
const db = () => t.platform.database.db;
const H = 3_600_000;
const yesterday = vietnamMidnight(addDays(vietnamToday(), -1)).getTime();

// Each in a house of their own: a household member is alerted whatever the minutes.
async function declared(alerts: boolean, house: string): Promise<string> {
  const { body } = await declare(t, {
    consent: { accepted: true, noticeVersion: '2026-01', alerts },
    person: { addressLine: `Nhà số ${house}, tổ 5` },
  });
  return (
    await db().selectFrom('people').select('id').where('id_number', '=', body.person.idNumber).executeTakeFirstOrThrow()
  ).id;
}

const messagesOf = (personId: string) =>
  db()
    .selectFrom('citizen_messages')
    .select(['kind', 'body'])
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .execute();

let long: string;
let short: string;
let declined: string;
let withdrew: string;
let caseId: string;

beforeAll(async () => {
  t = await createTestPlatform();
  officer = await t.signIn('commune_officer', DOAN_KET);
  await t.platform.services.checkins.ensurePartitions(new Date(yesterday - 2 * 24 * H), new Date());
  const venue = (await approvedVenue(db(), { communeCode: DOAN_KET, name: 'Chợ thử' })).id;
  const index = await declared(false, '1');
  long = await declared(true, '2');
  short = await declared(true, '3');
  declined = await declared(false, '4');
  withdrew = await declared(true, '5');
  await t.platform.services.peopleRegistry.recordConsent(db(), {
    personId: withdrew,
    purpose: 'exposure_alerts',
    noticeVersion: '2026-01',
    ip: null,
    locale: 'vi',
    withdrawn: true,
  });
  const stay = (personId: string, from: number, to: number) =>
    db()
      .insertInto('checkins')
      .values({
        venue_id: venue,
        person_id: personId,
        checked_in_at: new Date(yesterday + from * H),
        checked_out_at: new Date(yesterday + to * H),
        mode: 'visitor_scan',
        commune_code: DOAN_KET,
      })
      .execute();
  await stay(index, 9, 11);
  await stay(long, 9.5, 11); // 90 minutes with the case
  await stay(short, 10.5, 11); // 30 minutes
  await stay(declined, 9.5, 11);
  await stay(withdrew, 9.5, 11);
  caseId = (
    await registerCase(t.platform.services, systemActor('test'), {
      clientKey: randomUUID(),
      subject: { personId: index },
      sampleDate: vietnamToday(),
      confirmedDate: vietnamToday(),
      classification: 'community',
      sourceCaseIds: [],
    })
  ).id;
});
afterAll(async () => t.close());

describe('alerts to proposed contacts', () => {
  it('alerts a proposal of 60 minutes or more who agreed, once, and not one of 30 minutes', async () => {
    const [alert] = await messagesOf(long);
    expect(alert).toMatchObject({ kind: 'contact_proposal' });
    expect(alert!.body).toMatch(/^PhongDich: bạn có thể đã tiếp xúc gần người nhiễm\. Hãy ở nhà/);
    expect(alert!.body).not.toContain('Chợ thử');
    expect(await messagesOf(short)).toEqual([]);
    // As long with the case, but never agreed, or agreed and withdrew.
    expect(await messagesOf(declined)).toEqual([]);
    expect(await messagesOf(withdrew)).toEqual([]);

    // Tracing again (a rerun by the investigator) sends nothing more.
    await t.platform.services.tracing.rerun(systemActor('test'), caseId);
    expect(await messagesOf(long)).toHaveLength(1);

    // Confirmed later: the person is told their level as well.
    const contact = await db()
      .selectFrom('contacts')
      .select('id')
      .where('case_id', '=', caseId)
      .where('person_id', '=', long)
      .executeTakeFirstOrThrow();
    expect((await officer.post(`/api/contacts/${contact.id}/decision`, { decision: 'confirm' })).statusCode).toBe(200);
    expect((await messagesOf(long)).map((m) => m.kind)).toEqual(['contact_proposal', 'contact_alert']);
  });
});
