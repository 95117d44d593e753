import { randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, type Locale } from '../../../core/errors.ts';
import type { LoginRequest, SessionInfo } from '../../../core/schemas/auth.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { IdentityRepository, UserRecord } from './identity.repository.ts';
import { burnVerification, hashPassword, verifyPassword } from './passwords.ts';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  locale: Locale;
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  info: SessionInfo;
}

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly identity: IdentityRepository,
    private readonly audit: AuditRepository,
    private readonly settings: Pick<Config, 'session' | 'login'>,
  ) {}

  /** Checks the password, counting failures and locking the account after too many. */
  async login(req: LoginRequest, meta: RequestMeta): Promise<{ token: string; session: ResolvedSession }> {
    const username = req.username.trim().toLowerCase();
    const user = await this.identity.findUserByUsername(this.db, username);
    const anonymous = anonymousActor(username, meta);
    if (!user) {
      await burnVerification(req.password);
      throw new AppError('INVALID_CREDENTIALS');
    }
    if (user.locked_until && user.locked_until > new Date()) throw new AppError('ACCOUNT_LOCKED');
    const ok = await verifyPassword(user.password_hash, req.password);
    if (!ok || user.disabled_at) {
      await this.db.transaction().execute(async (trx) => {
        const r = await this.identity.recordFailedLogin(trx, user.id, this.settings.login.maxFailures, this.settings.login.lockMinutes);
        const locked = r.locked_until !== null && r.locked_until > new Date();
        await this.audit.record(trx, { ...anonymous, userId: user.id }, {
          action: locked ? 'account_locked' : 'login_failed',
          entityType: 'user',
          entityId: user.id,
          localityCode: user.locality_code,
          localityPath: user.locality_path,
        });
      });
      throw new AppError('INVALID_CREDENTIALS');
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.db.transaction().execute(async (trx) => {
      await this.identity.updateUser(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: new Date() });
      await this.identity.insertSession(trx, {
        token,
        userId: user.id,
        csrfToken,
        ip: meta.ip,
        userAgent: meta.userAgent,
        expiresAt: new Date(Date.now() + this.settings.session.absoluteHours * 3_600_000),
      });
      await this.audit.record(trx, actorOf(user, meta), {
        action: 'login',
        entityType: 'user',
        entityId: user.id,
        localityCode: user.locality_code,
        localityPath: user.locality_path,
      });
    });
    return { token, session: toResolved(user, csrfToken, meta) };
  }

  /** The session behind a cookie token, or null when unknown, expired, idle too long or disabled. */
  async resolve(token: string, meta: RequestMeta): Promise<ResolvedSession | null> {
    const idleSince = new Date(Date.now() - this.settings.session.idleMinutes * 60_000);
    const row = await this.identity.findLiveSession(this.db, token, idleSince);
    if (!row) return null;
    // One write a minute at most: a busy user must not turn every read into a write.
    if (Date.now() - row.last_seen_at.getTime() > 60_000) await this.identity.touchSession(this.db, row.session_id);
    return toResolved(row, row.csrf_token, meta);
  }

  async logout(actor: Actor, token: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.identity.deleteSession(trx, token);
      await this.audit.record(trx, actor, { action: 'logout', entityType: 'user', entityId: actor.userId });
    });
  }

  async changePassword(actor: Actor, token: string, current: string, next: string): Promise<void> {
    const user = await this.identity.findUserById(this.db, actor.userId);
    if (!user || !(await verifyPassword(user.password_hash, current))) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'currentPassword', message: wrongPassword[actor.locale] }]);
    }
    if (current === next) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'newPassword', message: samePassword[actor.locale] }]);
    }
    const passwordHash = await hashPassword(next);
    await this.db.transaction().execute(async (trx) => {
      await this.identity.updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: false });
      await this.identity.deleteSessionsOf(trx, user.id, token);
      await this.audit.record(trx, actor, {
        action: 'change_password',
        entityType: 'user',
        entityId: user.id,
        localityCode: user.locality_code,
        localityPath: user.locality_path,
      });
    });
  }

  /** Deletes sessions past their absolute or idle limit (they no longer resolve anyway). */
  async purgeExpiredSessions(): Promise<number> {
    return this.identity.purgeExpiredSessions(this.db, new Date(Date.now() - this.settings.session.idleMinutes * 60_000));
  }

  static csrfMatches(expected: string, given: string | undefined): boolean {
    if (!given) return false;
    const a = Buffer.from(expected);
    const b = Buffer.from(given);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

const wrongPassword = { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' };
const samePassword = { vi: 'Mật khẩu mới phải khác mật khẩu cũ.', en: 'The new password must differ.' };

function actorOf(user: UserRecord, meta: RequestMeta): Actor {
  return {
    userId: user.id,
    username: user.username,
    fullName: user.full_name,
    role: user.role,
    scope: { code: user.locality_code, path: user.locality_path },
    ip: meta.ip,
    requestId: meta.requestId,
    locale: meta.locale,
  };
}

function anonymousActor(username: string, meta: RequestMeta) {
  return { userId: null, username, ip: meta.ip, requestId: meta.requestId };
}

function toResolved(user: UserRecord, csrfToken: string, meta: RequestMeta): ResolvedSession {
  return {
    actor: actorOf(user, meta),
    csrfToken,
    info: {
      csrfToken,
      user: {
        id: user.id,
        username: user.username,
        fullName: user.full_name,
        role: user.role,
        localityCode: user.locality_code,
        localityName: user.locality_name,
        mustChangePassword: user.must_change_password,
      },
    },
  };
}
