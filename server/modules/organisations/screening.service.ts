import { AppError } from '../../../core/errors.ts';
import { idTypeOfRosterNumber as idTypeOf } from '../../../core/rules/identity-documents.ts';
import { screeningDue } from '../../../core/rules/workplaces/screening-cadence.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type {
  AreaScreeningQuery,
  AreaScreeningRow,
  ScreeningDue,
  ScreeningDueQuery,
  ScreeningDueRow,
} from '../../../core/schemas/workplace-screening.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import { decodeCursor, toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { PeopleService } from '../people/people.service.ts';
import { organisationsPolicy as policy } from './organisations.policy.ts';
import type { OrganisationRecord, OrganisationsRepository } from './organisations.repository.ts';
import { screeningRound, toScreeningCoverage } from './screening-coverage.ts';
import { organisationRule, type OrganisationRule } from './screening-rule.ts';
import { areaScreeningColumns, screeningDueColumns } from './screening.presenter.ts';
import { screeningMessages as messages } from './screening.messages.ts';
import type { ScreeningRepository, ScreenedWorker } from './screening.repository.ts';

/** Each person's latest sample day (the testing module's, wired by the composition root). */
export type LastSampleDays = (db: Db, personIds: readonly string[]) => Promise<Map<string, string>>;

export interface DueWorker extends ScreeningDueRow {
  personId: string | null;
  personPath: string | null;
}

interface OrganisationDue {
  rows: DueWorker[];
  highRiskOnSite: number;
  rule: OrganisationRule;
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a > b ? a : b);
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/**
 * Screening of workers under Decision 2787 (DOMAIN §7): which on-site workers are due a test
 * today, by the pure rule of `screening-cadence.ts` over the roster, each worker's last sample (the
 * testing module) and last order from here. Service-contact workers are due every `intervalDays`;
 * high-risk workers are sampled in rounds of `highRiskSharePercent`, one round per interval (the
 * decision's "at least 20% per round"), those tested longest ago first. Each organisation's own
 * rule (`screening-settings.service.ts`) sets the interval and the share, or that it does not
 * screen (no one is due); Decision 2787's 7 days and 20% until it sets one.
 */
