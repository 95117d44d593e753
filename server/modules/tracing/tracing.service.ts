import { AppError } from '../../../core/errors.ts';
import { infectiousWindow, type Interval } from '../../../core/rules/exposure.ts';
import { followUpPlan } from '../../../core/rules/follow-up-plan.ts';
import type {
  ContactView,
  DecideContactRequest,
  DeclareContactRequest,
  ListContactsQuery,
  ListAreaContactsQuery,
  TracingRunResult,
} from '../../../core/schemas/cases.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { DiseaseProfile } from '../../../core/schemas/disease-profile.ts';
import { DAY_MS, vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { CaseLink, CaseRecord, CasesService } from '../cases/cases.module.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { PeopleRegistryService } from '../people/people-registry.service.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import { contactColumns } from './tracing.export.ts';
import { tracingMessages as m } from './tracing.messages.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.module.ts';
import { toContactView } from './tracing.presenter.ts';
import { tracingPolicy } from './tracing.policy.ts';
import { mergeByPerson } from './contact-proposals.ts';
import type { ContactRecord, ProposedContact, TracingRepository, TracingSource } from './tracing.repository.ts';

/** Told of a contact confirmed F1/F2…, with the confirming transaction's handle. */
export type ContactConfirmedListener = (
  db: Db,
  contact: { contactId: string; personId: string; level: number },
) => Promise<unknown>;

/** Told of the contacts a tracing run leaves proposed (an alert above a threshold, issue 20). */
export type ContactsProposedListener = (db: Db, contacts: readonly ProposedContact[]) => Promise<unknown>;

/**
 * The tracing engine: proposes contacts of a case from venue check-ins and households, takes the
 * investigator's decisions, and goes one level deeper from each confirmed contact while the
 * disease profile asks for it (F1 → F2 → …). Proposals never change anyone's status; confirmation
 * does (the person's F-level, hence their QR colour, and their follow-up tasks).
 */
export class TracingService {
  constructor(
    private readonly db: Db,
    private readonly tracing: TracingRepository,
    private readonly cases: CasesService,
    private readonly profiles: DiseaseProfilesService,
    private readonly registry: PeopleRegistryService,
    private readonly audit: AuditTrailService,
    private readonly localities: LocalitiesService,
    private readonly onContactConfirmed?: ContactConfirmedListener,
    private readonly onContactsProposed?: ContactsProposedListener,
  ) {}

  /** The case's infectious window; a line-listed case without onset or sample dates counts from its confirmation. */
  windowOf(profile: DiseaseProfile, c: CaseRecord, now: Date): Interval {
    return infectiousWindow(
      profile,
      {
        onsetDate: c.onset_date ?? undefined,
        sampleDate: c.sample_date ?? c.confirmed_date,
        isolatedAt: c.isolated_at?.toISOString(),
      },
      now,
    );
  }

  /**
   * (Re)computes proposals for a whole case tree: F1s of the case, then the next level from every
   * confirmed contact, down to the profile's depth. Runs inside the caller's transaction.
   */
  async traceCase(db: Db, c: CaseRecord, now = new Date()): Promise<TracingRunResult> {
    const profile = await this.profiles.getOrThrow(db, c.profile_code);
    const window = this.windowOf(profile, c, now);
    const result = {
      proposed: 0,
      updated: 0,
      window: { from: window.from.toISOString(), to: window.to.toISOString() },
    };
    if (!c.person_id) return result;
    const add = (r: { inserted: number; updated: number }) => {
      result.proposed += r.inserted;
      result.updated += r.updated;
    };
    add(
      await this.propose(db, c, profile, 1, [
        { personId: c.person_id, from: window.from, to: window.to, viaContactId: null },
      ]),
    );
    for (let level = 1; level < profile.expandLevels; level++) {
      const confirmed = await this.tracing.confirmedAtLevel(db, c.id, level);
      add(
        await this.propose(
          db,
          c,
          profile,
          level + 1,
          confirmed.map((k) => this.sourceOf(k, window, now)),
        ),
      );
    }
    return result;
  }

  /** A confirmed contact passes the infection on from their first exposure until they are isolated. */
  private sourceOf(
    k: { id: string; person_id: string; first_exposure_at: Date | null; isolated_at: Date | null },
    caseWindow: Interval,
    now: Date,
  ): TracingSource {
    const from = k.first_exposure_at ?? caseWindow.from;
    const to = k.isolated_at ?? now;
    return { personId: k.person_id, from, to: to < from ? from : to, viaContactId: k.id };
  }

  private async propose(db: Db, c: CaseRecord, profile: DiseaseProfile, level: number, sources: TracingSource[]) {
    const rows = await this.tracing.candidates(db, sources, profile.contact);
    const proposals = mergeByPerson(
      rows.filter((r) => r.person_id !== c.person_id),
      sources,
      level,
      c.locality_path,
    );
    const { inserted, updated, proposed } = await this.tracing.upsertProposals(db, c.id, proposals);
    if (proposed.length > 0) await this.onContactsProposed?.(db, proposed);
    return { inserted, updated };
  }

  async rerun(actor: Actor, caseId: string): Promise<TracingRunResult> {
    return this.db.transaction().execute(async (trx) => {
      const c = await this.caseForTracingOrThrow(actor, caseId, trx);
      const result = await this.traceCase(trx, c);
      await this.audit.record(trx, actor, {
        action: 'trace',
        entityType: 'case',
        entityId: c.id,
        localityCode: c.locality_code,
        localityPath: c.locality_path,
        after: result,
      });
      return result;
    });
  }

  /**
   * Who infected a new case, from the trees it was found in: a confirmed contact who becomes a case
   * was infected by the case of that tree (F1) or by the contact they were found through, when that
   * contact is a case too. Read in the transaction that creates the case, which stores the links.
   */
  async infectorsFoundFor(db: Db, c: CaseRecord): Promise<CaseLink[]> {
    if (!c.person_id) return [];
    const rows = await this.tracing.openContactsOf(db, c.person_id);
    const links: CaseLink[] = [];
    for (const k of rows) {
      if (k.status !== 'confirmed' || k.case_id === c.id) continue;
      const infector = k.level === 1 ? k.case_id : k.via_case_id;
      if (infector && infector !== c.id) links.push({ infectorId: infector, infecteeId: c.id, origin: 'tracing' });
    }
    return links;
  }

  /**
   * Sets the person's F-level (hence their QR colour) to the lowest they hold: 0 while a case under
   * treatment, else their closest confirmed contact level. Inside the caller's transaction.
   */
  async refreshPersonLevel(db: Db, personId: string): Promise<void> {
    await this.tracing.setPersonLevel(db, personId, await this.tracing.lowestLevelOf(db, personId));
  }

  /** How many contacts a case has, by status (the counts a case's view shows). */
  contactCounts(db: Db, caseId: string): Promise<{ proposed: number; confirmed: number; rejected: number }> {
    return this.tracing.countsByStatus(db, caseId);
  }

  async listForCase(actor: Actor, caseId: string, q: ListContactsQuery): Promise<Page<ContactView>> {
    const c = await this.caseReadableOrThrow(actor, caseId);
    const page = await this.contactsPage(c.id, q);
    await this.audit.record(this.db, actor, {
      action: 'read_contacts',
      entityType: 'case',
      entityId: c.id,
      localityCode: c.locality_code,
      localityPath: c.locality_path,
      subjectIds: [c.person_id, ...page.items.map((k) => k.personId)],
    });
    return page;
  }

  private async contactsPage(caseId: string, q: ListContactsQuery): Promise<Page<ContactView>> {
    const rows = await this.tracing.listForCase(this.db, caseId, q);
    const page = toPage(rows, q.limit, (r) => [
      r.status !== 'proposed' ? 1 : 0,
      r.level,
      r.household ? 0 : 1,
      -r.total_overlap_minutes,
      r.id,
    ]);
    return { items: page.items.map(toContactView), nextCursor: page.nextCursor };
  }

  async exportForCase(
    actor: Actor,
    caseId: string,
    q: Omit<ListContactsQuery, 'after' | 'limit'>,
  ): Promise<SheetExport> {
    const c = await this.caseReadableOrThrow(actor, caseId);
    const log = await this.audit.exportLog(
      this.db,
      actor,
      {
        entityType: 'case',
        entityId: c.id,
        localityCode: c.locality_code,
        localityPath: c.locality_path,
        subjectIds: [c.person_id],
      },
      (k: ContactView) => k.personId,
    );
    return sheetExport({
      filename: `tiep-xuc-${c.case_number}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Người tiếp xúc' : 'Contacts',
      locale: actor.locale,
      columns: contactColumns(actor.locale, await this.localities.unitNamer(this.db, actor.locale)),
      pages: await allPages((after) => this.contactsPage(c.id, { ...q, after, limit: 500 }), log),
    });
  }

  /** Contacts living in the actor's area (or a narrower locality): the commune's follow-up list. */
  async listWithin(actor: Actor, q: ListAreaContactsQuery): Promise<Page<ContactView>> {
    const within = await this.areaOf(actor, q.locality);
    const page = await this.pageWithin(within, q);
    await this.audit.record(this.db, actor, {
      action: 'read_list',
      entityType: 'contact',
      entityId: null,
      localityPath: within,
      subjectIds: page.items.map((k) => k.personId),
    });
    return page;
  }

  /** The follow-up list as a call sheet: one logged export, however many pages it streams. */
  async exportWithin(actor: Actor, q: Omit<ListAreaContactsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const within = await this.areaOf(actor, q.locality);
    const log = await this.audit.exportLog(
      this.db,
      actor,
      { entityType: 'contact', entityId: null, localityPath: within },
      (k: ContactView) => k.personId,
    );
    return sheetExport({
      filename: 'nguoi-tiep-xuc.xlsx',
      sheetName: actor.locale === 'vi' ? 'Người tiếp xúc' : 'Contacts',
      locale: actor.locale,
      columns: contactColumns(actor.locale, await this.localities.unitNamer(this.db, actor.locale)),
      pages: await allPages((after) => this.pageWithin(within, { ...q, after, limit: 500 }), log),
    });
  }

  private async areaOf(actor: Actor, locality: string | undefined): Promise<string> {
    if (!tracingPolicy.list(actor)) throw new AppError('FORBIDDEN');
    return locality ? (await this.localities.findReadableOrThrow(actor, locality, this.db)).path : actor.scope.path;
  }

  private async pageWithin(within: string, q: ListAreaContactsQuery): Promise<Page<ContactView>> {
    const rows = await this.tracing.listWithin(this.db, within, q);
    const page = toPage(rows, q.limit, (r) => [r.created_key, r.id]);
    return { items: page.items.map(toContactView), nextCursor: page.nextCursor };
  }

  /** Retention job: contacts' venue evidence follows the check-in retention (see the repository). */
  purgeExpiredEvidence(retentionDays: number, now = new Date()): Promise<{ deleted: number; stripped: number }> {
    return this.tracing.purgeVenueEvidenceBefore(this.db, new Date(now.getTime() - retentionDays * DAY_MS));
  }

  async decide(actor: Actor, contactId: string, req: DecideContactRequest, now = new Date()): Promise<ContactView> {
    return this.db.transaction().execute(async (trx) => {
      const k = await this.tracing.findContact(trx, contactId);
      if (!k || !tracingPolicy.readContact(actor, k, { locality_path: k.case_path })) throw new AppError('NOT_FOUND');
      if (!tracingPolicy.trace(actor, { locality_path: k.case_path })) throw new AppError('FORBIDDEN');
      const isolatedAt = req.isolatedAt ? new Date(req.isolatedAt) : null;
      const status = req.decision === 'confirm' ? 'confirmed' : 'rejected';
      const moved = await this.tracing.decide(trx, k.id, {
        status,
        decidedBy: actor.userId,
        note: req.note?.trim() || null,
        isolatedAt,
      });
      if (!moved) throw new AppError('CONFLICT', [{ path: 'decision', message: m.alreadyDecided[actor.locale] }]);
      if (status === 'confirmed') await this.afterConfirm(trx, k, isolatedAt, now);
      await this.audit.record(trx, actor, {
        action: req.decision,
        entityType: 'contact',
        entityId: k.id,
        localityPath: k.locality_path,
        before: { status: k.status },
        after: { status, level: k.level, caseId: k.case_id },
      });
      return toContactView((await this.tracing.findContact(trx, k.id))!);
    });
  }

  /** The person becomes an F-level contact (QR yellow), gets their tasks, and the next level is proposed. */
  private async afterConfirm(db: Db, k: ContactRecord, isolatedAt: Date | null, now: Date): Promise<void> {
    await this.refreshPersonLevel(db, k.person_id);
    await this.onContactConfirmed?.(db, { contactId: k.id, personId: k.person_id, level: k.level });
    const c = (await this.cases.findById(db, k.case_id))!;
    const profile = await this.profiles.getOrThrow(db, c.profile_code);
    const start = vietnamToday(isolatedAt ?? now);
    await this.tracing.insertFollowUps(
      db,
      followUpPlan(profile, k.level, start).map((t) => ({
        personId: k.person_id,
        contactId: k.id,
        kind: t.kind,
        dueOn: t.dueOn,
        details: t.details,
        localityPath: k.locality_path,
      })),
    );
    if (k.level < profile.expandLevels) {
      const source = this.sourceOf({ ...k, isolated_at: isolatedAt }, this.windowOf(profile, c, now), now);
      await this.propose(db, c, profile, k.level + 1, [source]);
    }
  }

  /** A contact the case named in the interview: proposed as F1 with that as evidence. */
  async declare(actor: Actor, caseId: string, req: DeclareContactRequest): Promise<ContactView> {
    return this.db.transaction().execute(async (trx) => {
      const c = await this.caseForTracingOrThrow(actor, caseId, trx);
      const person = await this.registry.resolve(trx, actor, req.subject, 'subject');
      if (person.id === c.person_id)
        throw new AppError('VALIDATION_FAILED', [{ path: 'subject', message: m.selfContact[actor.locale] }]);
      const at = req.lastExposureAt ? new Date(req.lastExposureAt) : null;
      await this.tracing.upsertProposals(trx, c.id, [
        {
          personId: person.id,
          level: 1,
          viaContactId: null,
          household: false,
          declared: true,
          totalMinutes: 0,
          distinctVenues: 0,
          firstAt: at,
          lastAt: at,
          evidence: { interview: { note: req.note ?? null, by: actor.fullName } },
          localityPath: person.localityPath ?? c.locality_path,
        },
      ]);
      const k = await this.tracing.findContactOf(trx, c.id, person.id);
      await this.audit.record(trx, actor, {
        action: 'declare_contact',
        entityType: 'contact',
        entityId: k!.id,
        localityPath: k!.locality_path,
        after: { caseId: c.id },
      });
      return toContactView(k!);
    });
  }

  private caseReadableOrThrow(actor: Actor, caseId: string): Promise<CaseRecord> {
    return this.cases.findReadableOrThrow(this.db, actor, caseId);
  }

  private async caseForTracingOrThrow(actor: Actor, caseId: string, db: Db): Promise<CaseRecord> {
    const c = await this.cases.findReadableOrThrow(db, actor, caseId);
    if (!tracingPolicy.trace(actor, c)) throw new AppError('FORBIDDEN');
    return c;
  }
}
