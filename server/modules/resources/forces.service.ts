import { AppError } from '../../../core/errors.ts';
import { forceKindLabels, type ForceKind } from '../../../core/rules/resources/forces.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  AssignReinforcementRequest,
  DutiesQuery,
  DutyRequest,
  DutyView,
  ForceMemberView,
  ListForcesQuery,
  ListReinforcementsQuery,
  NewForceMemberRequest,
  ReinforcementRequest,
  ReinforcementView,
  UpdateForceMemberRequest,
} from '../../../core/schemas/resources.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, pathWithin, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { UnitsService } from '../units/units.module.ts';
import { forcesColumns, reinforcementColumns } from './forces.export.ts';
import { toDutyView, toMemberView, toReinforcementView } from './forces.presenter.ts';
import type { ForcesRepository, MemberRecord, RequestRecord } from './forces.repository.ts';
import { resourceMessages as messages } from './resources.messages.ts';
import { resourcesPolicy as policy } from './resources.policy.ts';

export interface ForcesDeps {
  db: Db;
  repo: ForcesRepository;
  units: UnitsService;
  localities: LocalitiesService;
  audit: AuditTrailService;
  clock?: () => Date;
}

/**
 * Forces a unit can call on (issue 18): rosters by kind with skills, availability and assignment, a
 * duty schedule, and reinforcement: a unit asks its upper level, which sends people of other units
 * below it; each move is recorded in force_transfers and the member then serves the unit asking.
 */
export class ForcesService {
  constructor(private readonly d: ForcesDeps) {}

  private by(actor: Actor): string | null {
    return recordedBy(actor);
  }

  private async within(actor: Actor, locality: string | undefined): Promise<string> {
    return locality ? (await this.d.localities.findReadableOrThrow(actor, locality, this.d.db)).path : actor.scope.path;
  }

  async list(actor: Actor, q: ListForcesQuery): Promise<Page<ForceMemberView>> {
    if (!policy.read(actor)) throw new AppError('FORBIDDEN');
    const rows = await this.d.repo.listMembers(this.d.db, {
      withinPath: await this.within(actor, q.locality),
      unitId: q.unit,
      kind: q.kind,
      availableOnly: q.availableOnly,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.full_name, r.id]);
    return { items: page.items.map((m) => toMemberView(m, actor.locale)), nextCursor: page.nextCursor };
  }

