import { describe, expect, it } from 'vitest';
import type { Role } from '../../../core/roles.ts';
import type { Actor } from '../../shared/actor.ts';
import { resourcesPolicy as policy } from './resources.policy.ts';

const actor = (role: Role, path: string): Actor => ({
  userId: '11111111-1111-1111-1111-111111111111',
  username: 'x',
  fullName: 'x',
  role,
  scope: { code: path.split('/').at(-1)!, path },
  ip: null,
  requestId: null,
  locale: 'vi',
});

describe('resources policy', () => {
  it('lets officials read, inspectors and facility staff not', () => {
    expect(policy.read(actor('commune_officer', 'VN/12/03388'))).toBe(true);
    expect(policy.read(actor('inspector', 'VN/12'))).toBe(false);
    expect(policy.read(actor('facility_staff', 'VN/12'))).toBe(false);
  });

  it('keeps stock within the area only, and not for the steering committee', () => {
    expect(policy.keepStockAt(actor('commune_officer', 'VN/12/03388'), 'VN/12/03388')).toBe(true);
    expect(policy.keepStockAt(actor('commune_officer', 'VN/12/03388'), 'VN/12/03390')).toBe(false);
    expect(policy.keepStockAt(actor('commune_officer', 'VN/12/03388'), 'VN/12')).toBe(false);
    expect(policy.keepStockAt(actor('steering_committee', 'VN/12'), 'VN/12')).toBe(false);
  });

  it('names recipients of support to those who hand it out only', () => {
    expect(policy.readRecipients(actor('steering_committee', 'VN/12'))).toBe(true);
    expect(policy.readRecipients(actor('health_department', 'VN/12'))).toBe(false);
  });

  it('lets the area holding the upper unit assign reinforcement', () => {
    expect(policy.assignReinforcement(actor('steering_committee', 'VN/12'), 'VN/12')).toBe(true);
    expect(policy.assignReinforcement(actor('commune_officer', 'VN/12/03388'), 'VN/12')).toBe(false);
  });
});
