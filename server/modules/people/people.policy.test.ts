import { describe, expect, it } from 'vitest';
import { officialAt } from '../../testing/actors.ts';
import { peoplePolicy } from './people.policy.ts';

const inLaiChau = { locality_path: 'VN/12/03388' };
const inDienBien = { locality_path: 'VN/11/03127' };
const unplaced = { locality_path: null };

describe('peoplePolicy', () => {
  it('lets an official use a person record of their area only, whatever their role', () => {
    expect(peoplePolicy.use(officialAt('commune_officer', 'VN/12/03388'), inLaiChau)).toBe(true);
    expect(peoplePolicy.use(officialAt('facility_staff', 'VN/12'), inLaiChau)).toBe(true);
    expect(peoplePolicy.use(officialAt('health_department', 'VN/12'), inDienBien)).toBe(false);
    expect(peoplePolicy.use(officialAt('system_admin', 'VN'), unplaced)).toBe(false);
  });

  it('shows possible duplicates to case readers of the area, not to inspectors or facility staff', () => {
    expect(peoplePolicy.readDuplicates(officialAt('steering_committee', 'VN/12'), inLaiChau)).toBe(true);
    expect(peoplePolicy.readDuplicates(officialAt('commune_officer', 'VN/12/03388'), inLaiChau)).toBe(true);
    expect(peoplePolicy.readDuplicates(officialAt('inspector', 'VN/12'), inLaiChau)).toBe(false);
    expect(peoplePolicy.readDuplicates(officialAt('facility_staff', 'VN/12'), inLaiChau)).toBe(false);
    expect(peoplePolicy.readDuplicates(officialAt('health_department', 'VN/11'), inLaiChau)).toBe(false);
    expect(peoplePolicy.readDuplicates(officialAt('system_admin', 'VN'), unplaced)).toBe(false);
  });

  it('lets investigators merge two records of their area only', () => {
    expect(
      peoplePolicy.merge(officialAt('health_department', 'VN/12'), inLaiChau, { locality_path: 'VN/12/03391' }),
    ).toBe(true);
    expect(peoplePolicy.merge(officialAt('health_department', 'VN/12'), inLaiChau, inDienBien)).toBe(false);
    expect(peoplePolicy.merge(officialAt('steering_committee', 'VN/12'), inLaiChau, inLaiChau)).toBe(false);
    expect(peoplePolicy.merge(officialAt('system_admin', 'VN'), inLaiChau, unplaced)).toBe(false);
  });
});
