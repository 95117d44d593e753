import { AppError, type ErrorDetail } from '../../../core/errors.ts';
import type { Role } from '../../../core/roles.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, pathWithin, type Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { facilityMessages as m } from './facilities.messages.ts';
import { facilitiesPolicy } from './facilities.policy.ts';
import type { FacilitiesRepository } from './facilities.repository.ts';
import type { FacilityStaffRepository } from './facility-staff.repository.ts';

/**
 * Which facilities a facility staff account serves. An administrator of the facilities' area sets
 * them; every change is audited. The account then reads and writes the records of these only.
 */
export class FacilityStaffService {
  constructor(
    private readonly db: Db,
    private readonly staff: FacilityStaffRepository,
    private readonly facilities: FacilitiesRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  /** The facilities bound to an account, asked on each request of a facility staff account. */
  facilitiesOf(userId: string): Promise<string[]> {
    return this.staff.facilitiesOf(this.db, userId);
  }

  /** The facilities of the facility staff accounts among `users` (an administrator's page of accounts). */
  async facilitiesOfAccounts(
    actor: Actor,
    users: readonly { id: string; role: Role }[],
  ): Promise<Map<string, string[]>> {
    if (!facilitiesPolicy.bindStaff(actor)) throw new AppError('FORBIDDEN');
    return this.staff.facilitiesOfUsers(
      this.db,
      users.filter((u) => u.role === 'facility_staff').map((u) => u.id),
    );
  }

  /** The account's role and scope, when the actor may assign its facilities. */
  async manageableAccountOrThrow(actor: Actor, userId: string) {
    const account = await this.staff.accountOf(this.db, userId);
    if (!account || !facilitiesPolicy.assignStaff(actor, account)) throw new AppError('NOT_FOUND');
    return account;
  }

  /**
   * Refuses, before anything is written, facilities that an account of `role` in `localityCode`
   * cannot be given: only facility staff are bound, and each facility must lie in the actor's scope
   * and the account's.
   */
  async checkAssignable(
    actor: Actor,
    account: { role: Role; localityCode: string },
    facilityIds: readonly string[],
  ): Promise<void> {
    if (facilityIds.length === 0) return;
    if (!facilitiesPolicy.bindStaff(actor)) throw new AppError('FORBIDDEN');
    if (account.role !== 'facility_staff')
      throw new AppError('VALIDATION_FAILED', [{ path: 'facilityIds', message: m.onlyFacilityStaff[actor.locale] }]);
    const area = await this.localities.findReadableOrThrow(actor, account.localityCode, this.db).catch(() => null);
    const details: ErrorDetail[] = [];
    for (const [i, id] of facilityIds.entries()) {
      const f = await this.facilities.findById(this.db, id);
      const fits = f && facilitiesPolicy.assignStaff(actor, f) && area && pathWithin(area.path, f.locality_path);
      if (!fits) details.push({ path: `facilityIds.${i}`, message: m.notAssignable[actor.locale] });
    }
    if (details.length) throw new AppError('VALIDATION_FAILED', details);
  }

  /** Binds the account to exactly `facilityIds` (checked by `checkAssignable`); audited when it changes anything. */
  async assign(
    actor: Actor,
    account: { id: string; localityPath: string },
    facilityIds: readonly string[],
  ): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.staff.facilitiesOf(trx, account.id);
      const after = [...new Set(facilityIds)].sort();
      if (before.length === after.length && before.every((id, i) => id === after[i])) return before;
      await this.staff.replace(trx, account.id, after, recordedBy(actor));
      await this.audit.record(trx, actor, {
        action: 'assign_facilities',
        entityType: 'user',
        entityId: account.id,
        localityPath: account.localityPath,
        before: { facilityIds: before },
        after: { facilityIds: after },
      });
      return after;
    });
  }
}
