import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { systemActor } from '../../shared/actor.ts';
import { personRef } from '../../testing/factories.ts';
import {
  createTestPlatform,
  DOAN_KET,
  LAI_CHAU,
  type TestClient,
  type TestPlatform,
} from '../../testing/test-platform.ts';
import { AuditRepository } from './audit.repository.ts';
import { DAY_MS } from '../../../core/vietnam-calendar.ts';
import { registerCase } from '../../commands/register-case.ts';

let t: TestPlatform;
let admin: TestClient;
let cdc: TestClient;
const db = () => t.platform.database.db;
const people = (n: number) => Array.from({ length: n }, () => randomUUID());

beforeAll(async () => {
  // Small limits: an hour over 3 people, a day over 5, or over twice the account's own daily average (at least 1).
  t = await createTestPlatform({
    audit: {
      ...loadConfig({}).audit,
      alertPeoplePerHour: 3,
      alertPeoplePerDay: 5,
      alertBaselineFactor: 2,
      alertBaselineFloor: 1,
    },
  });
  admin = await t.signIn('system_admin', LAI_CHAU);
  cdc = await t.signIn('health_department', LAI_CHAU);
  const sys = systemActor('test');
  for (const name of ['Xuất Một', 'Xuất Hai', 'Xuất Ba']) {
    await registerCase(t.platform.services, sys, {
      clientKey: randomUUID(),
      subject: personRef(name),
      sampleDate: '2026-11-01',
      confirmedDate: '2026-11-02',
      classification: 'community',
      sourceCaseIds: [],
    });
  }
});
afterAll(async () => t.close());

const alerts = async (query = '') =>
  (await admin.get(`/api/audit/alerts${query}`)).json<{
    items: {
      id: string;
      kind: string;
      actorName: string;
      entityType: string | null;
      people: number;
      threshold: number | null;
      baseline: number | null;
    }[];
    nextCursor: string | null;
  }>();

describe('alerts in the audit view', () => {
  it('lists every export with the account, what it exported and how many people it named', async () => {
    expect((await cdc.get(`/api/cases/export.xlsx?locality=${DOAN_KET}`)).statusCode).toBe(200);
    const [latest] = (await alerts('?kind=export')).items;
    expect(latest).toMatchObject({ kind: 'export', actorName: cdc.user.username, entityType: 'case', people: 3 });
  });

  it('raises an account that read more people than the hourly and daily limits, once per window, and nobody else', async () => {
    const audit = new AuditRepository();
    const heavy = {
      ...systemActor(),
      userId: cdc.user.id,
      username: cdc.user.username,
      role: 'health_department' as const,
      scope: { code: LAI_CHAU, path: 'VN/12' },
    };
    const light = await t.createUser('commune_officer', DOAN_KET);
    await audit.record(db(), heavy, {
      action: 'read_list',
      entityType: 'contact',
      entityId: null,
      localityPath: 'VN/12',
      subjectIds: people(4),
    });
    await audit.record(db(), heavy, {
      action: 'read',
      entityType: 'case',
      entityId: null,
      localityPath: 'VN/12',
      subjectIds: people(3),
    });
    // Changes are not reads: however many people they touch, they raise nothing.
    await audit.record(
      db(),
      { ...heavy, userId: light.id, username: light.username },
      { action: 'merge', entityType: 'person', entityId: null, subjectIds: people(20) },
    );

    expect(await t.platform.services.auditAlerts.raiseVolumeAlerts()).toBe(3);
    expect(await t.platform.services.auditAlerts.raiseVolumeAlerts()).toBe(0);
    const volume = (await alerts()).items.filter((a) => a.kind !== 'export');
    expect(volume.map((a) => [a.kind, a.actorName, a.threshold]).sort()).toEqual([
      ['above_baseline', cdc.user.username, 2],
      ['people_per_day', cdc.user.username, 5],
      ['people_per_hour', cdc.user.username, 3],
    ]);
    // The export of the first test named 3 people too: 10 people read today.
    expect(volume.every((a) => a.people === 10)).toBe(true);
  });

  it("does not call an account's usual volume unusual", async () => {
    const steady = await t.createUser('health_department', LAI_CHAU);
    // 30 earlier days at 10 people a day, then 12 today: over the daily limit (5), not twice its average.
    for (let day = 2; day <= 31; day++) {
      const { id } = await db()
        .insertInto('audit_events')
        .values({
          at: new Date(Date.now() - day * DAY_MS),
          actor_id: steady.id,
          actor_name: steady.username,
          action: 'read_list',
          entity_type: 'case',
          entity_id: null,
          actor_role: 'health_department',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db()
        .insertInto('audit_event_subjects')
        .values({ event_id: id, person_ids: people(10) })
        .execute();
    }
    const audit = new AuditRepository();
    await audit.record(
      db(),
      { ip: null, requestId: null, userId: steady.id, username: steady.username, role: 'health_department' },
      { action: 'read_list', entityType: 'case', entityId: null, subjectIds: people(12) },
    );
    await t.platform.services.auditAlerts.raiseVolumeAlerts(new Date(Date.now() + 2 * 3_600_000));
    const mine = (await alerts(`?actorId=${steady.id}`)).items;
    expect(mine.map((a) => a.kind)).toEqual(['people_per_day']);
  });

  it('pages with a cursor, refuses other roles, and exports to a sheet that lists that export too', async () => {
    const first = await alerts('?limit=1');
    expect(first.items).toHaveLength(1);
    const second = await alerts(`?limit=1&after=${first.nextCursor}`);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect((await cdc.get('/api/audit/alerts')).statusCode).toBe(403);

    const sheet = await admin.get('/api/audit/alerts/export.xlsx');
    expect(sheet.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(1).getCell(2).text).toBe('Loại cảnh báo');
    expect(book.worksheets[0]!.rowCount).toBeGreaterThan(4);
    expect((await alerts('?kind=export&limit=1')).items[0]).toMatchObject({
      actorName: admin.user.username,
      entityType: 'audit_alert',
    });
  });
});
