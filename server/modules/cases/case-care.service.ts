import { AppError } from '../../../core/errors.ts';
import { hasOutcome, nextCareState, type CareEvent, type CareState } from '../../../core/rules/case-care.ts';
import type { CaseView } from '../../../core/schemas/cases.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { isSystemActor, type Actor } from '../../shared/actor.ts';
import type { CaseCareRepository } from './case-care.repository.ts';

/** One change of a case's care state, with what the history keeps of it. */
export interface CareMove {
  event: CareEvent;
  at: Date;
  reason?: string | null;
  /** The bed's facility, kind and stay, for a move into or out of a bed. */
  facilityId?: string | null;
  bedKind?: string | null;
  stayId?: string | null;
  /** A hand-set outcome's date (defaults to the day of `at`). */
  outcomeDate?: string | null;
}

export interface CareMoved {
  caseId: string;
  caseNumber: string;
  personId: string | null;
  localityCode: string;
  localityPath: string;
  before: CareState;
  after: CareState;
}

/**
 * The case's side of its care state (core/rules/case-care.ts): applies an event inside the
 * caller's transaction, with the case row locked, writes the new status, setting and outcome date
 * and one history row. A refused event throws its own error code. Commands
 * (`server/commands/case-care.ts`) pair it with the treatment stay in one transaction.
 */
export class CaseCareService {
  constructor(private readonly repo: CaseCareRepository) {}

  async moveIn(trx: Db, actor: Actor, caseId: string, move: CareMove): Promise<CareMoved> {
    const c = await this.repo.lockState(trx, caseId);
    if (!c) throw new AppError('NOT_FOUND');
    const before: CareState = { status: c.status, setting: c.care_setting };
    const step = nextCareState(before, move.event);
    if (!step.ok) throw new AppError(step.refusal);
    const after = step.next;
    const outcomeDate = hasOutcome(after.status) ? (move.outcomeDate ?? vietnamToday(move.at)) : null;
    await this.repo.setState(trx, caseId, { ...after, outcomeDate });
    await this.repo.addTransition(trx, {
      case_id: caseId,
      kind: step.transition,
      from_status: before.status,
      to_status: after.status,
      setting: after.setting,
      facility_id: move.facilityId ?? null,
      bed_kind: move.bedKind ?? null,
      stay_id: move.stayId ?? null,
      reason: move.reason ?? null,
      ...this.who(actor),
      at: move.at,
    });
    return {
      caseId,
      caseNumber: c.case_number,
      personId: c.person_id,
      localityCode: c.locality_code,
      localityPath: c.locality_path,
      before,
      after,
    };
  }

  /** The first history row of a new case, in the registering transaction. */
  async registeredIn(trx: Db, actor: Actor, caseId: string, at: Date): Promise<void> {
    await this.repo.addTransition(trx, {
      case_id: caseId,
      kind: 'registered',
      from_status: null,
      to_status: 'awaiting_treatment',
      setting: null,
      facility_id: null,
      bed_kind: null,
      stay_id: null,
      reason: null,
      ...this.who(actor),
      at,
    });
  }

  /** Where the case is treated now and how it got there, for the case page. */
  async viewOf(db: Db, caseId: string, status: string): Promise<Pick<CaseView, 'care' | 'history'>> {
    const [rows, current] = await Promise.all([this.repo.history(db, caseId), this.repo.currentCare(db, caseId)]);
    const history = rows.map((r) => ({
      kind: r.kind,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      setting: r.setting,
      facilityName: r.facility_name,
      bedKind: r.bed_kind,
      reason: r.reason,
      actorName: r.actor_name,
      rebuilt: r.rebuilt,
      at: r.at_key,
    }));
    if (status !== 'treating') return { care: null, history };
    const since = (current.stay?.admitted_at ?? current.since ?? new Date()).toISOString();
    const care = current.stay
      ? {
          setting: 'bed' as const,
          stayId: current.stay.id,
          facilityId: current.stay.facility_id,
          facilityName: current.stay.facility_name,
          bedKind: current.stay.bed_kind,
          since,
        }
      : { setting: 'home' as const, stayId: null, facilityId: null, facilityName: null, bedKind: null, since };
    return { care, history };
  }

  private who(actor: Actor) {
    return isSystemActor(actor)
      ? { actor_id: null, actor_name: null }
      : { actor_id: actor.userId, actor_name: actor.fullName || actor.username };
  }
}
