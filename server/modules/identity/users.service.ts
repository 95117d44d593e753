import { AppError } from '../../../core/errors.ts';
import { roleScopeLevels, type Role } from '../../../core/roles.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { CreateUserRequest, ListUsersQuery, UpdateUserRequest, UserView } from '../../../core/schemas/users.ts';
import type { Db } from '../../db/database.ts';
import type { LocalityRow, UserUpdate } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { identityPolicy } from './identity.policy.ts';
import type { IdentityRepository, UserRecord } from './identity.repository.ts';
import { identityMessages as m } from './identity.messages.ts';
import type { PasswordRules } from './password-rules.ts';
import { hashPassword, temporaryPassword } from './passwords.ts';
import type { TwoFactorService } from './two-factor.service.ts';
import { userColumns } from './users.export.ts';
import { toUserView } from './identity.presenter.ts';

export interface UsersDeps {
  db: Db;
  identity: IdentityRepository;
  localities: LocalitiesService;
  audit: AuditTrailService;
  passwords: PasswordRules;
  twoFactor: TwoFactorService;
}

/** Account management by administrators, inside their locality subtree. */
export class UsersService {
  private readonly db: Db;
  private readonly identity: IdentityRepository;
  private readonly localities: LocalitiesService;
  private readonly audit: AuditTrailService;
  constructor(private readonly d: UsersDeps) {
    this.db = d.db;
    this.identity = d.identity;
    this.localities = d.localities;
    this.audit = d.audit;
  }

