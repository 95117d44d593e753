import { randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, type Locale } from '../../../core/errors.ts';
import type { LoginRequest, ReauthRequest, SessionInfo, SessionRestriction } from '../../../core/schemas/auth.ts';
import type { AuditAction } from '../../../core/audit-vocabulary.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AuditActor, AuditTrailService } from '../audit/audit-trail.service.ts';
import { identityMessages as m } from './identity.messages.ts';
import type { IdentityRepository, UserRecord } from './identity.repository.ts';
import { LoginThrottledError, type LoginThrottle, type Reservation } from './login-throttle.ts';
import type { PasswordRules } from './password-rules.ts';
import { burnVerification, hashPassword, verifyPassword } from './passwords.ts';
import type { TwoFactorService } from './two-factor.service.ts';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  locale: Locale;
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  publicId: string;
  authenticatedAt: Date;
  restriction: SessionRestriction | null;
  info: SessionInfo;
}

export interface AuthDeps {
  db: Db;
  identity: IdentityRepository;
  audit: AuditTrailService;
  throttle: LoginThrottle;
  twoFactor: TwoFactorService;
  passwords: PasswordRules;
  settings: Pick<Config, 'session'>;
}

const fieldError = (path: string, message: Record<Locale, string>, locale: Locale) =>
  new AppError('VALIDATION_FAILED', [{ path, message: message[locale] }]);

/**
 * Sign-in, sessions and re-authentication. Every password check (sign-in, re-authentication,
 * password change) goes through the throttle first; an unknown username is answered, timed and
 * throttled exactly like a wrong password.
 */
export class AuthService {
  constructor(private readonly d: AuthDeps) {}

