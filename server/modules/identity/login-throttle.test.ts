import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { blockSeconds, secondsBlocked, withFailure } from './login-throttle.ts';
import type { ThrottleRow } from './login-throttle.repository.ts';

const { perUserAndIp, perUser } = loadConfig({}).login;
const row: ThrottleRow = { scope: 'user_ip', key: 'k', failures: 0, last_failure_at: null, blocked_until: null };

describe('throttle rules', () => {
  it('lets a few failures through, then doubles the wait up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => blockSeconds(perUserAndIp, n))).toEqual([0, 0, 5, 10, 20, 40, 900]);
  });

  it('delays a username across addresses for 30 seconds at most', () => {
    for (let n = 0; n < 1000; n += 7) expect(blockSeconds(perUser, n)).toBeLessThanOrEqual(30);
  });

  it('starts counting again after a quiet period', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    const after3 = [1, 2, 3].reduce((r) => withFailure(perUserAndIp, r, now), row);
    expect(after3.failures).toBe(3);
    expect(secondsBlocked(after3, now)).toBe(5);
    const later = new Date(now.getTime() + 61 * 60_000);
    expect(withFailure(perUserAndIp, after3, later)).toMatchObject({ failures: 1, blocked_until: null });
  });
});
