import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '../../../core/roles.ts';
import type { Db } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Platform } from '../../main.ts';
import { systemActor, type Actor } from '../../shared/actor.ts';
import {
  closeFederation,
  eventually,
  instancePlatform,
  openFederation,
  type FederationInstance,
} from '../../testing/federation-instances.ts';
import { testPassword } from '../../testing/test-platform.ts';
import { publish, subscribe } from './federation.setup.ts';

/**
 * Disease-profile versions down (issue 21, migration 0044), on the federation clusters, from an
 * installation upgraded the documented way: the four databases start at 0043, replicate, then 0044
 * runs on the provinces (the subscribers of the changed table) first and on the hub last, and
 * `federation publish` / `subscribe` run again. Then a profile issued to 12 arrives there once and
 * nowhere else, is adopted as 12's profile's next version, and its arrival is announced once.
 */
const ports = inject('federationPorts');
const skipped = !ports;
if (skipped) console.warn('national profile federation tests skipped: set FEDERATION_TEST_PORTS.');

const official = (role: Role, path: string, userId: string = randomUUID()): Actor => ({
  userId,
  username: `${role}@${path}`,
  fullName: role,
  role,
  scope: { code: path.split('/').at(-1)!, path },
  ip: null,
  requestId: null,
  locale: 'vi',
});
const rowsOf = async (db: Db, id: string) =>
  (
    await sql<{ province_code: string }>`
      select province_code from federation_directives where id = ${id} order by 1`.execute(db)
  ).rows.map((r) => r.province_code);
const account = (p: Platform, role: Role, code: string) =>
  p.services.users.create(systemActor('test'), {
    username: `${role}.${code}.${randomUUID().slice(0, 6)}`,
    fullName: `${role} ${code}`,
    role,
    localityCode: code,
    password: testPassword(),
  });

describe.skipIf(skipped)('disease-profile versions down, after upgrading a running federation to 0044', () => {
  let hub: FederationInstance, p12: FederationInstance, p11: FederationInstance, p01: FederationInstance;
  let hubP: Platform, p12P: Platform, p11P: Platform;
  let before: string;

  beforeAll(async () => {
    [hub, p12, p11, p01] = (await openFederation(ports!, 'phongdich_fedprof', '0043-consent-withdrawal')) as [
      FederationInstance,
      FederationInstance,
      FederationInstance,
      FederationInstance,
    ];
    // A directive sent before the upgrade: it was on 12's directives page already.
    before = randomUUID();
    await sql`insert into federation_directives (id, province_code, kind, number_symbol, issued_on, issuer, summary)
      values (${before}, '12', 'directive', '09/CT-BCĐQG', '2026-12-01', 'Ban Chỉ đạo Quốc gia', 'Trước khi nâng cấp')`.execute(
      hub.db,
    );
    await eventually(
      'the directive sent before the upgrade in 12',
      async () => (await rowsOf(p12.db, before)).length === 1,
    );

    // The procedure (README, "Changing a replicated table"): subscribers first, the publisher last.
    for (const p of [p12, p11, p01]) await migrateToLatest(p.db);
    await migrateToLatest(hub.db);
    for (const i of [hub, p12, p11, p01]) await publish(i.db, i.federation);
    for (const i of [hub, p12, p11, p01]) await subscribe(i.db, i.federation);
    [hubP, p12P, p11P] = await Promise.all([instancePlatform(hub), instancePlatform(p12), instancePlatform(p11)]);
  });
  afterAll(async () => {
    await Promise.all([hubP?.close(), p12P?.close(), p11P?.close()]);
    if (hub) await closeFederation([hub, p12, p11, p01]);
  });

  it('delivers a disease profile to the province it names once, where adopting makes it the current version', async () => {
    const national = official('steering_committee', 'VN');
    const sent = await hubP.services.nationalDirectives.issue(national, {
      kind: 'disease_profile',
      numberSymbol: '10/QĐ-BYT',
      issuedOn: '2026-12-06',
      issuer: 'Bộ Y tế',
      summary: 'Hướng dẫn truy vết mới',
      provinces: ['12'],
      diseaseProfile: { code: 'covid19_2021_dec', version: 1 },
    });
    await eventually('the profile in 12', async () => (await rowsOf(p12.db, sent.id)).length === 1);
    expect(await rowsOf(p12.db, sent.id)).toEqual(['12']);
    expect(await rowsOf(p11.db, sent.id)).toEqual([]);
    expect(await rowsOf(p01.db, sent.id)).toEqual([]);

    const inbox = await p12P.services.nationalDirectives.list(official('steering_committee', 'VN/12'), { limit: 10 });
    expect(inbox.items[0]).toMatchObject({
      id: sent.id,
      kind: 'disease_profile',
      diseaseProfile: { code: 'covid19_2021_dec', version: 1 },
    });
    await expect(
      p11P.services.nationalDirectives.adopt(official('system_admin', 'VN/11'), sent.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const { user } = await account(p12P, 'system_admin', '12');
    const admin = official('system_admin', 'VN/12', user.id);
    const adopted = await p12P.services.nationalDirectives.adopt(admin, sent.id);
    expect(adopted).toEqual({ code: 'covid19_2021_dec', version: 2, active: true });
    expect(await p12P.services.diseaseProfiles.get(admin, 'covid19_2021_dec')).toMatchObject({ version: 2 });
    // 11 keeps its own.
    expect(
      await p11P.services.diseaseProfiles.get(official('system_admin', 'VN/11'), 'covid19_2021_dec'),
    ).toMatchObject({ version: 1 });
  });

  it("announces each arrival once to the province's officials who handle directives, not what came before the upgrade", async () => {
    const { user: committee } = await account(p12P, 'steering_committee', '12');
    const national = official('steering_committee', 'VN');
    const sent = await hubP.services.nationalDirectives.issue(national, {
      kind: 'directive',
      numberSymbol: '11/CT-BCĐQG',
      issuedOn: '2026-12-07',
      issuer: 'Ban Chỉ đạo Quốc gia',
      summary: 'Tăng cường giám sát',
    });
    await eventually('the directive in 12', async () => (await rowsOf(p12.db, sent.id)).length === 1);
    const notices = p12P.services.nationalDirectiveNotices;
    // The profile of the test above and this directive; two runs meeting announce them once.
    const runs = await Promise.all([notices.announceArrived(), notices.announceArrived()]);
    expect(runs[0] + runs[1]).toBe(2);
    expect(await notices.announceArrived()).toBe(0);
    const inbox = await sql<{ title: { vi: string } }>`
      select title from notification_messages
      where recipient_user_id = ${committee.id} and kind = 'national_directive_received' and channel = 'in_app'
      order by created_at`.execute(p12.db);
    expect(inbox.rows.map((r) => r.title.vi)).toEqual(
      expect.arrayContaining([expect.stringContaining('10/QĐ-BYT'), expect.stringContaining('11/CT-BCĐQG')]),
    );
    expect(inbox.rows).toHaveLength(2);
    // The claims are the province's own: never replicated to the hub (whose table holds only what
    // 0044 marked there, the rows it had then).
    const onHub = await sql<{ n: number }>`
      select count(*)::int as n from federation_directive_notices where directive_id <> ${before}`.execute(hub.db);
    expect(onHub.rows[0]!.n).toBe(0);
    const claimed = await sql<{ directive_id: string }>`
      select directive_id from federation_directive_notices where directive_id = ${before}`.execute(p12.db);
    expect(claimed.rows).toHaveLength(1);
  });
});