  async list(actor: Actor, q: ListUsersQuery): Promise<Page<UserView>> {
    if (!identityPolicy.listUsers(actor)) throw new AppError('FORBIDDEN');
    const within = q.locality
      ? (await this.localities.findReadableOrThrow(actor, q.locality, this.db)).path
      : undefined;
    const rows = await this.identity.listUsers(this.db, actor.scope.path, { ...q, localityPath: within });
    const page = toPage(rows, q.limit, (r) => [r.username, r.id]);
    return { items: page.items.map(toUserView), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListUsersQuery, 'after' | 'limit'>): Promise<SheetExport> {
    if (!identityPolicy.listUsers(actor)) throw new AppError('FORBIDDEN');
    await this.audit.record(this.db, actor, {
      action: 'export',
      entityType: 'user',
      entityId: null,
      localityPath: actor.scope.path,
      after: q,
    });
    return sheetExport({
      filename: 'tai-khoan.xlsx',
      sheetName: actor.locale === 'vi' ? 'Tài khoản' : 'Accounts',
      locale: actor.locale,
      columns: userColumns(actor.locale, await this.localities.unitNamer(this.db, actor.locale)),
      pages: await allPages((after) => this.list(actor, { ...q, after, limit: 500 })),
    });
  }

  async create(actor: Actor, req: CreateUserRequest): Promise<{ user: UserView; temporaryPassword: string | null }> {
    if (!identityPolicy.listUsers(actor)) throw new AppError('FORBIDDEN');
    const locality = await this.assignableLocality(actor, req.role, req.localityCode, this.db);
    if (req.password) {
      await this.d.passwords.assertAcceptable(this.db, {
        password: req.password,
        username: req.username,
        userId: null,
        locale: actor.locale,
        path: 'password',
      });
    }
    const temporary = req.password ? null : temporaryPassword(req.username);
    const passwordHash = await hashPassword(req.password ?? temporary!);
    return this.db.transaction().execute(async (trx) => {
      if (await this.identity.findUserByUsername(trx, req.username)) {
        throw new AppError('CONFLICT', [{ path: 'username', message: m.taken[actor.locale] }]);
      }
      const id = await this.identity.insertUser(trx, {
        username: req.username,
        fullName: req.fullName,
        passwordHash,
        role: req.role,
        localityCode: locality.code,
        mustChangePassword: temporary !== null,
      });
      await this.d.passwords.remember(trx, id, passwordHash);
      const user = toUserView((await this.identity.findUserById(trx, id))!);
      await this.audit.record(trx, actor, {
        action: 'create',
        entityType: 'user',
        entityId: id,
        localityCode: locality.code,
        localityPath: locality.path,
        after: user,
      });
      return { user, temporaryPassword: temporary };
    });
  }

  async update(actor: Actor, id: string, patch: UpdateUserRequest): Promise<UserView> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.findManageableOrThrow(actor, id, trx);
      if (id === actor.userId && (patch.disabled || patch.role || patch.localityCode)) {
        throw new AppError('VALIDATION_FAILED', [{ path: 'id', message: m.notYourself[actor.locale] }]);
      }
      const role = patch.role ?? before.role;
      const locality =
        patch.role || patch.localityCode
          ? await this.assignableLocality(actor, role, patch.localityCode ?? before.locality_code, trx)
          : null;
      const set: UserUpdate = {};
      if (patch.fullName !== undefined) set.full_name = patch.fullName;
      if (patch.role !== undefined) set.role = patch.role;
      if (locality) set.locality_code = locality.code;
      if (patch.disabled !== undefined) set.disabled_at = patch.disabled ? (before.disabled_at ?? new Date()) : null;
      await this.identity.updateUser(trx, id, set);
      // A changed role, scope or a disabled account must not keep acting through an open session.
      if (patch.role || patch.localityCode || patch.disabled) await this.identity.deleteSessionsOf(trx, id);
      const after = (await this.identity.findUserById(trx, id))!;
      await this.audit.record(trx, actor, {
        action: patch.disabled === true ? 'disable' : patch.disabled === false ? 'enable' : 'update',
        entityType: 'user',
        entityId: id,
        localityCode: after.locality_code,
        localityPath: after.locality_path,
        before: toUserView(before),
        after: toUserView(after),
      });
      return toUserView(after);
    });
  }

  async resetPassword(actor: Actor, id: string): Promise<{ temporaryPassword: string }> {
    const target = await this.findManageableOrThrow(actor, id, this.db);
    const password = temporaryPassword(target.username);
    const passwordHash = await hashPassword(password);
    await this.db.transaction().execute(async (trx) => {
      const user = await this.findManageableOrThrow(actor, id, trx);
      await this.identity.updateUser(trx, id, { password_hash: passwordHash, must_change_password: true });
      await this.d.passwords.remember(trx, id, passwordHash);
      await this.identity.deleteSessionsOf(trx, id);
      await this.audit.record(trx, actor, {
        action: 'reset_password',
        entityType: 'user',
        entityId: id,
        localityCode: user.locality_code,
        localityPath: user.locality_path,
      });
    });
    return { temporaryPassword: password };
  }

  /** Signs the user out everywhere (a lost phone, a suspected intrusion). */
  async endSessions(actor: Actor, id: string): Promise<{ ended: number }> {
    return this.db.transaction().execute(async (trx) => {
      const user = await this.findManageableOrThrow(actor, id, trx);
      const ended = await this.identity.deleteSessionsOf(trx, id);
      await this.audit.record(trx, actor, {
        action: 'end_sessions',
        entityType: 'user',
        entityId: id,
        localityCode: user.locality_code,
        localityPath: user.locality_path,
        after: { ended },
      });
      return { ended };
    });
  }

  /** Removes the user's second factor and recovery codes (a lost authenticator) and ends their sessions. */
  async resetTwoFactor(actor: Actor, id: string): Promise<UserView> {
    return this.db.transaction().execute(async (trx) => {
      const user = await this.findManageableOrThrow(actor, id, trx);
      await this.d.twoFactor.clear(trx, id);
      const ended = await this.identity.deleteSessionsOf(trx, id);
      await this.audit.record(trx, actor, {
        action: 'reset_2fa',
        entityType: 'user',
        entityId: id,
        localityCode: user.locality_code,
        localityPath: user.locality_path,
        before: { twoFactorEnabled: user.totp_enabled_at !== null },
        after: { twoFactorEnabled: false, sessionsEnded: ended },
      });
      return toUserView((await this.identity.findUserById(trx, id))!);
    });
  }

  private async findManageableOrThrow(actor: Actor, id: string, db: Db): Promise<UserRecord> {
    const user = await this.identity.findUserById(db, id);
    if (!user || !identityPolicy.manageUser(actor, user.locality_path)) throw new AppError('NOT_FOUND');
    return user;
  }

  private async assignableLocality(actor: Actor, role: Role, code: string, db: Db): Promise<LocalityRow> {
    const locality = await this.localities.findReadableOrThrow(actor, code, db).catch(() => {
      throw new AppError('VALIDATION_FAILED', [{ path: 'localityCode', message: m.unknownLocality[actor.locale] }]);
    });
    if (locality.status !== 'active') {
      throw new AppError('VALIDATION_FAILED', [{ path: 'localityCode', message: m.unknownLocality[actor.locale] }]);
    }
    if (!identityPolicy.assignScope(actor, role, locality)) {
      const levels = roleScopeLevels[role].join(', ');
      throw new AppError('VALIDATION_FAILED', [
        { path: 'localityCode', message: `${m.wrongLevel[actor.locale]}: ${levels}` },
      ]);
    }
    return locality;
  }
}
