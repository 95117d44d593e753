import { describe, expect, it } from 'vitest';
import { officialAt } from '../../testing/actors.ts';
import { diseaseProfilesPolicy } from './disease-profiles.policy.ts';

describe('diseaseProfilesPolicy', () => {
  it('lets the officials who read cases read the profiles', () => {
    expect(diseaseProfilesPolicy.read(officialAt('commune_officer', 'VN/12/03388'))).toBe(true);
    expect(diseaseProfilesPolicy.read(officialAt('steering_committee', 'VN/12'))).toBe(true);
    expect(diseaseProfilesPolicy.read(officialAt('inspector', 'VN/12'))).toBe(false);
    expect(diseaseProfilesPolicy.read(officialAt('organisation_admin', 'VN/12/03388'))).toBe(false);
  });

  it('lets only a system administrator edit them', () => {
    expect(diseaseProfilesPolicy.edit(officialAt('system_admin', 'VN'))).toBe(true);
    expect(diseaseProfilesPolicy.edit(officialAt('health_department', 'VN/12'))).toBe(false);
  });
});
