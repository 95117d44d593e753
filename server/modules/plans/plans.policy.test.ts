import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../shared/actor.ts';
import { plansPolicy as p } from './plans.policy.ts';

const actor = (role: Actor['role'], path: string): Actor => ({
  ...systemActor(),
  userId: '11111111-1111-1111-1111-111111111111',
  role,
  scope: { code: path.split('/').at(-1)!, path },
});
const commune = { locality_path: 'VN/12/03388' };

describe('plans policy', () => {
  it('a commune officer edits their own unit, not a neighbour’s; reads only what relates to them', () => {
    const a = actor('commune_officer', 'VN/12/03388');
    expect(p.edit(p.relation(a, commune, true, false))).toBe(true);
    const neighbour = p.relation(a, { locality_path: 'VN/12/03390' }, false, false);
    expect(p.edit(neighbour)).toBe(false);
    expect(p.read(neighbour)).toBe(false);
  });

  it('the upper level reviews and may activate the committee; the unit itself may not approve its own plan', () => {
    const officer = actor('health_department', 'VN/12');
    const above = p.relation(officer, commune, false, true);
    expect(p.review(officer, above, true)).toBe(true);
    expect(p.activateCommittee(above)).toBe(true);
    const own = p.relation(actor('commune_officer', 'VN/12/03388'), commune, true, false);
    expect(p.review(actor('commune_officer', 'VN/12/03388'), own, true)).toBe(false);
  });

  it('a unit with nobody above is approved by the province steering committee, not the health department', () => {
    const top = { locality_path: 'VN/12' };
    const sc = actor('steering_committee', 'VN/12');
    const hd = actor('health_department', 'VN/12');
    expect(p.review(sc, p.relation(sc, top, false, false), false)).toBe(true);
    expect(p.review(hd, p.relation(hd, top, false, false), false)).toBe(false);
    expect(p.review(sc, p.relation(sc, top, false, false), true)).toBe(false);
  });

  it('area readiness is for province officials within their scope', () => {
    expect(p.readArea(actor('health_department', 'VN/12'), 'VN/12')).toBe(true);
    expect(p.readArea(actor('health_department', 'VN/12'), 'VN/01')).toBe(false);
    expect(p.readArea(actor('commune_officer', 'VN/12/03388'), 'VN/12/03388')).toBe(false);
  });
});
