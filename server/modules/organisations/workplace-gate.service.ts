import { AppError } from '../../../core/errors.ts';
import { gateDecision } from '../../../core/rules/health-status.ts';
import { idTypeOfRosterNumber as idTypeOf } from '../../../core/rules/identity-documents.ts';
import { parseCccdQr } from '../../../core/rules/cccd-qr.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { GateCheckRequest, GateCheckResult, SiteView } from '../../../core/schemas/workforce.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { CheckinsService } from '../checkins/checkins.service.ts';
import type { PeopleService, TokenHolder } from '../people/people.service.ts';
import type { VenuesService } from '../venues/venues.service.ts';
import { organisationsPolicy as policy } from './organisations.policy.ts';
import type { OrganisationRecord, OrganisationsRepository } from './organisations.repository.ts';
import type { RosterWorkerRecord, RostersRepository } from './rosters.repository.ts';
import { cccdProblemMessages, workforceMessages as messages } from './workforce.messages.ts';
import type { WorkplaceGateRepository } from './workplace-gate.repository.ts';

/** The document type a roster number has, by its shape (as the roster import accepted it). */

interface Checked {
  worker: RosterWorkerRecord | null;
  holder: TokenHolder | null;
  /** A personal QR that is forged, revoked or unknown. */
  invalidQr: boolean;
}

/**
 * "No declaration, no work" at the gate of an organisation's sites (its linked venues): each
 * arriving worker is let in with a valid health declaration and refused without one, by the
 * venue gate's own rule (`gateDecision` with `require_declaration` over the QR colour, whose
 * declaration validity is the declarations module's `valid_until`). Three ways in: the worker's
 * personal QR, a pick from the roster (no phone), or the QR printed on their CCCD card.
 */
export class WorkplaceGateService {
  constructor(
    private readonly db: Db,
    private readonly organisations: OrganisationsRepository,
    private readonly rosters: RostersRepository,
    private readonly repo: WorkplaceGateRepository,
    private readonly people: PeopleService,
    private readonly venues: VenuesService,
    private readonly checkins: CheckinsService,
    private readonly audit: AuditTrailService,
  ) {}

  private async organisationOrThrow(
    actor: Actor,
    id: string,
    allowed: (a: Actor, o: OrganisationRecord) => boolean,
    db: Db,
  ): Promise<OrganisationRecord> {
    const o = await this.organisations.findById(db, id);
    if (!o || !(policy.read(actor, o) || policy.operateGate(actor, o))) throw new AppError('NOT_FOUND');
    if (!allowed(actor, o)) throw new AppError('FORBIDDEN');
    return o;
  }

  async sites(actor: Actor, organisationId: string): Promise<{ items: SiteView[] }> {
    await this.organisationOrThrow(actor, organisationId, (a, o) => policy.read(a, o), this.db);
    const rows = await this.repo.sites(this.db, organisationId);
    return {
      items: rows.map((r) => ({ venueId: r.venue_id, name: r.name, addressLine: r.address_line, status: r.status })),
    };
  }

  /** Links one of the organisation's existing venues (one the actor may read: its own) as a site. */
  async linkSite(actor: Actor, organisationId: string, venueId: string): Promise<{ items: SiteView[] }> {
    const org = await this.organisationOrThrow(actor, organisationId, policy.manageWorkforce, this.db);
    const venue = await this.venues.get(actor, venueId);
    await this.db.transaction().execute(async (trx) => {
      const owner = await this.repo.siteOwner(trx, venueId);
      if (owner?.organisation_id === organisationId) return;
      if (owner || !(await this.repo.link(trx, organisationId, venueId, recordedBy(actor))))
        throw new AppError('CONFLICT', [{ path: 'venueId', message: messages[actor.locale].siteTaken }]);
      await this.audit.record(trx, actor, {
        action: 'link_site',
        entityType: 'organisation',
        entityId: organisationId,
        localityCode: org.commune_code,
        localityPath: org.locality_path,
        after: { venueId, venueName: venue.name },
      });
    });
    return this.sites(actor, organisationId);
  }

