import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { officialAt } from '../../testing/actors.ts';
import { LAI_CHAU, createTestPlatform, type TestPlatform } from '../../testing/test-platform.ts';

/**
 * Disease-profile versions down and the announcement of arrivals (issue 21, migration 0044), on one
 * database each for a hub and a province: replication is the federation project's
 * (national.fed.test.ts); here a received row is written as replication writes it.
 */
let hub: TestPlatform, province: TestPlatform;
const national = (locale: Locale = 'vi') => ({
  ...officialAt('steering_committee', 'VN'),
  userId: randomUUID(),
  locale,
});
const text = { numberSymbol: '05/QĐ-BYT', issuedOn: '2026-12-05', issuer: 'Bộ Y tế', summary: 'Hồ sơ bệnh mới' };
const profileRow = async (db: Db, code: string) =>
  (
    await sql<{ profile: { version: number; name: { vi: string } } }>`
    select profile from disease_profiles where code = ${code}`.execute(db)
  ).rows[0]!.profile;
const arrive = async (db: Db, kind: string, payload: { rule_set?: unknown; disease_profile?: unknown } = {}) => {
  const id = randomUUID();
  await db
    .insertInto('federation_directives')
    .values({
      id,
      province_code: LAI_CHAU,
      kind: kind as 'directive',
      number_symbol: `${kind}-${id.slice(0, 4)}`,
      issued_on: '2026-12-05',
      issuer: 'Bộ Y tế',
      summary: 'Gửi các tỉnh',
      rule_set: payload.rule_set === undefined ? null : JSON.stringify(payload.rule_set),
      disease_profile: payload.disease_profile === undefined ? null : JSON.stringify(payload.disease_profile),
    })
    .execute();
  return id;
};

beforeAll(async () => {
  [hub, province] = await Promise.all([
    createTestPlatform({
      federation: {
        role: 'hub',
        provinces: [
          { code: '11', url: 'host=p11.invalid' },
          { code: '12', url: 'host=p12.invalid' },
        ],
      },
    }),
    createTestPlatform({ federation: { role: 'province', provinceCode: LAI_CHAU, hubUrl: 'host=hub.invalid' } }),
  ]);
});
afterAll(async () => Promise.all([hub?.close(), province?.close()]));

describe('the replicated table after migration 0044', () => {
  it('carries a disease profile with its kind only, and a rule set with its kind only', async () => {
    const db = province.platform.database.db;
    const profile = await profileRow(db, 'covid19_2021_dec');
    await expect(arrive(db, 'disease_profile')).rejects.toThrow(/federation_directives_payload_check/);
    await expect(arrive(db, 'directive', { disease_profile: profile })).rejects.toThrow(/payload_check/);
    await expect(arrive(db, 'rule_set', { rule_set: {}, disease_profile: profile })).rejects.toThrow(/payload_check/);
    await expect(arrive(db, 'measure')).rejects.toThrow(/federation_directives_kind_check/);
    await arrive(db, 'disease_profile', { disease_profile: profile });
    await arrive(db, 'rule_set', { rule_set: {} });
  });
});

describe('a disease-profile version issued on the hub', () => {
  const issue = (locale: Locale, diseaseProfile: { code: string; version: number }, provinces = ['12']) =>
    hub.platform.services.nationalDirectives.issue(national(locale), {
      kind: 'disease_profile',
      ...text,
      provinces,
      diseaseProfile,
    });

  it('is sent as the hub holds it, one row for the province named', async () => {
    const sent = await issue('en', { code: 'covid19_2021_dec', version: 1 });
    expect(sent).toMatchObject({
      kind: 'disease_profile',
      ruleSet: null,
      diseaseProfile: { code: 'covid19_2021_dec', version: 1 },
      provinces: [{ code: '12', acknowledgedAt: null }],
    });
    expect(sent.diseaseProfile!.name).toMatch(/COVID/i);
    const rows = await sql<{ province_code: string; code: string }>`
      select province_code, disease_profile->>'code' as code from federation_directives where id = ${sent.id}`.execute(
      hub.platform.database.db,
    );
    expect(rows.rows).toEqual([{ province_code: '12', code: 'covid19_2021_dec' }]);
  });

  it('refuses an unknown disease and a version the hub no longer holds, in the reader’s language', async () => {
    await expect(issue('vi', { code: 'dengue_2026', version: 1 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'diseaseProfile', message: 'Không có hồ sơ bệnh với mã "dengue_2026"' }],
    });
    await expect(issue('en', { code: 'dengue_2026', version: 1 })).rejects.toMatchObject({
      details: [{ message: 'No disease profile has the code "dengue_2026"' }],
    });
    await expect(issue('en', { code: 'covid19_2021_dec', version: 7 })).rejects.toMatchObject({
      details: [{ path: 'diseaseProfile', message: expect.stringContaining('is now at version 1') }],
    });
    const before = await sql<{ n: number }>`select count(*)::int as n from federation_directives`.execute(
      hub.platform.database.db,
    );
    expect(before.rows[0]!.n).toBe(1);
  });

  it('refuses through the API a disease-profile kind without a profile', async () => {
    const committee = await hub.signIn('steering_committee', 'VN');
    const res = await committee.post('/api/federation/directives', { kind: 'disease_profile', ...text });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toContain('diseaseProfile');
  });

  it('names the version sent in the export', async () => {
    const committee = await hub.signIn('steering_committee', 'VN');
    const csv = await committee.get('/api/federation/directives/export.csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('covid19_2021_dec, v1');
  });

  it('refuses a stored profile that no longer validates', async () => {
    await sql`update disease_profiles set profile = profile - 'name' where code = 'covid19_2020'`.execute(
      hub.platform.database.db,
    );
    await expect(issue('en', { code: 'covid19_2020', version: 1 })).rejects.toMatchObject({
      details: [{ message: 'The stored disease profile "covid19_2020" is not valid: correct it before sending it' }],
    });
  });
});

