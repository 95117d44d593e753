import { AppError } from '../../../core/errors.ts';
import type { CommitteeStateRequest, CommitteeView, PutCommitteeMembersRequest } from '../../../core/schemas/plans.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { UnitRecord } from '../units/units.module.ts';
import type { PlansContext } from './plans-context.ts';
import { planMessages as messages } from './plans.messages.ts';
import { plansPolicy as policy, type UnitRelation } from './plans.policy.ts';
import { iso } from './plans.presenter.ts';

/**
 * Command on the spot (issue 18): each unit's steering committee — members, roles, phones and duty
 * roster — and its state, normal or activated by a decision. Activating notifies the members who
 * have an account, and the unit's officers.
 */
export class CommitteesService {
  constructor(private readonly c: PlansContext) {}

  async get(actor: Actor, unitId: string): Promise<CommitteeView> {
    const { unit, relation } = await this.readable(this.c.db, actor, unitId);
    return this.view(this.c.db, actor, unit, relation);
  }

  async putMembers(actor: Actor, unitId: string, req: PutCommitteeMembersRequest): Promise<CommitteeView> {
    const m = messages[actor.locale];
    return this.c.db.transaction().execute(async (trx) => {
      const { unit, relation } = await this.readable(trx, actor, unitId);
      if (!policy.edit(relation)) throw new AppError('FORBIDDEN', [{ path: 'unitId', message: m.notOfficer }]);
      await this.c.repo.replaceMembers(
        trx,
        unit.id,
        req.members.map((x) => ({
          full_name: x.fullName,
          role: x.role,
          position: x.position || null,
          phone: x.phone || null,
          user_id: x.userId ?? null,
          duty: x.duty || null,
        })),
      );
      await this.c.audit(trx, actor, 'update_committee', 'steering_committee', unit.id, unit, {
        members: req.members.length,
      });
      return this.view(trx, actor, unit, relation);
    });
  }

  /** Activates (or stands down) the committee; the unit itself or a level above may. */
  async setState(actor: Actor, unitId: string, req: CommitteeStateRequest): Promise<CommitteeView> {
    const m = messages[actor.locale];
    return this.c.db.transaction().execute(async (trx) => {
      const { unit, relation } = await this.readable(trx, actor, unitId);
      if (!policy.activateCommittee(relation))
        throw new AppError('FORBIDDEN', [{ path: 'unitId', message: m.mayNotActivate }]);
      const before = await this.c.repo.committee(trx, unit.id);
      const at = this.c.now();
      await this.c.repo.setState(trx, unit.id, { state: req.state, decision: req.decision, at, by: this.c.by(actor) });
      const activated = req.state === 'activated';
      await this.c.audit(
        trx,
        actor,
        activated ? 'activate_committee' : 'stand_down_committee',
        'steering_committee',
        unit.id,
        unit,
        { before: before?.state ?? 'normal', decision: req.decision },
      );
      if (activated && before?.state !== 'activated') await this.notifyActivated(trx, unit, req.decision, at);
      return this.view(trx, actor, unit, relation);
    });
  }

  private async notifyActivated(db: Db, unit: UnitRecord, decision: string, at: Date): Promise<void> {
    const members = await this.c.repo.members(db, [unit.id]);
    const officers = await this.c.units.officersOf(db, [unit.id]);
    const recipients = [...members.flatMap((x) => (x.user_id ? [x.user_id] : [])), ...officers.map((o) => o.user_id)];
    await this.c.notifications.notify(db, recipients, {
      kind: 'committee_activated',
      key: `committee_activated:${unit.id}:${at.toISOString()}`,
      urgent: true,
      title: { vi: `Kích hoạt Ban chỉ đạo: ${unit.name}`, en: `Steering committee activated: ${unit.name_en}` },
      body: {
        vi: `Ban chỉ đạo ${unit.name} chuyển sang trạng thái kích hoạt theo ${decision}. Đề nghị các thành viên có mặt theo lịch trực.`,
        en: `The steering committee of ${unit.name_en} is activated under ${decision}. Members, report as on the duty roster.`,
      },
      link: `/plans/units/${unit.id}`,
    });
  }

  private async readable(db: Db, actor: Actor, unitId: string) {
    const unit = await this.c.unitOrThrow(db, unitId);
    const relation = await this.c.relationOf(db, actor, unit);
    if (!policy.read(relation)) throw new AppError('NOT_FOUND');
    return { unit, relation };
  }

  private async view(db: Db, actor: Actor, unit: UnitRecord, relation: UnitRelation): Promise<CommitteeView> {
    const state = await this.c.repo.committee(db, unit.id);
    const members = await this.c.repo.members(db, [unit.id]);
    return {
      unit: this.c.units.refOf(unit, actor),
      state: state?.state ?? 'normal',
      decision: state?.decision ?? null,
      stateSince: iso(state?.state_since ?? null),
      members: members.map((x) => ({
        id: x.id,
        fullName: x.full_name,
        role: x.role,
        ...(x.position ? { position: x.position } : {}),
        ...(x.phone ? { phone: x.phone } : {}),
        ...(x.user_id ? { userId: x.user_id } : {}),
        ...(x.duty ? { duty: x.duty } : {}),
      })),
      mayManage: policy.edit(relation),
    };
  }
}
