import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '../../../core/roles.ts';
import { adjacentPeriod, dueOf, periodContaining } from '../../../core/rules/reporting-periods.ts';
import { addDays, vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
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

/**
 * The hub's national pages and directives down (issue 21), on the federation clusters: a national
 * directive reaches the provinces it names, once, and no other; a province's acknowledgement flows
 * back; a rule-set version is adopted; the national dashboard and weekly report are computed from
 * what the provinces replicated.
 */
const ports = inject('federationPorts');
const skipped = !ports;
if (skipped) console.warn('national federation tests skipped: set FEDERATION_TEST_PORTS (see federation.fed.test.ts).');

const official = (role: Role, path: string): Actor => ({
  userId: randomUUID(),
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

describe.skipIf(skipped)('national directives down, acknowledgements up, national dashboard and weekly report', () => {
  let hub: FederationInstance, p12: FederationInstance, p11: FederationInstance, p01: FederationInstance;
  let hubP: Platform, p12P: Platform, p11P: Platform;
  const national = official('steering_committee', 'VN');
  const committee12 = official('steering_committee', 'VN/12');
  const committee11 = official('steering_committee', 'VN/11');
  const issue = (provinces: string[] | undefined, numberSymbol: string) =>
    hubP.services.nationalDirectives.issue(national, {
      kind: 'directive',
      numberSymbol,
      issuedOn: '2026-12-01',
      issuer: 'Ban Chỉ đạo Quốc gia',
      summary: 'Tăng cường phòng, chống dịch',
      provinces,
    });

  beforeAll(async () => {
    [hub, p12, p11, p01] = (await openFederation(ports!, 'phongdich_fednat')) as [
      FederationInstance,
      FederationInstance,
      FederationInstance,
      FederationInstance,
    ];
    [hubP, p12P, p11P] = await Promise.all([instancePlatform(hub), instancePlatform(p12), instancePlatform(p11)]);
  });
  afterAll(async () => {
    await Promise.all([hubP?.close(), p12P?.close(), p11P?.close()]);
    if (hub) await closeFederation([hub, p12, p11, p01]);
  });

  it('delivers a directive to the province it names, once and to no other, and brings its acknowledgement up', async () => {
    const sent = await issue(['12'], '01/CT-BCĐQG');
    expect(sent.provinces.map((p) => [p.code, p.acknowledgedAt])).toEqual([['12', null]]);
    await eventually('the directive in 12', async () => (await rowsOf(p12.db, sent.id)).length === 1);
    expect(await rowsOf(p12.db, sent.id)).toEqual(['12']);
    expect(await rowsOf(p11.db, sent.id)).toEqual([]);
    expect(await rowsOf(p01.db, sent.id)).toEqual([]);

    // In 12's inbox, not acknowledged; 11 cannot acknowledge what it never received.
    const inbox = await p12P.services.nationalDirectives.list(committee12, { limit: 10, pending: true });
    expect(inbox.items.map((d) => d.numberSymbol)).toEqual(['01/CT-BCĐQG']);
    await expect(p11P.services.nationalDirectives.acknowledge(committee11, sent.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const acked = await p12P.services.nationalDirectives.acknowledge(committee12, sent.id);
    await p12P.services.nationalDirectives.acknowledge(committee12, sent.id);
    expect(acked.provinces[0]!.acknowledgedAt).not.toBeNull();
    expect((await p12P.services.nationalDirectives.list(committee12, { limit: 10, pending: true })).items).toEqual([]);

    await eventually('the acknowledgement on the hub', async () => {
      const page = await hubP.services.nationalDirectives.list(national, { limit: 10 });
      return page.items.find((d) => d.id === sent.id)?.provinces[0]?.acknowledgedAt != null;
    });
    // Once on the hub, and never sent down to another province.
    const acks = await sql<{ province_code: string }>`
      select province_code from federation_directive_acknowledgements where directive_id = ${sent.id}`.execute(hub.db);
    expect(acks.rows).toEqual([{ province_code: '12' }]);
    for (const other of [p11, p01])
      expect(
        (
          await sql`select 1 from federation_directive_acknowledgements where directive_id = ${sent.id}`.execute(
            other.db,
          )
        ).rows,
      ).toEqual([]);
    const logged = await sql<{ action: string }>`
      select action from audit_events where entity_type = 'national_directive' and entity_id = ${sent.id}`.execute(
      p12.db,
    );
    expect(logged.rows.map((r) => r.action)).toEqual(['acknowledge_directive']);
  });

  it('sends a directive to every federated province, each receiving its one row; only the national level issues', async () => {
    const sent = await issue(undefined, '02/CT-BCĐQG');
    expect(sent.provinces.map((p) => p.code)).toEqual(['01', '11', '12']);
    await eventually('the directive in the three provinces', async () => {
      const counts = await Promise.all([p12, p11, p01].map(async (p) => (await rowsOf(p.db, sent.id)).length));
      return counts.every((n) => n === 1);
    });
    expect(await rowsOf(p11.db, sent.id)).toEqual(['11']);
    await expect(
      hubP.services.nationalDirectives.issue(committee12, {
        kind: 'directive',
        numberSymbol: 'x',
        issuedOn: '2026-12-01',
        issuer: 'x',
        summary: 'x',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      p12P.services.nationalDirectives.issue(official('steering_committee', 'VN'), {
        kind: 'directive',
        numberSymbol: 'x',
        issuedOn: '2026-12-01',
        issuer: 'x',
        summary: 'x',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it("sends a rule-set version down, and a province's administrator adopts it as its active rule set", async () => {
    const sent = await hubP.services.nationalDirectives.issue(national, {
      kind: 'rule_set',
      numberSymbol: '03/QĐ-BYT',
      issuedOn: '2026-12-02',
      issuer: 'Bộ Y tế',
      summary: 'Bộ tiêu chí đánh giá cấp độ dịch',
      provinces: ['11'],
      ruleSet: { code: 'qd218_2022', version: 1 },
    });
    expect(sent.ruleSet).toMatchObject({ code: 'qd218_2022', version: 1 });
    await eventually('the rule set in 11', async () => (await rowsOf(p11.db, sent.id)).length === 1);
    await expect(p11P.services.nationalDirectives.adopt(committee11, sent.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // An account of 11 (the rule set's settings name who changed them).
    const { user } = await p11P.services.users.create(systemActor('test'), {
      username: 'quantri.dienbien',
      fullName: 'Quản trị Điện Biên',
      role: 'system_admin',
      localityCode: '11',
      password: testPassword(),
    });
    const adopted = await p11P.services.nationalDirectives.adopt(
      { ...official('system_admin', 'VN/11'), userId: user.id },
      sent.id,
    );
    expect(adopted).toMatchObject({ code: 'qd218_2022', active: true });
    expect((await p11P.services.ruleSets.active(p11.db)).code).toBe('qd218_2022');
    // 12 did not receive it, and keeps its rules.
    await expect(
      p12P.services.nationalDirectives.adopt(official('system_admin', 'VN/12'), sent.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("sums the provinces' replicated daily counts into the national curve, with Rt, projection and last sync", async () => {
    const today = vietnamToday();
    const days = Array.from({ length: 28 }, (_, i) => addDays(today, i - 28));
    // A steady epidemic in 12 (40 a day in one commune) and a smaller one in 11.
    for (const [p, code, n] of [
      [p12, '12', 40],
      [p11, '11', 15],
    ] as const) {
      await sql`insert into locality_daily_counts (locality_code, locality_path, day, community, positives)
        select l.code, l.path, d::date, ${n}, ${n}
        from (select code, path from localities where level = 'commune' and path like ${`VN/${code}/%`} order by code limit 1) l,
          unnest(${days}::text[]) d`.execute(p.db);
      await p.referrals.beat();
    }
    await eventually('the counts on the hub', async () => {
      const r = await sql<{ n: number }>`
        select coalesce(sum(community), 0)::int as n from locality_daily_counts where day >= ${days[0]!}`.execute(
        hub.db,
      );
      return r.rows[0]!.n === 28 * 55;
    });
    const view = await hubP.services.nationalViews.dashboard(national, { from: days[0], to: days.at(-1) });
    expect(view.epicurve).toHaveLength(28);
    expect(view.epicurve.every((d) => d.community === 55)).toBe(true);
    expect(view.rt.length).toBeGreaterThan(0);
    expect(view.projection).toHaveLength(14);
    const p12row = view.provinces.find((p) => p.code === '12')!;
    expect(p12row).toMatchObject({ cases7d: 280, cases14d: 560 });
    expect(p12row.lastBeatAt).not.toBeNull();
    expect(p12row.rt).not.toBeNull();
    expect(view.provinces.find((p) => p.code === '01')).toMatchObject({ cases7d: 0, rt: null, lastBeatAt: null });
    // A province's own account on the hub sees its province only.
    const own = await hubP.services.nationalViews.dashboard(committee12, { from: days[0], to: days.at(-1) });
    expect(own.provinces.map((p) => p.code)).toEqual(['12']);
    expect(own.epicurve.every((d) => d.community === 40)).toBe(true);
  });

  it("makes the national weekly report from the provinces' replicated units, submissions and figures", async () => {
    await p12P.services.units.ensureProvinceUnits(systemActor('test'), '12');
    const units = await sql<{ id: string; locality_path: string }>`
      select id, locality_path from reporting_units where supervisor_unit_id is not null order by code`.execute(p12.db);
    const week = adjacentPeriod(periodContaining('weekly', new Date()), -1);
    const due = dueOf(week, { days: 3, time: '00:00' });
    const submit = async (unit: { id: string; locality_path: string }, at: Date, status: string, cases: number) => {
      const id = randomUUID();
      await sql`insert into unit_reports (id, unit_id, template_code, template_version, period_id, period_from, period_to,
          due_at, locality_path, province_code, status, version, draft, first_submitted_at, last_submitted_at)
        values (${id}, ${unit.id}, 'weekly-covid', 1, ${week.id}, ${week.from}, ${week.to}, ${due}, ${unit.locality_path},
          '12', ${status}, 1, '{}', ${at}, ${at})`.execute(p12.db);
      await sql`insert into unit_report_versions (report_id, version, client_key, figures, computed, reasons, on_time, submitted_at)
        values (${id}, 1, ${randomUUID()}, ${JSON.stringify({ cases_new_community: cases })}, '{}', '{}', ${at <= due}, ${at})`.execute(
        p12.db,
      );
    };
    const [a, b, c] = units.rows as [(typeof units.rows)[0], (typeof units.rows)[0], (typeof units.rows)[0]];
    await submit(a, new Date(due.getTime() - 3_600_000), 'accepted', 7);
    await submit(b, new Date(due.getTime() - 3_600_000), 'accepted', 5);
    await submit(c, new Date(due.getTime() + 3_600_000), 'submitted', 100);
    await eventually('the reports on the hub', async () => {
      const r = await sql<{ n: number }>`select count(*)::int as n from unit_report_versions`.execute(hub.db);
      return r.rows[0]!.n === 3;
    });
    const report = await hubP.services.nationalViews.weeklyReport(national, { week: week.from, weeks: 1 });
    const row12 = report.rows.find((r) => r.province.code === '12')!;
    expect(row12).toMatchObject({
      week: week.id,
      expected: units.rows.length,
      onTime: 2,
      late: 1,
      missing: units.rows.length - 3,
      accepted: 2,
    });
    expect(row12.figures.cases_new_community).toBe(12);
    expect(report.rows.find((r) => r.province.code === '11')).toMatchObject({ expected: 0, accepted: 0 });
  });
});