describe('a disease-profile version received in a province', () => {
  it('is adopted by its system administrator as the next version of its own profile, audited', async () => {
    const db = province.platform.database.db;
    const national = { ...(await profileRow(db, 'covid19_2021_mid')), version: 4, expandLevels: 1 };
    const id = await arrive(db, 'disease_profile', { disease_profile: national });
    const list = await province.platform.services.nationalDirectives.list(officialAt('steering_committee', 'VN/12'), {
      limit: 10,
    });
    expect(list.items.find((d) => d.id === id)?.diseaseProfile).toMatchObject({ code: 'covid19_2021_mid', version: 4 });

    await expect(
      province.platform.services.nationalDirectives.adopt(officialAt('steering_committee', 'VN/12'), id),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin = await province.createUser('system_admin', LAI_CHAU);
    const actor = { ...officialAt('system_admin', 'VN/12'), userId: admin.id };
    const adopted = await province.platform.services.nationalDirectives.adopt(actor, id);
    // The province's own numbering: its profile was at version 1, the national one is its version 2.
    expect(adopted).toEqual({ code: 'covid19_2021_mid', version: 2, active: true });
    // A double tap, and a second administrator at the same moment: the first adoption's answer, no third version.
    const again = await Promise.all([
      province.platform.services.nationalDirectives.adopt(actor, id),
      province.platform.services.nationalDirectives.adopt(actor, id),
    ]);
    expect(again).toEqual([adopted, adopted]);
    const current = await province.platform.services.diseaseProfiles.get(actor, 'covid19_2021_mid');
    expect(current).toMatchObject({ version: 2, expandLevels: 1 });
    const audit = await sql<{ action: string; entity_type: string }>`
      select action, entity_type from audit_events
      where (entity_type = 'national_directive' and entity_id = ${id})
        or (entity_type = 'disease_profile' and entity_id = 'covid19_2021_mid') order by 1`.execute(db);
    expect(audit.rows).toEqual([
      { action: 'adopt_disease_profile', entity_type: 'national_directive' },
      { action: 'update', entity_type: 'disease_profile' },
    ]);
  });

  it('refuses a profile it cannot read, and a plain directive has nothing to adopt', async () => {
    const db = province.platform.database.db;
    const admin = officialAt('system_admin', 'VN/12');
    const unreadable = await arrive(db, 'disease_profile', { disease_profile: { code: 'covid19_2020' } });
    await expect(
      province.platform.services.nationalDirectives.adopt({ ...admin, locale: 'en' }, unreadable),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        { path: 'diseaseProfile', message: 'The disease profile received cannot be read: tell the national hub' },
      ],
    });
    // The failed adoption left no claim: trying again is refused for the same reason, not "under way".
    await expect(province.platform.services.nationalDirectives.adopt(admin, unreadable)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const plain = await arrive(db, 'directive');
    await expect(province.platform.services.nationalDirectives.adopt(admin, plain)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('announcing the national directives that arrived', () => {
  it('notifies the province’s steering committee and health department once per directive, even when two runs meet', async () => {
    const db = province.platform.database.db;
    const notices = province.platform.services.nationalDirectiveNotices;
    // What arrived before (the tests above) is announced to nobody: no handler had an account yet.
    await notices.announceArrived();
    const committee = await province.createUser('steering_committee', LAI_CHAU);
    const health = await province.createUser('health_department', LAI_CHAU);
    const officer = await province.createUser('commune_officer', '03388');
    const id = await arrive(db, 'directive');

    const runs = await Promise.all([notices.announceArrived(1), notices.announceArrived(1)]);
    expect(runs[0] + runs[1]).toBe(1);
    expect(await notices.announceArrived()).toBe(0);
    const messages = await sql<{ recipient_user_id: string; kind: string; link: string; title: { en: string } }>`
      select recipient_user_id, kind, link, title from notification_messages
      where kind = 'national_directive_received' and channel = 'in_app' order by recipient_user_id`.execute(db);
    expect(messages.rows.map((m) => m.recipient_user_id).sort()).toEqual([committee.id, health.id].sort());
    expect(messages.rows.map((m) => m.recipient_user_id)).not.toContain(officer.id);
    expect(messages.rows[0]).toMatchObject({
      link: '/directives',
      title: { en: expect.stringContaining('directive-') },
    });
    // Today's work of the committee: the directives not acknowledged yet, this one among them.
    const work = (
      await province.login(committee.username, committee.password, { totpSecret: committee.totpSecret ?? undefined })
    ).get('/api/today');
    const group = (await work).json().groups.find((g: { kind: string }) => g.kind === 'national_directives');
    expect(group.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(group.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      link: '/directives',
      dueOn: '2026-12-05',
    });
    const claimed = await sql<{ recipients: number }>`
      select recipients from federation_directive_notices where directive_id = ${id}`.execute(db);
    expect(claimed.rows).toEqual([{ recipients: 2 }]);
  });

  it('announces nothing on the hub, whose rows are the ones it sent', async () => {
    expect(await hub.platform.services.nationalDirectiveNotices.announceArrived()).toBe(0);
  });
});
