import fs from 'node:fs/promises';
import { sql } from 'kysely';
import { vietnamToday } from '../../core/vietnam-calendar.ts';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainGraph, ClusterView } from '../../core/schemas/cases.ts';
import type { Page } from '../../core/schemas/common.ts';
import type { ExposureFeed } from '../../core/schemas/exposure.ts';
import { systemActor } from '../shared/actor.ts';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.ts';
import { DEMO_MARKET_BOARD } from './demo-workplaces.ts';
import { seedDemoDirective } from './demo-directives.ts';
import {
  DEMO_MISSING_COMMUNE,
  DEMO_REPORT_WEEKS,
  DEMO_RETURN_COMMENT,
  DEMO_RETURNED_COMMUNE,
  seedDemoReports,
} from './demo-reports.ts';
import { currentReportingPeriod, defaultDueOffsets } from '../../core/rules/reporting-periods.ts';
import { DEMO_INSPECTION_FINE_VND, DEMO_INSPECTION_PLAN_TITLE, seedDemoInspections } from './demo-inspections.ts';
import { seedDemo } from './seed.ts';

/**
 * The demo outbreak tells one story across the modules: what one page says, another does not
 * contradict. Checked on the demo exactly as `npm start` seeds it.
 */
let t: TestPlatform;
let dataDir: string;
const sys = systemActor('test');
const s = () => t.platform.services;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'phongdich-demo-'));
  t = await createTestPlatform({ dataDir });
  await seedDemo(t.platform);
}, 180_000);
afterAll(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** Every item of a keyset-paged list. */
async function all<T>(page: (after: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  do {
    const p = await page(after);
    items.push(...p.items);
    after = p.nextCursor ?? undefined;
  } while (after);
  return items;
}

describe('the demo outbreak', () => {
  it('has every case "in treatment" in a hospital bed, and nobody else in one', async () => {
    const cases = await all((after) => s().cases.list(sys, { after, limit: 500 }));
    const stays = await all((after) => s().treatment.list(sys, { open: true, after, limit: 500 }));
    const treating = cases
      .filter((c) => c.status === 'treating')
      .map((c) => c.id)
      .sort();
    expect(treating.length).toBeGreaterThan(0);
    expect(stays.map((x) => x.caseId).sort()).toEqual(treating);
    // The cases that left hospital were discharged the way their record ends.
    const discharged = await all((after) => s().treatment.list(sys, { open: false, after, limit: 500 }));
    const statusOf = new Map(cases.map((c) => [c.id, c.status]));
    expect(discharged.length).toBeGreaterThan(0);
    for (const stay of discharged) expect(statusOf.get(stay.caseId)).toBe(stay.outcome);
  });

  it('counts in each cluster exactly the cases of its chain, for the province and for the commune officer', async () => {
    const clusters = (await s().clusters.list(sys, { limit: 50 })).items;
    expect(clusters.length).toBeGreaterThan(0);
    for (const cluster of clusters) {
      const cases = await all((after) => s().cases.list(sys, { clusterId: cluster.id, after, limit: 500 }));
      const chain = await s().chains.graph(sys, { clusterId: cluster.id, linkedOnly: true });
      expect(cluster.caseCount).toBeGreaterThan(1);
      expect(cases).toHaveLength(cluster.caseCount);
      // Linked: every case of the cluster is drawn, all in one chain.
      expect(chain.nodes).toHaveLength(cluster.caseCount);
      expect(chain.stats.largestChain).toBe(cluster.caseCount);
    }
    const officer = await t.signIn('commune_officer', '03388');
    const theirs = (await officer.get('/api/clusters')).json<Page<ClusterView>>().items;
    expect(theirs.length).toBeGreaterThan(0);
    for (const cluster of theirs) {
      const chain = (await officer.get(`/api/chains?clusterId=${cluster.id}`)).json<ChainGraph>();
      expect(chain.nodes).toHaveLength(cluster.caseCount);
    }
  });

  it('draws chains with links over at least three generations on the chains page', async () => {
    const cdc = await t.signIn('health_department', '12');
    const res = await cdc.get('/api/chains?locality=12');
    expect(res.statusCode).toBe(200);
    const graph = res.json<ChainGraph>();
    expect(graph.nodes.length).toBeGreaterThan(0);
    expect(graph.edges.length).toBeGreaterThan(0);
    expect(graph.stats.links).toBe(graph.edges.length);
    expect(Math.max(...graph.nodes.map((n) => n.generation)) + 1).toBeGreaterThanOrEqual(3);
  });

  it('has F2s: contacts of a confirmed F1', async () => {
    const f2 = (await s().tracing.listWithin(sys, { level: 2, limit: 50 })).items;
    expect(f2.length).toBeGreaterThan(0);
    expect(f2.some((k) => k.status === 'confirmed' && k.viaContactId !== null)).toBe(true);
  });

  it('has a quarantine release due today, with its release test back negative', async () => {
    const today = vietnamToday();
    const releases = (await s().today.work(sys, { perGroup: 20 })).groups.find((g) => g.kind === 'releases_due')!;
    const dueToday = releases.items.filter((i) => i.dueOn === today && !i.overdue);
    expect(dueToday.length).toBeGreaterThan(0);
    const stay = await s().quarantine.get(sys, dueToday[0]!.id);
    expect(stay.release).toEqual({ allowed: true, blockers: [] });
  });

  it('has test results back from the lab', async () => {
    const resulted = (await s().testing.listOrders(sys, { status: 'resulted', limit: 50 })).items;
    expect(resulted.length).toBeGreaterThan(0);
  });

  it('fills beds of the provincial hospital, and the risk level reads that occupancy', async () => {
    const board = await s().treatment.occupancy(sys, { locality: '12' });
    const hospital = board.facilities.find((f) => f.kind === 'hospital')!;
    const beds = hospital.capacity.filter((l) => l.kind !== 'negative_pressure_room');
    expect(beds.reduce((n, l) => n + l.occupied, 0)).toBeGreaterThan(0);
    const map = await s().risk.map(sys, { province: '12' });
    expect(map.province.bedOccupancy).toBeGreaterThan(0);
  });
  it('records the steering committee’s level decisions as numbered, signed acts', async () => {
    const register = await all((after) =>
      s().riskDecisions.history(sys, { locality: '12', subtree: true, after, limit: 200 }),
    );
    expect(register.length).toBeGreaterThan(0);
    for (const d of register) {
      expect(d.documentNumber).toMatch(/^\d+\/QĐ-UBND$/);
      expect(d.signerName.trim().length).toBeGreaterThan(2);
      expect(d.signedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.legalBases.length).toBeGreaterThan(0);
    }
    expect(new Set(register.map((d) => d.documentNumber)).size).toBe(register.length);
    const pdf = await s().riskDecisions.decisionPdf(sys, register.find((d) => d.kind === 'override')!.id);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('has the market cluster’s workplaces in phường Đoàn Kết: the market board high after very high, one overdue, one to approve', async () => {
    const officer = await t.signIn('commune_officer', '03388');
    type Org = { id: string; name: string; status: string; latestAssessment: { group: string } | null };
    const list = (await officer.get('/api/organisations?limit=100')).json<Page<Org>>().items;
    const board = list.find((o) => o.name === DEMO_MARKET_BOARD)!;
    expect(board.latestAssessment?.group).toBe('high');
    const history = (await officer.get(`/api/organisations/${board.id}/assessments`)).json<
      Page<{ group: string; mayOperate: string }>
    >().items;
    expect(history.map((a) => [a.group, a.mayOperate])).toEqual([
      ['high', 'yes'],
      ['very_high', 'no'],
    ]);
    expect(new Set(list.map((o) => o.latestAssessment?.group ?? 'none')).size).toBeGreaterThanOrEqual(4);
    expect(list.filter((o) => o.status === 'pending').length).toBeGreaterThan(0);
    const overdue = (await officer.get('/api/organisations?overdue=true')).json<Page<Org>>().items;
    expect(overdue.length).toBe(1);
    // The neighbouring ward's workplaces are the province's, not this ward's.
    const province = await all((after) => s().organisations.list(sys, { locality: '12', after, limit: 100 }));
    expect(province.length).toBeGreaterThan(list.length);
  });

  it('checked the market board’s staff at the gate this morning: one refused, one missing, and the commune follows the board up', async () => {
    const officer = await t.signIn('commune_officer', '03388');
    const today = { expected: 9, arrived: 8, arrivedValid: 7, refused: 1, missing: 1 };
    const area = (await officer.get('/api/workplace-compliance')).json<{
      totals: typeof today;
      items: { organisationId: string; name: string }[];
    }>();
    expect(area.totals).toEqual(today);
    const board = area.items.find((o) => o.name === DEMO_MARKET_BOARD)!;
    const own = (await officer.get(`/api/organisations/${board.organisationId}/compliance`)).json<{
      totals: typeof today;
      departments: { department: string; refused: number }[];
    }>();
    expect(own.totals).toEqual(today);
    expect(own.departments.find((d) => d.refused === 1)?.department).toBe('Bảo vệ');
    const work = (await officer.get('/api/today')).json<{ groups: { kind: string; items: { label: string }[] }[] }>();
    const followUps = work.groups.find((g) => g.kind === 'workplace_follow_ups');
    expect(followUps?.items.map((i) => i.label)).toEqual([`${DEMO_MARKET_BOARD} · Nguy cơ cao`]);
  });

  it('gives the demo organisation admin the market board, and nothing else', async () => {
    const admin = await t.platform.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'doanhnghiep')
      .executeTakeFirstOrThrow();
    const owned = await t.platform.database.db
      .selectFrom('organisations')
      .select('name')
      .where('owner_user_id', '=', admin.id)
      .execute();
    expect(owned.map((o) => o.name)).toEqual([DEMO_MARKET_BOARD]);
  });

  it('sends the province’s công văn with two tasks, acknowledged by some recipients, once however often it seeds', async () => {
    await seedDemoDirective(t.platform, '12');
    const list = await s().directives.list(sys, { limit: 50 });
    expect(list.items.map((d) => [d.numberSymbol, d.recipients, d.acknowledged])).toEqual([['2811/UBND-KGVX', 4, 2]]);
    const d = await s().directives.get(sys, list.items[0]!.id);
    expect(d.tally).toMatchObject({ tasks: 2, inProgress: 1, overdue: 1 });
    expect(d.hasDocument).toBe(true);
  });

  it('has six weeks of accepted reports, one ward returned and resubmitted and one commune missing this week', async () => {
    expect(await seedDemoReports(t.platform, '12')).toEqual({ reports: 0 });
    const period = currentReportingPeriod({ kind: 'weekly', due: defaultDueOffsets.weekly }, new Date());
    const view = await s().reportsCompleteness.completeness(sys, {
      template: 'weekly-covid',
      period: period.id,
      locality: '12',
      limit: 200,
    });
    // Every unit but one has sent this week's report: the map shows one commune missing.
    expect(view.totals.missing).toBe(1);
    expect(view.totals.submitted).toBe(view.totals.expected - 1);
    expect(view.communes.filter((c) => c.state === 'missing').map((c) => c.code)).toEqual([DEMO_MISSING_COMMUNE]);
    const missing = view.items.find((r) => r.unit.code === DEMO_MISSING_COMMUNE)!;
    expect([missing.status, missing.submittedAt]).toEqual(['new', null]);
    // The trend: the weeks before were sent, mostly on time, not all.
    const before = view.trend.slice(0, -1).filter((p) => p.totals.submitted > 0);
    expect(before.length).toBe(DEMO_REPORT_WEEKS);
    for (const week of before) {
      expect(week.totals.submitted / week.totals.expected).toBeGreaterThan(0.85);
      expect(week.totals.late).toBeGreaterThan(0);
      expect(week.totals.onTime).toBeGreaterThan(week.totals.late);
    }
    expect(missing.onTimeRate).toBeLessThan(50);
    // Đoàn Kết's report: returned by the CDC with a comment, resubmitted with a reason, awaiting acceptance,
    // and carrying the figures phongdich counts for the ward.
    const ward = view.items.find((r) => r.unit.code === DEMO_RETURNED_COMMUNE)!;
    const report = await s().reports.get(sys, ward.reportId!);
    expect(report.status).toBe('submitted');
    expect(report.version).toBe(2);
    expect(report.history.map((h) => [h.kind, h.version, h.decision])).toEqual([
      ['submission', 2, null],
      ['review', 1, 'return'],
      ['submission', 1, null],
    ]);
    expect(report.history.find((h) => h.decision === 'return')?.comment).toBe(DEMO_RETURN_COMMENT);
    const fields = report.sections.flatMap((x) => x.fields);
    const cases = fields.filter((f) => f.key.startsWith('cases_cumulative_'));
    expect(cases.reduce((n, f) => n + Number(f.value), 0)).toBeGreaterThan(0);
    for (const f of fields) if (f.computed !== null) expect(f.value).toBe(f.computed);
    // Nothing submitted in the future, nothing reviewed before it was submitted.
    const now = Date.now();
    for (const h of report.history) expect(Date.parse(h.at)).toBeLessThan(now);
    expect(view.items.filter((r) => r.status === 'accepted').length).toBeGreaterThan(view.totals.submitted / 2);
  });

  it('publishes the market’s exposure entries: Thành’s stays confirmed (one marked), Lan’s self-report pending, nobody named', async () => {
    const feed = JSON.parse((await s().exposure.feed('12')).body.toString()) as ExposureFeed;
    const confirmed = feed.entries.filter((e) => e[3] === 0);
    const pending = feed.entries.filter((e) => e[3] === 1);
    // Yesterday's stay and the visit four days ago the investigator marked.
    expect(confirmed.length).toBeGreaterThanOrEqual(2);
    expect(pending).toHaveLength(1);
    const cases = await s().cases.list(sys, { limit: 50, q: 'Lò Văn Thành' });
    const thanh = cases.items.find((c) => c.fullName === 'Lò Văn Thành')!;
    const stays = (await s().caseStays.list(sys, thanh.id)).items;
    expect(stays.map((x) => x.published)).toEqual([true, true]);
    // Lan was at the market after Thành had left: warned by her own report, not a contact of his.
    const waiting = (await s().selfReports.pending(sys, { locality: '12', limit: 50 })).items;
    expect(waiting.map((r) => [r.fullName, r.kind, r.pendingEntries])).toEqual([['Phạm Thị Lan', 'positive_test', 1]]);
    const contacts = (await s().tracing.listForCase(sys, thanh.id, { limit: 50 })).items;
    expect(contacts.some((k) => k.fullName === 'Phạm Thị Lan')).toBe(false);
    const today = (await s().exposure.counts(sys, { locality: '12' })).days[0]!;
    expect(today).toMatchObject({ selfReportsReceived: 2, selfReportsHandled: 0 });
    expect(JSON.stringify(feed)).not.toContain('Chợ trung tâm');
  });

  it('inspected the market board once, fined it inside 12.1a’s range for an organisation, paid; its action is overdue on the CDC’s work', async () => {
    await seedDemoInspections(t.platform, '12');
    const plans = (await s().inspections.list(sys, { limit: 50 })).items;
    expect(plans.map((p) => [p.title, p.targets, p.visited])).toEqual([[DEMO_INSPECTION_PLAN_TITLE, 3, 1]]);
    const plan = await s().inspections.get(sys, plans[0]!.id);
    const market = plan.targetList.find((x) => x.name === DEMO_MARKET_BOARD)!;
    expect(market.visits).toHaveLength(1);
    const visit = await s().inspectionVisits.get(sys, market.visits[0]!.id);
    expect(visit).toMatchObject({ status: 'completed', failures: 1, signed: true });
    // The violation is the failure's, against the same organisation the workplaces pages show.
    const [violation] = (await s().violations.list(sys, { limit: 50 })).items;
    expect(violation).toMatchObject({
      article: { code: '12.1a' },
      subject: { kind: 'organisation', name: DEMO_MARKET_BOARD, organisationId: market.organisationId },
      fine: { amountVnd: DEMO_INSPECTION_FINE_VND, paymentStatus: 'paid', final: true },
    });
    const range = await s().violations.range('12.1a', 'organisation', violation!.fine!.decidedOn);
    expect(violation!.fine!.amountVnd).toBeGreaterThanOrEqual(range.minVnd!);
    expect(violation!.fine!.amountVnd).toBeLessThanOrEqual(range.maxVnd!);
    expect(violation!.fine!.paidOn! <= vietnamToday()).toBe(true);
    // Published as a final organisation's violation; the dashboard counts the same visit and fine.
    const published = (await s().inspectionFollowUp.published('vi', '12', undefined, 50)).items;
    expect(published.map((r) => [r.name, r.article, r.fineVnd])).toEqual([
      [DEMO_MARKET_BOARD, '12.1a', DEMO_INSPECTION_FINE_VND],
    ]);
    const officer = await t.signIn('health_department', '12');
    const dash = (await officer.get(`/api/inspections/dashboard?from=${plan.periodFrom}&to=${vietnamToday()}`)).json();
    expect(dash).toMatchObject({
      done: 1,
      finesDecidedVnd: DEMO_INSPECTION_FINE_VND,
      finesPaidVnd: DEMO_INSPECTION_FINE_VND,
    });
    // One action, open and past its deadline: on today's work of an officer of the inspecting unit (the CDC).
    await s().units.addOfficer(sys, '12-CDC', officer.user.id, '0912000099');
    const group = (await officer.get('/api/today'))
      .json()
      .groups.find((g: { kind: string }) => g.kind === 'overdue_actions');
    expect(group).toMatchObject({ count: 1, overdue: 1 });
    expect(group.items[0].label).toContain(DEMO_MARKET_BOARD);
  });

  it('dates every report of the history in the past, whatever the day the demo starts, reviews after submissions', async () => {
    const db = t.platform.database.db;
    // Wednesday 00:30 in Viet Nam, half an hour after last week's deadline; and a Sunday evening.
    for (const now of [new Date('2026-12-08T17:30:00Z'), new Date('2026-12-13T12:00:00Z')]) {
      const province = '11';
      await t.platform.services.units.ensureProvinceUnits(sys, province);
      const seeded = await seedDemoReports(t.platform, province, now);
      expect(seeded.reports).toBeGreaterThan(0);
      const versions = await db
        .selectFrom('unit_report_versions as v')
        .innerJoin('unit_reports as r', 'r.id', 'v.report_id')
        .select(['v.submitted_at', 'r.id', 'r.period_from'])
        .where('r.province_code', '=', province)
        .execute();
      const reviews = await db
        .selectFrom('unit_report_reviews as v')
        .innerJoin('unit_reports as r', 'r.id', 'v.report_id')
        .select(['v.reviewed_at', 'r.id', 'r.first_submitted_at'])
        .where('r.province_code', '=', province)
        .execute();
      for (const v of versions) expect(v.submitted_at.getTime()).toBeLessThan(now.getTime());
      for (const v of reviews) {
        expect(v.reviewed_at.getTime()).toBeLessThan(now.getTime());
        expect(v.reviewed_at.getTime()).toBeGreaterThan(v.first_submitted_at!.getTime());
      }
      // Seeded rows are immutable (triggers): the next day's seed starts from a province without reports.
      await db.connection().execute(async (conn) => {
        await sql`set session_replication_role = replica`.execute(conn);
        for (const table of ['unit_report_reviews', 'unit_report_versions'] as const)
          await conn
            .deleteFrom(table)
            .where('report_id', 'in', (eb) =>
              eb.selectFrom('unit_reports').select('id').where('province_code', '=', province),
            )
            .execute();
        await conn.deleteFrom('unit_reports').where('province_code', '=', province).execute();
        await sql`set session_replication_role = origin`.execute(conn);
      });
    }
  });
});