  /**
   * Checks one arriving worker and records the check; a resend (same client key) answers the first
   * check. Someone not on the roster is decided all the same (a contractor, a new hire) and counted
   * apart from the roster's figures. `now` is the demo's (the route never passes it).
   */
  async check(actor: Actor, organisationId: string, req: GateCheckRequest, now = new Date()): Promise<GateCheckResult> {
    const m = messages[actor.locale];
    const org = await this.organisationOrThrow(actor, organisationId, policy.operateGate, this.db);
    const earlier = await this.repo.eventByClientKey(this.db, req.clientKey);
    if (earlier) {
      if (earlier.organisation_id !== organisationId)
        throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherOrganisation }]);
      return this.answer(earlier, null);
    }
    if (org.status !== 'approved') throw new AppError('CONFLICT', [{ path: 'organisation', message: m.notApproved }]);
    const site = await this.repo.siteOwner(this.db, req.venueId);
    if (site?.organisation_id !== organisationId)
      throw new AppError('VALIDATION_FAILED', [{ path: 'venueId', message: m.notASite }]);
    const checked = await this.identify(actor, organisationId, req, now);
    const decision = checked.holder
      ? gateDecision(checked.holder.status, 'require_declaration')
      : { allowed: false, reasons: [checked.invalidQr ? 'invalid_qr' : 'no_valid_declaration'] };
    const validDeclaration = checked.holder?.view.validUntil != null;
    const answer = await this.db.transaction().execute(async (trx) => {
      const id = await this.repo.insertEvent(trx, {
        client_key: req.clientKey,
        organisation_id: organisationId,
        venue_id: req.venueId,
        roster_worker_id: checked.worker?.id ?? null,
        person_id: checked.holder?.personId ?? null,
        day: vietnamToday(now),
        at: now,
        mode: req.mode,
        allowed: decision.allowed,
        valid_declaration: validDeclaration,
        reasons: JSON.stringify(decision.reasons),
        recorded_by: recordedBy(actor),
      });
      // A twin request committed the same key meanwhile: answer the check it stored.
      if (id === null) return this.answer((await this.repo.eventByClientKey(trx, req.clientKey))!, null);
      if (checked.worker)
        await this.repo.countWorkerDay(trx, {
          organisationId,
          localityPath: org.locality_path,
          day: vietnamToday(now),
          workerId: checked.worker.id,
          onSite: checked.worker.on_site,
          allowed: decision.allowed,
          valid: validDeclaration,
        });
      await this.audit.record(trx, actor, {
        action: 'gate_check',
        entityType: 'workplace_gate_event',
        entityId: id,
        localityCode: org.commune_code,
        localityPath: org.locality_path,
        after: { mode: req.mode, allowed: decision.allowed, reasons: decision.reasons, venueId: req.venueId },
        subjectIds: [checked.holder?.personId ?? null],
      });
      return this.answer(
        {
          id,
          allowed: decision.allowed,
          valid_declaration: validDeclaration,
          reasons: decision.reasons,
          at: now,
          roster_worker_id: checked.worker?.id ?? null,
          full_name: checked.worker?.full_name ?? null,
          department: checked.worker?.department ?? null,
        },
        checked.holder?.view.displayName ?? null,
      );
    });
    // Who came in is a check-in at the site, as at any venue gate (tracing reads check-ins).
    if (answer.allowed && checked.holder)
      await this.checkins.recordWorkplaceEntry(req.venueId, checked.holder.personId);
    return answer;
  }

  /** Who is at the gate: the roster worker and the person record behind them, by the mode used. */
  private async identify(actor: Actor, organisationId: string, req: GateCheckRequest, now: Date): Promise<Checked> {
    if (req.mode === 'qr') {
      const holder = await this.people.holderIn(this.db, req.qrToken, now);
      if (!holder) return { worker: null, holder: null, invalidQr: true };
      const doc = await this.people.documentOf(this.db, holder.personId);
      const worker = doc ? ((await this.rosters.byDocument(this.db, organisationId, doc.id_number)) ?? null) : null;
      return { worker, holder, invalidQr: false };
    }
    if (req.mode === 'list') {
      const worker = await this.rosters.byId(this.db, organisationId, req.rosterWorkerId);
      if (!worker)
        throw new AppError('VALIDATION_FAILED', [
          { path: 'rosterWorkerId', message: messages[actor.locale].notOnRoster },
        ]);
      const holder = await this.people.holderByDocument(this.db, idTypeOf(worker.id_number), worker.id_number, now);
      return { worker, holder, invalidQr: false };
    }
    const card = parseCccdQr(req.cardText);
    if (!card.ok)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'cardText', message: cccdProblemMessages[card.problem][actor.locale] },
      ]);
    // A roster written before the card may carry the old 9-digit number.
    const numbers = [card.card.number, ...(card.card.oldNumber ? [card.card.oldNumber] : [])];
    let worker: RosterWorkerRecord | null = null;
    let holder: TokenHolder | null = null;
    for (const n of numbers) {
      worker ??= (await this.rosters.byDocument(this.db, organisationId, n)) ?? null;
      holder ??= await this.people.holderByDocument(this.db, idTypeOf(n), n, now);
    }
    return { worker, holder, invalidQr: false };
  }

  private answer(
    e: {
      id: string;
      allowed: boolean;
      valid_declaration: boolean;
      reasons: unknown;
      at: Date;
      roster_worker_id: string | null;
      full_name: string | null;
      department: string | null;
    },
    displayName: string | null,
  ): GateCheckResult {
    return {
      eventId: e.id,
      allowed: e.allowed,
      reasons: e.reasons as string[],
      validDeclaration: e.valid_declaration,
      worker: e.roster_worker_id
        ? { id: e.roster_worker_id, fullName: e.full_name ?? '', department: e.department ?? '' }
        : null,
      displayName,
      at: e.at.toISOString(),
    };
  }
}
