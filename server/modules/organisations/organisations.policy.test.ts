import { describe, expect, it } from 'vitest';
import type { Role } from '../../../core/roles.ts';
import type { Actor } from '../../shared/actor.ts';
import { organisationsPolicy as p } from './organisations.policy.ts';

const actor = (role: Role, path = 'VN/12/105/03388', userId = 'u1'): Actor => ({
  userId,
  username: 'test',
  fullName: 'Test',
  role,
  scope: { path, code: path.split('/').at(-1)! },
  ip: null,
  requestId: null,
  locale: 'vi',
});
const mine = { locality_path: 'VN/12/105/03388', owner_user_id: 'u1' };
const theirs = { locality_path: 'VN/12/105/03388', owner_user_id: 'u2' };
const elsewhere = { locality_path: 'VN/12/105/03391', owner_user_id: 'u1' };

describe('organisations policy', () => {
  it('an organisation reads and assesses its own only', () => {
    const a = actor('organisation_admin');
    expect(p.read(a, mine)).toBe(true);
    expect(p.read(a, theirs)).toBe(false);
    expect(p.assess(a, mine)).toBe(true);
    expect(p.assess(a, theirs)).toBe(false);
    expect(p.decide(a, mine)).toBe(false);
    expect(p.listOnlyOwn(a)).toBe(true);
  });

  it('a commune officer reads and decides in their commune, never assesses for an organisation', () => {
    const a = actor('commune_officer');
    expect(p.read(a, theirs)).toBe(true);
    expect(p.decide(a, theirs)).toBe(true);
    expect(p.read(a, elsewhere)).toBe(false);
    expect(p.decide(a, elsewhere)).toBe(false);
    expect(p.assess(a, theirs)).toBe(false);
    expect(p.mayRegister(a)).toBe(false);
  });

  it('inspectors and facility staff see no organisation', () => {
    for (const role of ['inspector', 'facility_staff'] as const) {
      expect(p.list(actor(role))).toBe(false);
      expect(p.read(actor(role), theirs)).toBe(false);
    }
  });

  it('a province health department reads any organisation of the province', () => {
    expect(p.read(actor('health_department', 'VN/12'), elsewhere)).toBe(true);
    expect(p.read(actor('health_department', 'VN/11'), elsewhere)).toBe(false);
  });
});

describe('workforce policy', () => {
  it('an organisation keeps its own roster and runs its own gate', () => {
    const a = actor('organisation_admin');
    expect(p.manageWorkforce(a, mine)).toBe(true);
    expect(p.manageWorkforce(a, theirs)).toBe(false);
    expect(p.readWorkforce(a, theirs)).toBe(false);
    expect(p.operateGate(a, mine)).toBe(true);
    expect(p.operateGate(a, theirs)).toBe(false);
    expect(p.readAreaCompliance(a)).toBe(false);
  });

  it('officials of the place read the roster and compliance and may run the gate, but keep no roster', () => {
    const a = actor('commune_officer');
    expect(p.readWorkforce(a, theirs)).toBe(true);
    expect(p.readWorkforce(a, elsewhere)).toBe(false);
    expect(p.manageWorkforce(a, theirs)).toBe(false);
    expect(p.operateGate(a, theirs)).toBe(true);
    expect(p.operateGate(a, elsewhere)).toBe(false);
    expect(p.readAreaCompliance(a)).toBe(true);
    expect(p.readAreaCompliance(actor('inspector'))).toBe(false);
  });
});