  async exportRoster(actor: Actor, q: Omit<ListForcesQuery, 'after' | 'limit'>): Promise<SheetExport> {
    if (!policy.read(actor)) throw new AppError('FORBIDDEN');
    const pages = await allPages((after) => this.list(actor, { ...q, after, limit: 500 }));
    return sheetExport({
      filename: `luc-luong-${vietnamToday()}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Lực lượng' : 'Forces',
      locale: actor.locale,
      columns: forcesColumns(actor.locale),
      pages,
    });
  }

  private async memberView(db: Db, actor: Actor, id: string): Promise<ForceMemberView> {
    const m = await this.d.repo.findMember(db, id);
    if (!m) throw new AppError('NOT_FOUND');
    return toMemberView(m, actor.locale);
  }

  async add(actor: Actor, req: NewForceMemberRequest): Promise<ForceMemberView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const resent = await this.d.repo.findMemberByClientKey(trx, req.clientKey);
      if (resent) return this.memberView(trx, actor, resent.id);
      const unit = await this.d.units.findById(trx, req.unitId);
      if (!unit || !unit.active) throw new AppError('NOT_FOUND');
      if (!policy.keepForcesAt(actor, unit.locality_path))
        throw new AppError('FORBIDDEN', [{ path: 'unitId', message: m.notYourUnit }]);
      const id = await this.d.repo.insertMember(trx, {
        client_key: req.clientKey,
        home_unit_id: unit.id,
        serving_unit_id: unit.id,
        kind: req.kind,
        full_name: req.fullName,
        phone: req.phone ?? null,
        skills: JSON.stringify(req.skills),
        availability: req.availability,
        assignment: req.assignment ?? null,
        locality_path: unit.locality_path,
        province_code: unit.province_code,
      });
      await this.audit(trx, actor, 'create', 'force_member', id, unit.locality_path, {
        unit: unit.code,
        kind: req.kind,
      });
      return this.memberView(trx, actor, id);
    });
  }

  private async keptMember(db: Db, actor: Actor, id: string): Promise<MemberRecord> {
    const member = await this.d.repo.findMember(db, id);
    if (!member || !policy.readAt(actor, member.locality_path)) throw new AppError('NOT_FOUND');
    if (!policy.keepForcesAt(actor, member.locality_path)) throw new AppError('FORBIDDEN');
    return member;
  }

  async update(actor: Actor, id: string, req: UpdateForceMemberRequest): Promise<ForceMemberView> {
    return this.d.db.transaction().execute(async (trx) => {
      const member = await this.keptMember(trx, actor, id);
      await this.d.repo.updateMember(trx, id, { availability: req.availability, assignment: req.assignment });
      await this.audit(trx, actor, 'update', 'force_member', id, member.locality_path, req, {
        availability: member.availability,
        assignment: member.assignment,
      });
      return this.memberView(trx, actor, id);
    });
  }

  async duties(actor: Actor, q: DutiesQuery): Promise<DutyView[]> {
    const unit = await this.d.units.findById(this.d.db, q.unit);
    if (!unit || !policy.readAt(actor, unit.locality_path)) throw new AppError('NOT_FOUND');
    const from = `${q.from}T00:00:00+07:00`;
    const until = new Date(new Date(from).getTime() + q.days * 86_400_000).toISOString();
    return (await this.d.repo.duties(this.d.db, { unitId: unit.id, from, until })).map(toDutyView);
  }

  async addDuty(actor: Actor, memberId: string, req: DutyRequest): Promise<DutyView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const resent = await this.d.repo.findDutyByClientKey(trx, req.clientKey);
      if (resent) return toDutyView((await this.d.repo.duties(trx, { dutyId: resent.id }))[0]!);
      const member = await this.keptMember(trx, actor, memberId);
      if (new Date(req.endsAt) <= new Date(req.startsAt))
        throw new AppError('VALIDATION_FAILED', [{ path: 'endsAt', message: m.dutyOverlap }]);
      if (await this.d.repo.overlappingDuty(trx, member.id, req.startsAt, req.endsAt))
        throw new AppError('CONFLICT', [{ path: 'startsAt', message: m.dutyOverlap }]);
      const id = await this.d.repo.insertDuty(trx, {
        client_key: req.clientKey,
        member_id: member.id,
        unit_id: member.serving_unit_id,
        starts_at: req.startsAt,
        ends_at: req.endsAt,
        post: req.post,
        created_by: this.by(actor),
      });
      await this.audit(trx, actor, 'schedule_duty', 'force_member', member.id, member.locality_path, {
        duty: id,
        post: req.post,
      });
      return toDutyView((await this.d.repo.duties(trx, { dutyId: id }))[0]!);
    });
  }

  // --- reinforcement -------------------------------------------------------------------------

  async requests(actor: Actor, q: ListReinforcementsQuery): Promise<Page<ReinforcementView>> {
    if (!policy.read(actor)) throw new AppError('FORBIDDEN');
    const rows = await this.d.repo.listRequests(this.d.db, {
      withinPath: await this.within(actor, q.locality),
      status: q.status,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.created_key, r.id]);
    return { items: page.items.map((r) => this.requestView(actor, r)), nextCursor: page.nextCursor };
  }

  async exportRequests(actor: Actor, q: Omit<ListReinforcementsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    if (!policy.read(actor)) throw new AppError('FORBIDDEN');
    const pages = await allPages((after) => this.requests(actor, { ...q, after, limit: 500 }));
    return sheetExport({
      filename: `de-nghi-tang-cuong-${vietnamToday()}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Đề nghị tăng cường' : 'Reinforcement',
      locale: actor.locale,
      columns: reinforcementColumns((k: ForceKind) => forceKindLabels[k][actor.locale], actor.locale),
      pages,
    });
  }

  private requestView(actor: Actor, r: RequestRecord): ReinforcementView {
    return toReinforcementView(r, actor.locale, this.atUpperLevel(actor, r));
  }

  private async requestViewById(db: Db, actor: Actor, id: string): Promise<ReinforcementView> {
    const r = await this.d.repo.findRequest(db, id);
    if (!r) throw new AppError('NOT_FOUND');
    return this.requestView(actor, r);
  }

