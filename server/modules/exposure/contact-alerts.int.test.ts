import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { registerCase } from '../../commands/register-case.ts';
import { systemActor } from '../../shared/actor.ts';
import { declare } from '../../testing/factories.ts';
import { createTestPlatform, DOAN_KET, type TestClient, type TestPlatform } from '../../testing/test-platform.ts';
import { contactAlertText } from './contact-alerts.ts';

/** SMS alerts to confirmed close contacts who agreed (issue 20). */
let t: TestPlatform;
let officer: TestClient;
let caseId: string;
const db = () => t.platform.database.db;
const today = vietnamToday();

async function contactOf(consentToAlerts: boolean, locale: 'vi' | 'en' = 'vi') {
  const { body } = await declare(t, {
    consent: { accepted: true, noticeVersion: '2026-01', alerts: consentToAlerts },
  });
  const person = await db()
    .selectFrom('people')
    .select(['id', 'phone'])
    .where('id_number', '=', body.person.idNumber)
    .executeTakeFirstOrThrow();
  // The consent's language is the declaring request's: as if this person had declared in English.
  if (locale === 'en')
    await db().updateTable('consents').set({ locale: 'en' }).where('person_id', '=', person.id).execute();
  const declared = await officer.post(`/api/cases/${caseId}/contacts`, { subject: { personId: person.id } });
  expect(declared.statusCode).toBe(201);
  return { person, contactId: declared.json().id as string };
}
const messagesOf = (personId: string) =>
  db().selectFrom('citizen_messages').selectAll().where('person_id', '=', personId).execute();

beforeAll(async () => {
  t = await createTestPlatform();
  officer = await t.signIn('commune_officer', DOAN_KET);
  const { body } = await declare(t);
  const person = await db()
    .selectFrom('people')
    .select('id')
    .where('id_number', '=', body.person.idNumber)
    .executeTakeFirstOrThrow();
  caseId = (
    await registerCase(t.platform.services, systemActor('test'), {
      clientKey: randomUUID(),
      subject: { personId: person.id },
      sampleDate: today,
      confirmedDate: today,
      classification: 'community',
      sourceCaseIds: [],
    })
  ).id;
});
afterAll(async () => t.close());

describe('SMS alerts to confirmed contacts', () => {
  it('writes one SMS in Vietnamese when a contact who agreed is confirmed, none for one who did not', async () => {
    const agreed = await contactOf(true);
    const refused = await contactOf(false);
    for (const k of [agreed, refused])
      expect((await officer.post(`/api/contacts/${k.contactId}/decision`, { decision: 'confirm' })).statusCode).toBe(
        200,
      );
    const sent = await messagesOf(agreed.person.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'contact_alert', phone: agreed.person.phone, status: 'pending' });
    expect(sent[0]!.body).toContain('F1');
    expect(sent[0]!.body).toContain('trạm y tế xã');
    // Nothing of the case: not its name, number or place.
    const theCase = await db()
      .selectFrom('cases')
      .select(['case_number'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(sent[0]!.body).not.toContain(String(theCase.case_number));
    expect(await messagesOf(refused.person.id)).toEqual([]);

    // Confirmed again (refused as already decided): still one SMS.
    await officer.post(`/api/contacts/${agreed.contactId}/decision`, { decision: 'confirm' });
    expect(await messagesOf(agreed.person.id)).toHaveLength(1);
    // This platform has no SMS gateway: the attempt records why it was not sent.
    await t.platform.services.citizenMessages.deliver(sent[0]!.id);
    expect((await messagesOf(agreed.person.id))[0]).toMatchObject({ status: 'failed' });
  });

  it('writes the SMS in the language the person agreed in', async () => {
    const k = await contactOf(true, 'en');
    await officer.post(`/api/contacts/${k.contactId}/decision`, { decision: 'confirm' });
    const [row] = await messagesOf(k.person.id);
    expect(row!.body).toBe(contactAlertText(1, 'en', t.platform.config.publicUrl));
    expect(row!.body).toMatch(/^PhongDich: you are identified as F1/);
  });
});
