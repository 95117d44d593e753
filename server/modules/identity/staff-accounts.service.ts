import type { Page } from '../../../core/schemas/common.ts';
import type { CreateUserRequest, ListUsersQuery, UpdateUserRequest, UserView } from '../../../core/schemas/users.ts';
import type { Actor } from '../../shared/actor.ts';
import type { FacilityStaffService } from '../facilities/facilities.module.ts';
import { UsersService } from './users.service.ts';

/**
 * Accounts as the identity module keeps them, plus the facilities a facility staff account serves
 * (`facilityIds`). The facilities are checked before the account is written, then bound; a role
 * changed away from facility staff drops them.
 */
export class StaffAccountsService extends UsersService {
  private readonly staff: FacilityStaffService;

  constructor(staff: FacilityStaffService, ...users: ConstructorParameters<typeof UsersService>) {
    super(...users);
    this.staff = staff;
  }

  override async list(actor: Actor, q: ListUsersQuery): Promise<Page<UserView>> {
    const page = await super.list(actor, q);
    return { ...page, items: await this.withFacilities(actor, page.items) };
  }

  override async create(
    actor: Actor,
    req: CreateUserRequest,
  ): Promise<{ user: UserView; temporaryPassword: string | null }> {
    const facilityIds = [...new Set(req.facilityIds ?? [])];
    await this.staff.checkAssignable(actor, { role: req.role, localityCode: req.localityCode }, facilityIds);
    const created = await super.create(actor, req);
    await this.bind(actor, created.user, facilityIds);
    return { ...created, user: (await this.withFacilities(actor, [created.user]))[0]! };
  }

  override async update(actor: Actor, id: string, patch: UpdateUserRequest): Promise<UserView> {
    const { facilityIds, ...changes } = patch;
    if (facilityIds !== undefined) {
      const account = await this.staff.manageableAccountOrThrow(actor, id);
      const role = changes.role ?? account.role;
      await this.staff.checkAssignable(
        actor,
        { role, localityCode: changes.localityCode ?? account.locality_code },
        facilityIds,
      );
    }
    const user = await super.update(actor, id, changes);
    await this.bind(actor, user, user.role === 'facility_staff' ? facilityIds : []);
    return (await this.withFacilities(actor, [user]))[0]!;
  }

  /** Sets the account's facilities (undefined: unchanged); any other role holds none. */
  private async bind(actor: Actor, user: UserView, facilityIds: readonly string[] | undefined) {
    if (facilityIds === undefined) return;
    const account = await this.staff.manageableAccountOrThrow(actor, user.id);
    await this.staff.assign(
      actor,
      { id: user.id, localityPath: account.locality_path },
      user.role === 'facility_staff' ? facilityIds : [],
    );
  }

  private async withFacilities(actor: Actor, users: UserView[]): Promise<UserView[]> {
    const byUser = await this.staff.facilitiesOfAccounts(actor, users);
    return users.map((u) => (byUser.has(u.id) ? { ...u, facilityIds: byUser.get(u.id)! } : u));
  }
}
