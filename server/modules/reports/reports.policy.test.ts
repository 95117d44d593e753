import { describe, expect, it } from 'vitest';
import type { Role } from '../../../core/roles.ts';
import { systemActor, type Actor } from '../../shared/actor.ts';
import { unitsPolicy } from '../units/units.policy.ts';
import { reportsPolicy as p } from './reports.policy.ts';

const actor = (role: Role, path = 'VN/12'): Actor => ({
  userId: 'u1',
  username: 'test',
  fullName: 'Test',
  role,
  scope: { path, code: path.split('/').at(-1)! },
  ip: null,
  requestId: null,
  locale: 'vi',
});
const commune = { locality_path: 'VN/12/03388' };
const otherProvince = { locality_path: 'VN/11/03127' };

describe('reports policy', () => {
  it('an officer submits and reads their unit’s report, nothing more', () => {
    const r = p.relation(actor('commune_officer', 'VN/12/03388'), commune, true, false);
    expect([p.read(r), p.submit(r), p.review(r)]).toEqual([true, true, false]);
  });

  it('an officer of a unit above reviews and reads, but does not submit', () => {
    const r = p.relation(actor('commune_officer', 'VN/12/03390'), commune, false, true);
    expect([p.read(r), p.submit(r), p.review(r)]).toEqual([true, false, true]);
  });

  it('the province’s health and steering officials read their area’s reports only', () => {
    for (const role of ['health_department', 'steering_committee', 'system_admin'] as const) {
      expect(p.read(p.relation(actor(role), commune, false, false))).toBe(true);
      expect(p.read(p.relation(actor(role), otherProvince, false, false))).toBe(false);
      expect(p.completeness(actor(role))).toBe(true);
    }
  });

  it('anyone else reads nothing, a commune officer sees no completeness', () => {
    for (const role of ['commune_officer', 'inspector', 'facility_staff', 'organisation_admin'] as const) {
      expect(p.read(p.relation(actor(role), commune, false, false))).toBe(false);
      expect(p.completeness(actor(role))).toBe(false);
    }
  });

  it('the system acts as officer and reviewer (seed, CLI)', () => {
    const r = p.relation(systemActor('test'), commune, false, false);
    expect([p.submit(r), p.review(r)]).toEqual([true, true]);
  });
});

describe('units policy', () => {
  it('the province’s officials list units of their scope; only the system configures them', () => {
    expect(unitsPolicy.list(actor('health_department'))).toBe(true);
    expect(unitsPolicy.list(actor('commune_officer', 'VN/12/03388'))).toBe(false);
    expect(unitsPolicy.read(actor('steering_committee'), otherProvince)).toBe(false);
    expect(unitsPolicy.configure(actor('system_admin'))).toBe(false);
    expect(unitsPolicy.configure(systemActor('seed'))).toBe(true);
  });
});
