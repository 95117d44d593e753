import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/actor.ts';
import { borderPolicy as policy } from './border.policy.ts';

const actor = (role: Actor['role'], path: string, userId = 'u1'): Actor => ({
  userId,
  username: 'x',
  fullName: 'x',
  role,
  scope: { code: path.split('/').pop()!, path },
  ip: null,
  requestId: null,
  locale: 'vi',
});
const post = { locality_path: 'VN/12/105/03253' };

describe('border policy', () => {
  it('lets checkpoint staff record only at the posts they are on', () => {
    const staff = actor('checkpoint_staff', 'VN/12/105/03253');
    expect(policy.recordAt(staff, post, true)).toBe(true);
    expect(policy.recordAt(staff, post, false)).toBe(false);
    expect(policy.recordAt(actor('border_guard', 'VN/12/105'), post, false)).toBe(true);
  });
  it('keeps every role to its area and inspectors out', () => {
    expect(policy.recordAt(actor('border_guard', 'VN/12/106'), post, true)).toBe(false);
    expect(policy.readAt(actor('inspector', 'VN/12'), post)).toBe(false);
    expect(policy.interceptAt(actor('checkpoint_staff', 'VN/12/105/03253'), post)).toBe(false);
    expect(policy.interceptAt(actor('border_guard', 'VN/12/105'), post)).toBe(true);
  });
  it('shows a tip-off reporter to its investigating officer only', () => {
    const officer = actor('commune_officer', 'VN/12/105/03253', 'me');
    expect(policy.seeReporter(officer, { investigator_id: 'me' })).toBe(true);
    expect(policy.seeReporter(officer, { investigator_id: 'someone else' })).toBe(false);
    expect(policy.seeReporter(officer, { investigator_id: null })).toBe(false);
  });
});
