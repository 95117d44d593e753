import { AppError, type ErrorCode } from '../../../core/errors.ts';
import { defaultDiseaseProfile } from '../../../core/rules/disease-profiles.ts';
import {
  extendPlan,
  NoQuarantineRule,
  quarantinePlan,
  releaseCheck,
  type QuarantinePlan,
  type ReleaseBlocker,
} from '../../../core/rules/quarantine-period.ts';
import { daysFrom, vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { AdmissionView, AdmitRequest, ReleaseRequest } from '../../../core/schemas/quarantine.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import type { QrTokenSigner } from '../../shared/qr-token.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { PeopleRegistryService } from '../people/people.module.ts';
import type { TestingService } from '../testing/testing.module.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.service.ts';
import { quarantineMessages as m } from './quarantine.messages.ts';
import { quarantinePolicy } from './quarantine.policy.ts';
import type { AdmissionRecord, QuarantineRepository } from './quarantine.repository.ts';
import { toAdmissionRow } from './quarantine.presenter.ts';
import { readableAdmissionOrThrow } from './quarantine-access.ts';

/** What the three quarantine services (stays, register, home monitoring) are built from, wired once by the module. */
export interface QuarantineDeps {
  db: Db;
  quarantine: QuarantineRepository;
  testing: TestingService;
  profiles: DiseaseProfilesService;
  registry: PeopleRegistryService;
  localities: LocalitiesService;
  audit: AuditTrailService;
  /** Signs the no-login daily report links. */
  links: QrTokenSigner;
}

/**
 * Quarantine stays: admission with the plan from the disease profile (tests ordered, QR red),
 * extension, transfer, and release only with the negative release test (or early, with a reason).
 * The register and its documents are in QuarantineRegisterService, the daily self-report by link in
 * HomeMonitoringService.
 */
export class QuarantineService {
  constructor(private readonly d: QuarantineDeps) {}

  private readableOrThrow(actor: Actor, id: string, db: Db): Promise<AdmissionRecord> {
    return readableAdmissionOrThrow(this.d.quarantine, db, actor, id);
  }

  private async manageableOrThrow(actor: Actor, id: string, db: Db): Promise<AdmissionRecord> {
    const a = await this.readableOrThrow(actor, id, db);
    if (!quarantinePolicy.manage(actor, a)) throw new AppError('FORBIDDEN');
    return a;
  }

  private async facilityWithRoomOrThrow(db: Db, actor: Actor, facilityId: string, handover = false) {
    const f = await this.d.quarantine.facilityForAdmission(db, facilityId);
    if (handover) {
      if (!f || !quarantinePolicy.handOverTo(actor, f)) throw new AppError('NOT_FOUND');
    } else {
      if (!f || !quarantinePolicy.seeFacility(actor, f)) throw new AppError('NOT_FOUND');
      if (!quarantinePolicy.admitTo(actor, f)) throw new AppError('FORBIDDEN');
    }
    if (f.status !== 'active')
      throw new AppError('FACILITY_CLOSED', [{ path: 'facilityId', message: m.facilityClosed[actor.locale] }]);
    // Home quarantine has no places to run out of; a facility without a quarantine capacity row has none.
    if (f.kind !== 'home' && Number(f.occupied) >= (f.capacity ?? 0))
      throw new AppError('QUARANTINE_FULL', [{ path: 'facilityId', message: m.facilityFull[actor.locale] }]);
    return f;
  }

  async admit(actor: Actor, req: AdmitRequest, now = new Date()): Promise<AdmissionView> {
    const earlier = await this.d.quarantine.findByClientKey(this.d.db, req.clientKey);
    if (earlier) return this.view(this.d.db, await this.readableOrThrow(actor, earlier.id, this.d.db), now);
    const id = await this.d.db.transaction().execute((trx) => this.admitWithin(trx, actor, req, now));
    return this.view(this.d.db, (await this.d.quarantine.findById(this.d.db, id))!, now);
  }

  /**
   * Admits inside the caller's transaction: the same checks, the same audit; answers the admission's
   * id. A `handover` (a border checkpoint or interception sending a person it identified to a
   * facility of its province, issue 19) names the person the caller resolved.
   */
  async admitWithin(
    trx: Db,
    actor: Actor,
    req: AdmitRequest,
    now: Date,
    handover?: { personId: string },
  ): Promise<string> {
    const facility = await this.facilityWithRoomOrThrow(trx, actor, req.facilityId, handover !== undefined);
    const person = handover
      ? { id: handover.personId }
      : await this.d.registry.resolve(trx, actor, req.subject, 'subject');
    const current = await this.d.quarantine.activeOf(trx, person.id);
    if (current)
      throw new AppError('ALREADY_IN_QUARANTINE', [
        { path: 'subject', message: `${m.alreadyIn[actor.locale]} ${current.facility_name}` },
      ]);
    const contact = req.contactId ? await this.d.quarantine.contactForAdmission(trx, req.contactId) : undefined;
    if (req.contactId && (!contact || contact.person_id !== person.id)) throw new AppError('NOT_FOUND');
    if (contact && contact.status !== 'confirmed')
      throw new AppError('CONTACT_NOT_CONFIRMED', [
        { path: 'contactId', message: m.contactNotConfirmed[actor.locale] },
      ]);
    const profileCode = req.profileCode ?? contact?.profile_code ?? defaultDiseaseProfile.code;
    const plan = this.planOrThrow(await this.d.profiles.getOrThrow(trx, profileCode), req, vietnamToday(now), actor);
    const { id: tokenId } = this.d.links.issue();
    const id = await this.d.quarantine.insert(trx, {
      person_id: person.id,
      facility_id: facility.id,
      reason: req.reason,
      contact_id: contact?.id ?? null,
      profile_code: profileCode,
      vaccinated_or_recovered: req.vaccinatedOrRecovered,
      starts_on: plan.startsOn,
      ends_on: plan.endsOn,
      monitoring_until: plan.monitoringUntil,
      test_dates: JSON.stringify(plan.testDates),
      room: req.room ?? null,
      locality_path: facility.locality_path,
      client_key: req.clientKey,
      document_number: `${await this.d.quarantine.nextDocumentNumber(trx)}/QĐ-BCĐ`,
      monitor_token_id: tokenId,
      created_by: recordedBy(actor),
    });
    await this.orderScheduleTests(trx, id, person.id, facility.locality_path, plan);
    await this.d.quarantine.startQuarantineOf(trx, person.id);
    if (contact) await this.d.quarantine.closeQuarantineTasks(trx, contact.id);
    await this.d.quarantine.addEvent(trx, {
      admission_id: id,
      kind: 'admit',
      details: JSON.stringify({ facilityId: facility.id, plan }),
      actor_id: actor.userId,
    });
    await this.d.audit.record(trx, actor, {
      action: 'admit',
      entityType: 'quarantine_admission',
      entityId: id,
      localityPath: facility.locality_path,
      after: { reason: req.reason, plan },
    });
    return id;
  }

  /** Which of these admissions are still running (the border bulletin's "still in quarantine"). */
  async stillActive(db: Db, admissionIds: readonly string[]): Promise<Set<string>> {
    return new Set(await this.d.quarantine.stillActive(db, admissionIds));
  }

  private planOrThrow(
    profile: Parameters<typeof quarantinePlan>[0],
    req: AdmitRequest,
    today: string,
    actor: Actor,
  ): QuarantinePlan {
    try {
      return quarantinePlan(profile, {
        reason: req.reason,
        startsOn: req.startsOn ?? today,
        vaccinatedOrRecovered: req.vaccinatedOrRecovered,
      });
    } catch (err) {
      if (err instanceof NoQuarantineRule)
        throw new AppError('VALIDATION_FAILED', [{ path: 'reason', message: m.noRule[actor.locale] }]);
      throw err;
    }
  }

  private async orderScheduleTests(db: Db, admissionId: string, personId: string, path: string, plan: QuarantinePlan) {
    await this.d.quarantine.cancelOpenScheduleOrders(db, admissionId, plan.testDates);
    await this.d.testing.orderTests(
      db,
      plan.testDates.map((dueOn) => ({
        personId,
        reason: 'schedule' as const,
        testKind: 'rt_pcr' as const,
        dueOn,
        localityPath: path,
        admissionId,
      })),
    );
  }

  async get(actor: Actor, id: string, now = new Date()): Promise<AdmissionView> {
    const a = await this.readableOrThrow(actor, id, this.d.db);
    await this.d.audit.record(this.d.db, actor, {
      action: 'read',
      entityType: 'quarantine_admission',
      entityId: a.id,
      localityPath: a.locality_path,
      subjectIds: [a.person_id],
    });
    return this.view(this.d.db, a, now);
  }

  async extend(
    actor: Actor,
    id: string,
    req: { days: number; reason: string },
    now = new Date(),
  ): Promise<AdmissionView> {
    await this.d.db.transaction().execute(async (trx) => {
      const a = await this.manageableOrThrow(actor, id, trx);
      const plan = extendPlan(planOf(a), req.days);
      if (
        !(await this.d.quarantine.updateActive(trx, id, {
          ends_on: plan.endsOn,
          monitoring_until: plan.monitoringUntil,
          test_dates: JSON.stringify(plan.testDates),
          extended_days: a.extended_days + req.days,
        }))
      )
        throw new AppError('STAY_ALREADY_ENDED');
      await this.orderScheduleTests(trx, id, a.person_id, a.locality_path, plan);
      await this.d.quarantine.addEvent(trx, {
        admission_id: id,
        kind: 'extend',
        details: JSON.stringify(req),
        actor_id: actor.userId,
      });
      await this.d.audit.record(trx, actor, {
        action: 'extend',
        entityType: 'quarantine_admission',
        entityId: id,
        localityPath: a.locality_path,
        before: { endsOn: a.ends_on },
        after: { endsOn: plan.endsOn, reason: req.reason },
      });
    });
    return this.view(this.d.db, (await this.d.quarantine.findById(this.d.db, id))!, now);
  }

  /** Moves the stay to another facility: the old one is closed as transferred, the plan continues unchanged. */
  async transfer(
    actor: Actor,
    id: string,
    req: { facilityId: string; room?: string; reason: string },
    now = new Date(),
  ): Promise<AdmissionView> {
    const newId = await this.d.db.transaction().execute(async (trx) => {
      const a = await this.manageableOrThrow(actor, id, trx);
      if (a.facility_id === req.facilityId)
        throw new AppError('SAME_PLACE', [{ path: 'facilityId', message: m.sameFacility[actor.locale] }]);
      const target = await this.facilityWithRoomOrThrow(trx, actor, req.facilityId);
      // The daily report link moves with the person: the old stay gives it up before the new one takes it.
      if (!(await this.d.quarantine.updateActive(trx, id, { status: 'transferred', monitor_token_id: null })))
        throw new AppError('STAY_ALREADY_ENDED');
      const newId = await this.d.quarantine.insert(trx, {
        person_id: a.person_id,
        facility_id: target.id,
        reason: a.reason,
        contact_id: a.contact_id,
        profile_code: a.profile_code,
        vaccinated_or_recovered: a.vaccinated_or_recovered,
        starts_on: a.starts_on,
        ends_on: a.ends_on,
        monitoring_until: a.monitoring_until,
        test_dates: JSON.stringify(a.test_dates),
        room: req.room ?? null,
        locality_path: target.locality_path,
        document_number: a.document_number,
        monitor_token_id: a.monitor_token_id,
        extended_days: a.extended_days,
        created_by: recordedBy(actor),
        client_key: null,
      });
      await this.d.quarantine.addEvent(trx, {
        admission_id: id,
        kind: 'transfer_out',
        details: JSON.stringify({ to: newId, reason: req.reason }),
        actor_id: actor.userId,
      });
      await this.d.quarantine.addEvent(trx, {
        admission_id: newId,
        kind: 'transfer_in',
        details: JSON.stringify({ from: id, reason: req.reason }),
        actor_id: actor.userId,
      });
      await this.d.audit.record(trx, actor, {
        action: 'transfer',
        entityType: 'quarantine_admission',
        entityId: newId,
        localityPath: target.locality_path,
        before: { facilityId: a.facility_id },
        after: { facilityId: target.id },
      });
      return newId;
    });
    return this.view(this.d.db, (await this.d.quarantine.findById(this.d.db, newId))!, now);
  }

  /**
   * Ends the stay. A completed release needs the release check (period over, negative release
   * test, nothing positive); an early one needs a reason and nothing positive. The person leaves
   * quarantine (QR no longer red) and, as a contact, is no longer an F-level contact; home
   * monitoring follows until its last day.
   */
  async release(actor: Actor, id: string, req: ReleaseRequest, now = new Date()): Promise<AdmissionView> {
    const today = vietnamToday(now);
    await this.d.db.transaction().execute(async (trx) => {
      const a = await this.manageableOrThrow(actor, id, trx);
      if (a.status !== 'active') throw new AppError('STAY_ALREADY_ENDED');
      const check = releaseCheck(planOf(a), today, resulted(await this.testsOf(trx, a)));
      const blocking = req.early ? check.blockers.filter((b) => b === 'positive_result') : check.blockers;
      // The headline names the most serious reason (a positive test first); every reason is in the details.
      if (blocking.length)
        throw new AppError(
          releaseRefusal[blocking.includes('positive_result') ? 'positive_result' : blocking[0]!],
          blocking.map((b) => ({ path: 'release', message: m.blockers[b][actor.locale] })),
        );
      await this.d.quarantine.updateActive(trx, id, {
        status: 'released',
        released_on: today,
        release_kind: req.early ? 'early' : 'completed',
        release_note: req.note ?? null,
      });
      await this.d.quarantine.cancelOpenScheduleOrders(trx, id, []);
      await this.d.quarantine.endQuarantineOf(trx, a.person_id, { monitoring: a.monitoring_until > today });
      await this.d.quarantine.addEvent(trx, {
        admission_id: id,
        kind: req.early ? 'early_release' : 'release',
        details: JSON.stringify({ note: req.note ?? null, blockers: check.blockers }),
        actor_id: actor.userId,
      });
      await this.d.audit.record(trx, actor, {
        action: req.early ? 'early_release' : 'release',
        entityType: 'quarantine_admission',
        entityId: id,
        localityPath: a.locality_path,
        after: { releasedOn: today },
      });
    });
    return this.view(this.d.db, (await this.d.quarantine.findById(this.d.db, id))!, now);
  }

  private async testsOf(db: Db, a: AdmissionRecord) {
    return (await this.d.quarantine.testsOf(db, a.person_id, a.starts_on)).map((t) => ({
      code: t.code,
      kind: t.kind,
      result: t.result,
      sampledOn: t.sampled_on,
    }));
  }

  private async view(db: Db, a: AdmissionRecord, now: Date): Promise<AdmissionView> {
    const [tests, orders] = [await this.testsOf(db, a), await this.d.quarantine.ordersOf(db, a.id)];
    const check = releaseCheck(planOf(a), vietnamToday(now), resulted(tests));
    return {
      ...toAdmissionRow(a),
      tests,
      orders: orders.map((o) => ({ id: o.id, dueOn: o.due_on, reason: o.reason, status: o.status })),
      release: a.status === 'active' ? check : { allowed: false, blockers: [] },
      monitorToken: a.status === 'active' && a.monitor_token_id ? this.d.links.tokenOf(a.monitor_token_id) : null,
    };
  }
}

/** The error code of each release blocker. */
const releaseRefusal: Record<ReleaseBlocker, ErrorCode> = {
  positive_result: 'RELEASE_POSITIVE_RESULT',
  too_early: 'RELEASE_TOO_EARLY',
  release_test_missing: 'RELEASE_TEST_MISSING',
};

type TestOnFile = {
  code: string;
  kind: 'rt_pcr' | 'rapid_antigen';
  sampledOn: string;
  result: 'negative' | 'positive' | 'invalid' | null;
};
const resulted = (tests: TestOnFile[]) =>
  tests.filter((t): t is TestOnFile & { result: NonNullable<TestOnFile['result']> } => t.result !== null);

function planOf(a: AdmissionRecord): QuarantinePlan {
  const testDates = a.test_dates as string[];
  return {
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    monitoringUntil: a.monitoring_until,
    testDates,
    shortened: false,
    days: daysFrom(a.starts_on, a.ends_on) + 1,
    homeMonitoringDays: daysFrom(a.ends_on, a.monitoring_until),
  };
}
