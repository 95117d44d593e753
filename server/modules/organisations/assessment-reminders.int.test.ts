import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterOrganisationRequest } from '../../../core/schemas/organisations.ts';
import { systemActor } from '../../shared/actor.ts';
import {
  BINH_LU,
  DOAN_KET,
  createTestPlatform,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';
import { highRisk2194Answers, organisationBody, registerOrganisation } from './organisation-fixtures.ts';

let t: TestPlatform;
let owner: TestClient;
let officer: TestClient;
let neighbour: TestClient;
const db = () => t.platform.database.db;
const svc = () => t.platform.services;
/** A day ago: the reminders it schedules (08:00 of a past day) are due, whatever the hour the suite runs. */
const yesterday = () => new Date(Date.now() - 86_400_000);

beforeAll(async () => {
  t = await createTestPlatform();
  owner = await t.signIn('organisation_admin', DOAN_KET);
  officer = await t.signIn('commune_officer', DOAN_KET);
  neighbour = await t.signIn('commune_officer', BINH_LU);
});
afterAll(async () => t.close());

const inboxTitles = async (c: TestClient) =>
  (await c.get('/api/inbox?limit=100')).json<{ items: { title: string }[] }>().items.map((i) => i.title);

describe('scheduled reminders (the reusable API)', () => {
  it('schedules once per key, sends when due if the condition still holds, keeps later ones waiting', async () => {
    const open = new Set(['report-1', 'report-2']);
    svc().reminders.registerCondition('test-report-open', async (_db, p) => open.has(String(p.report)));
    const remind = (key: string, report: string, at: Date) =>
      svc().reminders.schedule(db(), {
        key,
        at,
        recipientUserIds: [officer.user.id, officer.user.id],
        message: {
          kind: 'report_reminder',
          title: { vi: `Nhắc nộp ${report}`, en: `Submit ${report}` },
          body: { vi: 'Hạn nộp trước thứ Tư', en: 'Due before Wednesday' },
        },
        condition: { name: 'test-report-open', params: { report } },
      });
    expect(await remind('r1', 'report-1', yesterday())).toEqual({ created: true });
    expect(await remind('r1', 'report-1', yesterday())).toEqual({ created: false });
    await remind('r2', 'report-2', yesterday());
    await remind('r3', 'report-1', new Date(Date.now() + 3_600_000));
    // Submitted meanwhile: the second reminder's condition no longer holds when it falls due.
    open.delete('report-2');
    expect(await svc().reminders.drain()).toBe(2);
    expect((await svc().reminders.find(db(), 'r1'))?.status).toBe('sent');
    expect((await svc().reminders.find(db(), 'r2'))?.status).toBe('skipped');
    expect((await svc().reminders.find(db(), 'r3'))?.status).toBe('scheduled');
    const titles = await inboxTitles(officer);
    expect(titles.filter((x) => x === 'Nhắc nộp report-1')).toHaveLength(1);
    expect(titles).not.toContain('Nhắc nộp report-2');
    await expect(
      svc().reminders.schedule(db(), {
        key: 'x',
        at: new Date(),
        recipientUserIds: [officer.user.id],
        message: { kind: 'x', title: { vi: 'x', en: 'x' }, body: { vi: 'x', en: 'x' } },
        condition: { name: 'nobody-registered-this', params: {} },
      }),
    ).rejects.toThrow(/unknown reminder condition/);
  });
});

describe('self-assessment reminders of organisations', () => {
  it("remind the contact and the commune's officers of an overdue assessment until it is submitted", async () => {
    const withContact = await registerOrganisation(owner, { name: 'Công ty Nhắc Hạn' });
    const withoutContact = await svc().organisations.register(
      systemActor('test'),
      organisationBody({ name: 'Hợp tác xã Không Tài Khoản' }) as RegisterOrganisationRequest,
    );
    for (const id of [withContact.id, withoutContact.id]) {
      expect((await officer.post(`/api/organisations/${id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    }
    // Approved five days ago and never assessed: four days late as of yesterday.
    await sql`update organisations set decided_at = now() - interval '5 days'
      where id in (${withContact.id}, ${withoutContact.id})`.execute(db());

    const first = await svc().assessmentReminders.scheduleDue(yesterday());
    expect(first).toBeGreaterThanOrEqual(2);
    expect(await svc().assessmentReminders.scheduleDue(yesterday())).toBe(0);

    // The contact submits before the reminders go out: theirs is dropped, the other's is sent.
    const submitted = await owner.post(`/api/organisations/${withContact.id}/assessments`, {
      clientKey: randomUUID(),
      template: 'qd2194',
      answers: highRisk2194Answers(),
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    await svc().reminders.drain();

    const officerTitles = await inboxTitles(officer);
    expect(officerTitles).toContain('Quá hạn tự đánh giá an toàn COVID: Hợp tác xã Không Tài Khoản');
    expect(officerTitles.some((x) => x.includes('Công ty Nhắc Hạn'))).toBe(false);
    expect((await inboxTitles(owner)).some((x) => x.includes('Công ty Nhắc Hạn'))).toBe(false);
    expect((await inboxTitles(neighbour)).some((x) => x.includes('Không Tài Khoản'))).toBe(false);
    const en = await officer.request({
      method: 'GET',
      url: '/api/inbox?limit=100',
      headers: { 'accept-language': 'en' },
    });
    expect(en.body).toContain('has not assessed its COVID safety');
    expect(en.body).toContain('4 days late');
  });
});