  async login(req: LoginRequest, meta: RequestMeta): Promise<{ token: string; session: ResolvedSession }> {
    const username = req.username.trim().toLowerCase();
    const user = await this.d.identity.findUserByUsername(this.d.db, username);
    const who: AuditActor = {
      userId: user?.id ?? null,
      username: user ? username : null,
      ip: meta.ip,
      requestId: meta.requestId,
    };
    const reservation = await this.reserve(username, meta, who, user);
    const passwordOk = user
      ? await verifyPassword(user.password_hash, req.password)
      : (await burnVerification(req.password), false);
    if (!user || !passwordOk || user.disabled_at) {
      await this.recordRefusal(who, user, 'login_failed', { reason: user ? 'password' : 'unknown_username' });
      throw new AppError('INVALID_CREDENTIALS');
    }
    if (user.totp_secret && !req.code) {
      // The password was right: it is not a failure, but no session either until the code comes.
      await this.d.db.transaction().execute((trx) => this.d.throttle.release(trx, reservation));
      throw new AppError('SECOND_FACTOR_REQUIRED');
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const created = await this.d.db.transaction().execute(async (trx) => {
      const method = user.totp_secret ? await this.d.twoFactor.spend(trx, user, req.code ?? '') : 'password';
      if (!method) return null;
      await this.d.throttle.release(trx, reservation);
      await this.d.identity.updateUser(trx, user.id, { last_login_at: new Date() });
      const session = await this.d.identity.insertSession(trx, {
        token,
        userId: user.id,
        csrfToken,
        ip: meta.ip,
        userAgent: meta.userAgent,
        expiresAt: new Date(Date.now() + this.d.settings.session.absoluteHours * 3_600_000),
      });
      const actor = actorOf(user, meta);
      const place = {
        entityType: 'user' as const,
        entityId: user.id,
        localityCode: user.locality_code,
        localityPath: user.locality_path,
      };
      if (method === 'recovery') await this.d.audit.record(trx, actor, { action: '2fa_recovery_code_used', ...place });
      await this.d.audit.record(trx, actor, {
        action: 'login',
        ...place,
        after: { secondFactor: method === 'password' ? null : method },
      });
      return session;
    });
    if (!created) {
      await this.recordRefusal(who, user, 'login_failed', { reason: 'second_factor' });
      throw new AppError('SECOND_FACTOR_INVALID');
    }
    return { token, session: this.toResolved(user, csrfToken, created.publicId, created.authenticatedAt, meta) };
  }

  /** The session behind a cookie token, or null when unknown, expired, idle too long or disabled. */
  async resolve(token: string, meta: RequestMeta): Promise<ResolvedSession | null> {
    const idleSince = new Date(Date.now() - this.d.settings.session.idleMinutes * 60_000);
    const row = await this.d.identity.findLiveSession(this.d.db, token, idleSince);
    if (!row) return null;
    // One write a minute at most: a busy user must not turn every read into a write.
    if (Date.now() - row.last_seen_at.getTime() > 60_000) await this.d.identity.touchSession(this.d.db, row.session_id);
    return this.toResolved(row, row.csrf_token, row.public_id, row.authenticated_at, meta);
  }

  async logout(actor: Actor, token: string): Promise<void> {
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.identity.deleteSession(trx, token);
      await this.d.audit.record(trx, actor, { action: 'logout', entityType: 'user', entityId: actor.userId });
    });
  }

  /** Password (and second factor, when the account has one) again: exports and admin actions open for a while. */
  async reauthenticate(
    actor: Actor,
    token: string,
    req: ReauthRequest,
    meta: RequestMeta,
  ): Promise<{ authenticatedAt: Date }> {
    const user = await this.findSelf(actor);
    const who: AuditActor = { userId: user.id, username: user.username, ip: meta.ip, requestId: meta.requestId };
    const reservation = await this.reserve(user.username, meta, who, user);
    if (!(await verifyPassword(user.password_hash, req.password))) {
      await this.recordRefusal(who, user, 'reauth_failed', { reason: 'password' });
      throw fieldError('password', m.wrongPassword, actor.locale);
    }
    if (user.totp_secret && !req.code) {
      await this.d.db.transaction().execute((trx) => this.d.throttle.release(trx, reservation));
      throw fieldError('code', m.codeNeeded, actor.locale);
    }
    const at = new Date();
    const ok = await this.d.db.transaction().execute(async (trx) => {
      const method = user.totp_secret ? await this.d.twoFactor.spend(trx, user, req.code ?? '') : 'password';
      if (!method) return false;
      await this.d.throttle.release(trx, reservation);
      await this.d.identity.markAuthenticated(trx, token, at);
      const place = {
        entityType: 'user' as const,
        entityId: user.id,
        localityCode: user.locality_code,
        localityPath: user.locality_path,
      };
      if (method === 'recovery') await this.d.audit.record(trx, actor, { action: '2fa_recovery_code_used', ...place });
      await this.d.audit.record(trx, actor, { action: 'reauth', ...place });
      return true;
    });
    if (!ok) {
      await this.recordRefusal(who, user, 'reauth_failed', { reason: 'second_factor' });
      throw fieldError('code', m.wrongCode, actor.locale);
    }
    return { authenticatedAt: at };
  }

  async changePassword(actor: Actor, token: string, current: string, next: string, meta: RequestMeta): Promise<void> {
    const user = await this.findSelf(actor);
    const who: AuditActor = { userId: user.id, username: user.username, ip: meta.ip, requestId: meta.requestId };
    const reservation = await this.reserve(user.username, meta, who, user);
    if (!(await verifyPassword(user.password_hash, current))) {
      await this.recordRefusal(who, user, 'change_password_failed', { reason: 'password' });
      throw fieldError('currentPassword', m.wrongCurrentPassword, actor.locale);
    }
    await this.d.db.transaction().execute((trx) => this.d.throttle.release(trx, reservation));
    await this.d.passwords.assertAcceptable(this.d.db, {
      password: next,
      username: user.username,
      userId: user.id,
      currentHash: user.password_hash,
      locale: actor.locale,
      path: 'newPassword',
    });
    const passwordHash = await hashPassword(next);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.identity.updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: false });
      await this.d.passwords.remember(trx, user.id, passwordHash);
      await this.d.identity.deleteSessionsOf(trx, user.id, token);
      await this.d.audit.record(trx, actor, {
        action: 'change_password',
        entityType: 'user' as const,
        entityId: user.id,
        localityCode: user.locality_code,
        localityPath: user.locality_path,
      });
    });
  }

  /** Deletes sessions past their absolute or idle limit (they no longer resolve anyway). */
  async purgeExpiredSessions(): Promise<number> {
    return this.d.identity.purgeExpiredSessions(
      this.d.db,
      new Date(Date.now() - this.d.settings.session.idleMinutes * 60_000),
    );
  }

  /** Throttle rows nobody failed against for a day. */
  async purgeLoginThrottle(): Promise<number> {
    return this.d.throttle.purge(this.d.db, 24 * 60);
  }

  static csrfMatches(expected: string, given: string | undefined): boolean {
    if (!given) return false;
    const a = Buffer.from(expected);
    const b = Buffer.from(given);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Counts the attempt before any password is checked, or refuses it with the seconds to wait. */
  private async reserve(
    username: string,
    meta: RequestMeta,
    who: AuditActor,
    user: UserRecord | undefined,
  ): Promise<Reservation> {
    const r = await this.d.db.transaction().execute(async (trx) => {
      const reserved = await this.d.throttle.reserve(trx, username, meta.ip ?? 'unknown');
      if ('retryAfter' in reserved) {
        await this.d.audit.record(trx, who, {
          action: 'login_throttled',
          entityType: 'user',
          entityId: user?.id ?? null,
          localityCode: user?.locality_code,
          localityPath: user?.locality_path,
          after: { retryAfterSeconds: reserved.retryAfter },
        });
      }
      return reserved;
    });
    if ('retryAfter' in r) throw new LoginThrottledError(r.retryAfter);
    return r.reservation;
  }

  private async recordRefusal(
    who: AuditActor,
    user: UserRecord | undefined,
    action: AuditAction,
    after: Record<string, string>,
  ): Promise<void> {
    await this.d.db.transaction().execute((trx) =>
      this.d.audit.record(trx, who, {
        action,
        entityType: 'user',
        entityId: user?.id ?? null,
        localityCode: user?.locality_code,
        localityPath: user?.locality_path,
        after,
      }),
    );
  }

  private async findSelf(actor: Actor): Promise<UserRecord> {
    const user = await this.d.identity.findUserById(this.d.db, actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return user;
  }

  private toResolved(
    user: UserRecord,
    csrfToken: string,
    publicId: string,
    authenticatedAt: Date,
    meta: RequestMeta,
  ): ResolvedSession {
    const required = this.d.twoFactor.requiredFor(user.role);
    const restriction: SessionRestriction | null = user.must_change_password
      ? 'password_change'
      : required && !user.totp_enabled_at
        ? 'two_factor_enrolment'
        : null;
    return {
      actor: actorOf(user, meta),
      csrfToken,
      publicId,
      authenticatedAt,
      restriction,
      info: {
        csrfToken,
        restriction,
        authenticatedAt: authenticatedAt.toISOString(),
        user: {
          id: user.id,
          username: user.username,
          fullName: user.full_name,
          role: user.role,
          localityCode: user.locality_code,
          localityName: user.locality_name,
          mustChangePassword: user.must_change_password,
          twoFactorEnabled: user.totp_enabled_at !== null,
          twoFactorRequired: required,
        },
      },
    };
  }
}

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
