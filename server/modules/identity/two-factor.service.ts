import { AppError } from '../../../core/errors.ts';
import type { Role } from '../../../core/roles.ts';
import type { RecoveryCodes, TwoFactorEnrolment, TwoFactorStatus } from '../../../core/schemas/auth.ts';
import type { Db } from '../../db/database.ts';
import { isSystemActor, type Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { IdentityKeys } from './identity-keys.ts';
import { identityMessages as m } from './identity.messages.ts';
import type { IdentityRepository, UserRecord } from './identity.repository.ts';
import { newRecoveryCodes, newTotpSecret, normaliseSecondFactor, totpUri, verifyTotp } from './totp.ts';
import type { TwoFactorRepository } from './two-factor.repository.ts';

export interface TwoFactorDeps {
  db: Db;
  identity: IdentityRepository;
  repo: TwoFactorRepository;
  audit: AuditTrailService;
  keys: IdentityKeys;
  settings: { roles: readonly Role[]; issuer: string };
}

const codeError = (actor: Actor, message: typeof m.wrongCode) =>
  new AppError('VALIDATION_FAILED', [{ path: 'code', message: message[actor.locale] }]);

/**
 * Second factor of officials: TOTP enrolment (a secret shown once as a QR and in base32, confirmed
 * with a code), ten single-use recovery codes stored as keyed hashes, and the check used by
 * sign-in and re-authentication. TOTP secrets are stored sealed (see IdentityKeys).
 */
export class TwoFactorService {
  constructor(private readonly d: TwoFactorDeps) {}

  requiredFor(role: Role): boolean {
    return this.d.settings.roles.includes(role);
  }

  async status(actor: Actor): Promise<TwoFactorStatus> {
    const user = await this.findSelf(actor);
    return {
      enabled: user.totp_enabled_at !== null,
      enabledAt: user.totp_enabled_at?.toISOString() ?? null,
      required: this.requiredFor(user.role),
      recoveryCodesLeft: user.totp_enabled_at ? await this.d.repo.recoveryCodesLeft(this.d.db, user.id) : 0,
    };
  }

  /** A new secret for the signed-in user; replaces an unconfirmed one. */
  async startEnrolment(actor: Actor): Promise<TwoFactorEnrolment> {
    const user = await this.findSelf(actor);
    if (user.totp_enabled_at)
      throw new AppError('CONFLICT', [{ path: 'code', message: m.alreadyEnrolled[actor.locale] }]);
    const secret = newTotpSecret();
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.setPendingSecret(trx, user.id, this.d.keys.sealTotpSecret(user.id, secret));
      await this.d.audit.record(trx, actor, {
        action: '2fa_enrolment_started',
        entityType: 'user',
        entityId: user.id,
        localityCode: user.locality_code,
        localityPath: user.locality_path,
      });
    });
    return { secret, uri: totpUri({ issuer: this.d.settings.issuer, account: user.username, secret }) };
  }

  /** Turns two-factor sign-in on once a code of the new secret is typed; answers the recovery codes, once. */
  async confirmEnrolment(actor: Actor, code: string): Promise<RecoveryCodes> {
    const user = await this.findSelf(actor);
    if (user.totp_enabled_at)
      throw new AppError('CONFLICT', [{ path: 'code', message: m.alreadyEnrolled[actor.locale] }]);
    const secret = user.totp_pending_secret ? this.d.keys.openTotpSecret(user.id, user.totp_pending_secret) : null;
    if (!secret) throw codeError(actor, m.noPendingEnrolment);
    const step = verifyTotp(secret, code.replace(/\s/g, ''), null);
    if (step === null) throw codeError(actor, m.wrongCode);
    const codes = newRecoveryCodes();
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.enable(trx, user.id, user.totp_pending_secret!, step);
      await this.d.repo.replaceRecoveryCodes(
        trx,
        user.id,
        codes.map((c) => this.recoveryHash(user.id, c)),
      );
      await this.d.audit.record(trx, actor, {
        action: '2fa_enrolled',
        entityType: 'user',
        entityId: user.id,
        localityCode: user.locality_code,
        localityPath: user.locality_path,
      });
    });
    return { recoveryCodes: codes };
  }

  /** New recovery codes; the old ones stop working. */
  async regenerateRecoveryCodes(actor: Actor): Promise<RecoveryCodes> {
    const user = await this.findSelf(actor);
    if (!user.totp_enabled_at) throw codeError(actor, m.notEnrolled);
    const codes = newRecoveryCodes();
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.replaceRecoveryCodes(
        trx,
        user.id,
        codes.map((c) => this.recoveryHash(user.id, c)),
      );
      await this.d.audit.record(trx, actor, {
        action: '2fa_recovery_codes_renewed',
        entityType: 'user',
        entityId: user.id,
        localityCode: user.locality_code,
        localityPath: user.locality_path,
      });
    });
    return { recoveryCodes: codes };
  }

  /** Turns one's own second factor off; not for the roles that must use it. */
  async disable(actor: Actor): Promise<void> {
    const user = await this.findSelf(actor);
    if (this.requiredFor(user.role))
      throw new AppError('FORBIDDEN', [{ path: 'code', message: m.requiredForRole[actor.locale] }]);
    if (!user.totp_enabled_at) throw codeError(actor, m.notEnrolled);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.disable(trx, user.id);
      await this.d.audit.record(trx, actor, {
        action: '2fa_disabled',
        entityType: 'user',
        entityId: user.id,
        localityCode: user.locality_code,
        localityPath: user.locality_path,
      });
    });
  }

  /**
   * Enrols an account with a secret chosen out of band: the demo seed (its secrets are printed with
   * the demo accounts) and test fixtures. Only the system itself may do it.
   */
  async enrolKnownSecret(actor: Actor, userId: string, secret: string): Promise<RecoveryCodes> {
    if (!isSystemActor(actor)) throw new AppError('FORBIDDEN');
    const user = await this.d.identity.findUserById(this.d.db, userId);
    if (!user) throw new AppError('NOT_FOUND');
    const codes = newRecoveryCodes();
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.enable(trx, userId, this.d.keys.sealTotpSecret(userId, secret), 0);
      await this.d.repo.replaceRecoveryCodes(
        trx,
        userId,
        codes.map((c) => this.recoveryHash(userId, c)),
      );
      await this.d.audit.record(trx, actor, {
        action: '2fa_enrolled',
        entityType: 'user',
        entityId: userId,
        localityCode: user.locality_code,
        localityPath: user.locality_path,
        after: { by: actor.username },
      });
    });
    return { recoveryCodes: codes };
  }

  /** An administrator's reset (the caller checks the scope and ends the sessions in the same transaction). */
  async clear(trx: Db, userId: string): Promise<void> {
    await this.d.repo.disable(trx, userId);
  }

  /**
   * Spends a TOTP code (each time step once) or a recovery code (once) of the account. Pass the
   * transaction that records the sign-in, so a refused sign-in spends nothing.
   */
  async spend(trx: Db, user: UserRecord, typed: string): Promise<'totp' | 'recovery' | null> {
    if (!user.totp_secret) return null;
    const code = normaliseSecondFactor(typed);
    if (!code) return null;
    if (code.kind === 'recovery') {
      return (await this.d.repo.useRecoveryCode(trx, user.id, this.recoveryHash(user.id, code.value)))
        ? 'recovery'
        : null;
    }
    const secret = this.d.keys.openTotpSecret(user.id, user.totp_secret);
    if (!secret) return null;
    const step = verifyTotp(secret, code.value, user.totp_last_step === null ? null : Number(user.totp_last_step));
    return step !== null && (await this.d.repo.useStep(trx, user.id, step)) ? 'totp' : null;
  }

  private recoveryHash(userId: string, code: string): string {
    return this.d.keys.recoveryCodeHash(userId, normaliseSecondFactor(code)?.value ?? code);
  }

  private async findSelf(actor: Actor): Promise<UserRecord> {
    const user = await this.d.identity.findUserById(this.d.db, actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return user;
  }
}
