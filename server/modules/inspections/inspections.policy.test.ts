import { describe, expect, it } from 'vitest';
import type { Role } from '../../../core/roles.ts';
import type { Actor } from '../../shared/actor.ts';
import { inspectionsPolicy as policy } from './inspections.policy.ts';

const actor = (role: Role, path = 'VN/12/105/03460'): Actor => ({
  userId: '11111111-1111-1111-1111-111111111111',
  username: role,
  fullName: role,
  role,
  scope: { code: path.split('/').at(-1)!, path },
  ip: null,
  requestId: null,
  locale: 'vi',
});
const target = { locality_path: 'VN/12/105/03460' };
const none = { member: false, officer: false, reviewer: false, party: false };

describe('inspections policy', () => {
  it('lets an inspector read and record only the plans they are on', () => {
    const off = policy.relation(actor('inspector'), target, none);
    expect(policy.read(off)).toBe(false);
    const on = policy.relation(actor('inspector'), target, { ...none, member: true });
    expect(policy.read(on) && policy.record(on) && policy.readPrivate(on)).toBe(true);
  });

  it("shows an organisation its own inspection, not the inspectors' notes, and lets it report actions", () => {
    const r = policy.relation(actor('organisation_admin', 'VN/12'), target, { ...none, party: true });
    expect(policy.read(r)).toBe(true);
    expect(policy.readPrivate(r)).toBe(false);
    expect(policy.record(r)).toBe(false);
    expect(policy.reportAction(r)).toBe(true);
    expect(policy.closeAction(r)).toBe(false);
  });

  it("lets the inspected place's officials read, and nobody outside it", () => {
    expect(policy.read(policy.relation(actor('commune_officer'), target, none))).toBe(true);
    expect(policy.read(policy.relation(actor('commune_officer', 'VN/12/105/03463'), target, none))).toBe(false);
    expect(policy.readPrivate(policy.relation(actor('commune_officer'), target, none))).toBe(false);
  });

  it('keeps the dashboard to officials', () => {
    expect(policy.dashboard(actor('inspector'))).toBe(false);
    expect(policy.dashboard(actor('commune_officer'))).toBe(true);
  });
});
