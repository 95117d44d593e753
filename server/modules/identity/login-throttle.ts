import { AppError } from '../../../core/errors.ts';
import type { LoginLimits, ThrottleRule } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { ThrottleScope } from '../../db/schema-identity.ts';
import type { IdentityKeys } from './identity-keys.ts';
import type { LoginThrottleRepository, ThrottleRow } from './login-throttle.repository.ts';

/** 429 with the seconds to wait (the HTTP layer sends them as Retry-After). */
export class LoginThrottledError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('LOGIN_THROTTLED');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Seconds a scope is blocked after its `failures`-th failure. */
export function blockSeconds(rule: ThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.capSeconds, rule.baseSeconds * 2 ** Math.min(30, failures - rule.free));
}

/** The row after one more failure at `now` (the count restarts after `resetMinutes` without one). */
export function withFailure(rule: ThrottleRule, row: ThrottleRow, now: Date): ThrottleRow {
  const stale = !row.last_failure_at || now.getTime() - row.last_failure_at.getTime() > rule.resetMinutes * 60_000;
  const failures = (stale ? 0 : row.failures) + 1;
  const seconds = blockSeconds(rule, failures);
  return {
    ...row,
    failures,
    last_failure_at: now,
    blocked_until: seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null,
  };
}

export function secondsBlocked(row: ThrottleRow, now: Date): number {
  return row.blocked_until ? Math.max(0, Math.ceil((row.blocked_until.getTime() - now.getTime()) / 1000)) : 0;
}

/** An attempt counted as failed before the password is checked; given back when it succeeds. */
export interface Reservation {
  before: ThrottleRow[];
}

/**
 * Sign-in throttling per (username, address), per username and per address. Every attempt is
 * counted as a failure before the password is checked, so parallel guesses cannot slip past the
 * count, and given back when it succeeds. Keys are hashes of the normalised username, so an
 * unknown username is throttled exactly like a known one.
 */
export class LoginThrottle {
  constructor(
    private readonly repo: LoginThrottleRepository,
    private readonly keys: IdentityKeys,
    private readonly limits: LoginLimits,
  ) {}

  private rule(scope: ThrottleScope): ThrottleRule {
    return scope === 'user_ip' ? this.limits.perUserAndIp : scope === 'user' ? this.limits.perUser : this.limits.perIp;
  }

  private keysFor(username: string, ip: string) {
    return [
      { scope: 'user_ip' as const, key: this.keys.throttleHash('user_ip', username, ip) },
      { scope: 'user' as const, key: this.keys.throttleHash('user', username) },
      { scope: 'ip' as const, key: this.keys.throttleHash('ip', ip) },
    ];
  }

  /** Counts the attempt, or answers how long to wait (nothing is counted then). Call inside a transaction. */
  async reserve(
    trx: Db,
    username: string,
    ip: string,
    now = new Date(),
  ): Promise<{ reservation: Reservation } | { retryAfter: number }> {
    const rows = await this.repo.lock(trx, this.keysFor(username, ip));
    const retryAfter = Math.max(...rows.map((r) => secondsBlocked(r, now)));
    if (retryAfter > 0) return { retryAfter };
    for (const row of rows) await this.repo.save(trx, withFailure(this.rule(row.scope), row, now));
    return { reservation: { before: rows } };
  }

  /** The attempt succeeded: its (username, address) starts again from zero, the other scopes lose this one count. */
  async release(trx: Db, reservation: Reservation): Promise<void> {
    const current = await this.repo.lock(
      trx,
      reservation.before.map((r) => ({ scope: r.scope, key: r.key })),
    );
    for (const row of current) {
      const before = reservation.before.find((b) => b.scope === row.scope && b.key === row.key)!;
      if (row.scope === 'user_ip')
        await this.repo.save(trx, { ...row, failures: 0, last_failure_at: null, blocked_until: null });
      else
        await this.repo.save(trx, {
          ...row,
          failures: Math.max(0, row.failures - 1),
          last_failure_at: before.last_failure_at,
          blocked_until: before.blocked_until,
        });
    }
  }

  async purge(db: Db, olderThanMinutes: number): Promise<number> {
    return this.repo.purge(db, new Date(Date.now() - olderThanMinutes * 60_000));
  }
}