  async ask(actor: Actor, req: ReinforcementRequest): Promise<ReinforcementView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const resent = await this.d.repo.findRequestByClientKey(trx, req.clientKey);
      if (resent) return this.requestViewById(trx, actor, resent.id);
      const unit = await this.d.units.findById(trx, req.unitId);
      if (!unit || !unit.active) throw new AppError('NOT_FOUND');
      if (!policy.keepForcesAt(actor, unit.locality_path))
        throw new AppError('FORBIDDEN', [{ path: 'unitId', message: m.notYourUnit }]);
      if (!unit.supervisor_unit_id)
        throw new AppError('VALIDATION_FAILED', [{ path: 'unitId', message: m.noUpperLevel }]);
      const id = await this.d.repo.insertRequest(trx, {
        client_key: req.clientKey,
        unit_id: unit.id,
        asked_of_unit_id: unit.supervisor_unit_id,
        kind: req.kind,
        count: req.count,
        reason: req.reason,
        locality_path: unit.locality_path,
        province_code: unit.province_code,
        created_by: this.by(actor),
      });
      await this.audit(trx, actor, 'request_reinforcement', 'reinforcement_request', id, unit.locality_path, {
        kind: req.kind,
        count: req.count,
      });
      return this.requestViewById(trx, actor, id);
    });
  }

  /** The upper level sends people of other units below it; each transfer is recorded. */
  async assign(actor: Actor, id: string, req: AssignReinforcementRequest): Promise<ReinforcementView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const r = await this.openRequest(trx, actor, id);
      const left = r.count - r.assigned;
      const memberIds = [...new Set(req.memberIds)];
      if (memberIds.length > left)
        throw new AppError('VALIDATION_FAILED', [{ path: 'memberIds', message: m.tooMany(left) }]);
      const to = await this.d.units.findById(trx, r.unit_id);
      if (!to) throw new AppError('NOT_FOUND');
      const problems: { path: string; message: string }[] = [];
      const members: MemberRecord[] = [];
      for (const [i, memberId] of memberIds.entries()) {
        const member = await this.d.repo.findMember(trx, memberId);
        const path = `memberIds.${i}`;
        if (!member || !pathWithin(r.asked_path, member.locality_path) || !policy.readAt(actor, member.locality_path))
          problems.push({ path, message: m.memberOutsideArea });
        else if (member.kind !== r.kind) problems.push({ path, message: m.memberWrongKind });
        else if (member.home_unit_id === r.unit_id) problems.push({ path, message: m.memberOwnUnit });
        else if (member.availability === 'unavailable' || member.serving_unit_id !== member.home_unit_id)
          problems.push({ path, message: m.memberNotAvailable });
        else members.push(member);
      }
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems);
      for (const member of members)
        await this.d.repo.transfer(trx, { member, to, requestId: r.id, by: this.by(actor) });
      const assigned = r.assigned + members.length;
      await this.d.repo.updateRequest(trx, r.id, { assigned, status: assigned >= r.count ? 'fulfilled' : 'open' });
      await this.audit(trx, actor, 'assign_reinforcement', 'reinforcement_request', r.id, r.locality_path, {
        members: members.map((x) => ({ id: x.id, from: x.serving_code })),
      });
      return this.requestViewById(trx, actor, r.id);
    });
  }

  async decline(actor: Actor, id: string, reason: string): Promise<ReinforcementView> {
    return this.d.db.transaction().execute(async (trx) => {
      const r = await this.openRequest(trx, actor, id);
      await this.d.repo.updateRequest(trx, r.id, { status: 'declined', decline_reason: reason });
      await this.audit(trx, actor, 'decline_reinforcement', 'reinforcement_request', r.id, r.locality_path, { reason });
      return this.requestViewById(trx, actor, r.id);
    });
  }

  /** The actor's area holds the upper unit asked, and is more than the area of the unit asking. */
  private atUpperLevel(actor: Actor, r: RequestRecord): boolean {
    return policy.assignReinforcement(actor, r.asked_path) && actor.scope.path !== r.locality_path;
  }

  /** The request, locked, still open, and the actor at its upper level (not the unit asking). */
  private async openRequest(db: Db, actor: Actor, id: string): Promise<RequestRecord> {
    const m = messages[actor.locale];
    const r = await this.d.repo.findRequest(db, id, true);
    if (!r || !policy.readAt(actor, r.locality_path)) throw new AppError('NOT_FOUND');
    if (!this.atUpperLevel(actor, r)) throw new AppError('FORBIDDEN', [{ path: 'id', message: m.notUpperLevel }]);
    if (r.status !== 'open') throw new AppError('CONFLICT', [{ path: 'id', message: m.requestClosed }]);
    return r;
  }

  private async audit(
    db: Db,
    actor: Actor,
    action:
      | 'create'
      | 'update'
      | 'schedule_duty'
      | 'request_reinforcement'
      | 'assign_reinforcement'
      | 'decline_reinforcement',
    entityType: 'force_member' | 'reinforcement_request',
    entityId: string,
    path: string,
    after: unknown,
    before?: unknown,
  ): Promise<void> {
    await this.d.audit.record(db, actor, {
      action,
      entityType,
      entityId,
      localityCode: path.split('/').at(-1)!,
      localityPath: path,
      before,
      after,
    });
  }
}