export class ScreeningService {
  constructor(
    private readonly db: Db,
    private readonly organisations: OrganisationsRepository,
    private readonly repo: ScreeningRepository,
    private readonly people: PeopleService,
    private readonly lastSampleDays: LastSampleDays,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  async organisationOrThrow(
    actor: Actor,
    id: string,
    allowed: (a: Actor, o: OrganisationRecord) => boolean,
    db: Db,
  ): Promise<OrganisationRecord> {
    const o = await this.organisations.findById(db, id);
    if (!o || !policy.read(actor, o)) throw new AppError('NOT_FOUND');
    if (!allowed(actor, o)) throw new AppError('FORBIDDEN');
    return o;
  }

  /** Every worker of the organisation due today. */
  async dueWorkers(db: Db, organisationId: string, today: string): Promise<OrganisationDue> {
    return (await this.dueIn(db, [organisationId], today)).get(organisationId)!;
  }

  /**
   * The workers due today in each of these organisations (a page of an area's list reads its
   * rosters, their people and their last samples in three queries, not three per organisation).
   */
  private async dueIn(
    db: Db,
    organisationIds: readonly string[],
    today: string,
  ): Promise<Map<string, OrganisationDue>> {
    const roster = await this.repo.screenedRoster(db, organisationIds);
    const found = await this.people.peopleByDocuments(
      db,
      roster.map((w) => ({ idType: idTypeOf(w.id_number), idNumber: w.id_number, fullName: w.full_name })),
    );
    const personOf = new Map(found.map((p) => [`${p.id_type}|${p.id_number}`, p]));
    const sampled = await this.lastSampleDays(
      db,
      found.map((p) => p.id),
    );
    const settings = await this.repo.settingsOf(db, organisationIds);
    const out = new Map<string, OrganisationDue>();
    for (const id of organisationIds)
      out.set(
        id,
        dueOf(
          roster.filter((w) => w.organisation_id === id),
          (w) => personOf.get(`${idTypeOf(w.id_number)}|${w.id_number}`),
          sampled,
          today,
          organisationRule(settings.get(id)),
        ),
      );
    return out;
  }

  async due(actor: Actor, organisationId: string, q: ScreeningDueQuery, now = new Date()): Promise<ScreeningDue> {
    await this.organisationOrThrow(actor, organisationId, policy.readWorkforce, this.db);
    const day = vietnamToday(now);
    const { rows, highRiskOnSite, rule } = await this.dueWorkers(this.db, organisationId, day);
    const cursor = decodeCursor(q.after, ['text', 'text', 'uuid']);
    const key = (r: ScreeningDueRow) => [r.department, r.fullName, r.workerId];
    // The keyset is walked in the code-unit order of (department, name, id), whatever SQL's collation.
    const filtered = rows
      .filter((r) => (!q.role || r.role === q.role) && (q.department === undefined || r.department === q.department))
      .sort((a, b) => compareKeys(key(a), key(b)))
      .filter((r) => !cursor || compareKeys(key(r), cursor.map(String)) > 0);
    const page = toPage(filtered, q.limit, key);
    const round = screeningRound(day);
    const counts = await this.repo.coverage(this.db, [organisationId], round.from, round.to);
    return {
      day,
      rule,
      totals: {
        serviceContact: rows.filter((r) => r.role === 'service_contact').length,
        highRisk: rows.filter((r) => r.role === 'high_risk').length,
        highRiskOnSite,
      },
      coverage: toScreeningCoverage(round, rows.length, counts.get(organisationId), rule.highRiskSharePercent),
      items: page.items.map(({ personId: _p, personPath: _l, ...r }) => r),
      nextCursor: page.nextCursor,
    };
  }

  async exportDue(
    actor: Actor,
    organisationId: string,
    q: Omit<ScreeningDueQuery, 'after' | 'limit'>,
  ): Promise<SheetExport> {
    const org = await this.organisationOrThrow(actor, organisationId, policy.readWorkforce, this.db);
    await this.audit.record(this.db, actor, {
      action: 'export',
      entityType: 'workplace_screening',
      entityId: organisationId,
      localityCode: org.commune_code,
      localityPath: org.locality_path,
      after: { role: q.role ?? null, department: q.department ?? null },
    });
    return sheetExport({
      filename: `sang-loc-${organisationId.slice(0, 8)}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Đến hạn xét nghiệm' : 'Due a test',
      locale: actor.locale,
      columns: screeningDueColumns(actor.locale),
      pages: await allPages(async (after) => this.due(actor, organisationId, { ...q, after, limit: 500 })),
    });
  }

  /** The area's approved organisations with screened workers, by name, each with its due figures of today. */
  async area(actor: Actor, q: AreaScreeningQuery, now = new Date()) {
    if (!policy.readAreaCompliance(actor)) throw new AppError('FORBIDDEN');
    const within = await this.localities.listScope(actor, q.locality, this.db);
    const day = vietnamToday(now);
    const orgs = await this.repo.areaOrganisations(this.db, within, q.after, q.limit);
    const page = toPage(orgs, q.limit, (o) => [o.name, o.id]);
    const ids = page.items.map((o) => o.id);
    const due = await this.dueIn(this.db, ids, day);
    const round = screeningRound(day);
    const counts = await this.repo.coverage(this.db, ids, round.from, round.to);
    const items = page.items.map((o): AreaScreeningRow => {
      const d = due.get(o.id);
      const rows = d?.rows ?? [];
      return {
        organisationId: o.id,
        name: o.name,
        communeCode: o.commune_code,
        serviceContactDue: rows.filter((r) => r.role === 'service_contact').length,
        highRiskDue: rows.filter((r) => r.role === 'high_risk').length,
        notOnFile: rows.filter((r) => !r.onFile).length,
        coverage: toScreeningCoverage(round, rows.length, counts.get(o.id), d?.rule.highRiskSharePercent ?? 20),
      };
    });
    return { day, items, nextCursor: page.nextCursor };
  }

  async exportArea(actor: Actor, q: Omit<AreaScreeningQuery, 'after' | 'limit'>): Promise<SheetExport> {
    return sheetExport({
      filename: 'sang-loc-co-so.xlsx',
      sheetName: actor.locale === 'vi' ? 'Sàng lọc người lao động' : 'Workers screening',
      locale: actor.locale,
      columns: areaScreeningColumns(actor.locale),
      pages: await allPages((after) => this.area(actor, { ...q, after, limit: 200 })),
    });
  }

  /** The organisation a screening click orders for: approved, and the actor plans tests for its place. */
  async orderable(db: Db, actor: Actor, organisationId: string): Promise<OrganisationRecord> {
    const org = await this.organisationOrThrow(actor, organisationId, policy.orderScreening, db);
    if (org.status !== 'approved')
      throw new AppError('CONFLICT', [{ path: 'organisation', message: messages[actor.locale].notApproved }]);
    return org;
  }

  /** An earlier click with the same client key: its figures (for another organisation, a conflict). */
  async earlierBatch(db: Db, actor: Actor, organisationId: string, clientKey: string) {
    const b = await this.repo.batchByKey(db, clientKey);
    if (b && b.organisation_id !== organisationId)
      throw new AppError('CONFLICT', [{ path: 'clientKey', message: messages[actor.locale].otherOrganisation }]);
    return b ? { day: String(b.day).slice(0, 10), ordered: b.ordered, notOnFile: b.not_on_file } : null;
  }

  /** The organisation's screening campaign (null before its first order) and its screened roster, row locked. */
  campaignOf(db: Db, organisationId: string) {
    return this.repo.campaignOf(db, organisationId);
  }

  linkCampaign(db: Db, organisationId: string, campaignId: string) {
    return this.repo.linkCampaign(db, organisationId, campaignId);
  }

  /** Workers already ordered a screening test on `day`: a second click the same day orders only the rest. */
  orderedOn(db: Db, organisationId: string, day: string) {
    return this.repo.orderedOn(db, organisationId, day);
  }

  /** Records the click and each order it made, in the command's transaction; false when a resend got there first. */
  async recordBatch(
    db: Db,
    actor: Actor,
    org: OrganisationRecord,
    b: {
      clientKey: string;
      day: string;
      orders: { workerId: string; personId: string; orderId: string }[];
      notOnFile: number;
    },
  ): Promise<boolean> {
    const inserted = await this.repo.insertBatch(db, {
      clientKey: b.clientKey,
      organisationId: org.id,
      day: b.day,
      ordered: b.orders.length,
      notOnFile: b.notOnFile,
      by: recordedBy(actor),
    });
    if (!inserted) return false;
    await this.repo.insertOrders(
      db,
      b.orders.map((o) => ({
        roster_worker_id: o.workerId,
        due_on: b.day,
        organisation_id: org.id,
        person_id: o.personId,
        test_order_id: o.orderId,
        batch_key: b.clientKey,
        reason: 'screening' as const,
      })),
    );
    await this.audit.record(db, actor, {
      action: 'order_screening',
      entityType: 'organisation',
      entityId: org.id,
      localityCode: org.commune_code,
      localityPath: org.locality_path,
      subjectIds: b.orders.map((o) => o.personId),
      after: { day: b.day, ordered: b.orders.length, notOnFile: b.notOnFile },
    });
    return true;
  }
}

type Person = { id: string; locality_path: string | null };

/**
 * One organisation's workers due today by the rule: service-contact workers whose last test (sample,
 * or order from here when later) is `intervalDays` old; a high-risk round when the last is as old.
 */
function dueOf(
  roster: ScreenedWorker[],
  personOf: (w: ScreenedWorker) => Person | undefined,
  sampled: Map<string, string>,
  today: string,
  rule: OrganisationRule,
): OrganisationDue {
  if (!rule.screens) return { rows: [], highRiskOnSite: 0, rule };
  const lastTested = (w: ScreenedWorker) => later(w.last_ordered_on, sampled.get(personOf(w)?.id ?? '') ?? null);
  const due = screeningDue(
    roster.map((w) => ({ id: w.id, role: w.work_role, lastSampledOn: lastTested(w), onSite: true })),
    today,
    rule,
  );
  // One high-risk round per interval: none while the last round is younger than the interval.
  const lastRound = roster.reduce<string | null>(
    (m, w) => (w.work_role === 'high_risk' ? later(m, w.last_screened_on) : m),
    null,
  );
  const roundDue = lastRound === null || dayNumber(today) - dayNumber(lastRound) >= rule.intervalDays;
  const chosen = new Set([...due.serviceContact, ...(roundDue ? due.highRiskSample : [])]);
  const rows = roster
    .filter((w) => chosen.has(w.id))
    .map((w) => ({
      workerId: w.id,
      fullName: w.full_name,
      department: w.department,
      shift: w.shift,
      role: w.work_role,
      lastTestedOn: lastTested(w),
      onFile: personOf(w) !== undefined,
      personId: personOf(w)?.id ?? null,
      personPath: personOf(w)?.locality_path ?? null,
    }));
  return { rows, highRiskOnSite: due.highRiskOnSite, rule };
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
