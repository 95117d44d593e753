import { describe, expect, it } from 'vitest';
import { officialAt } from '../../testing/actors.ts';
import { tracingPolicy } from './tracing.policy.ts';

const caseInDoanKet = { locality_path: 'VN/12/03388' };
const contactInBinhLu = { locality_path: 'VN/12/03391' };

describe('tracingPolicy', () => {
  it('lists contacts for the officials who read cases only', () => {
    expect(tracingPolicy.list(officialAt('steering_committee', 'VN/12'))).toBe(true);
    expect(tracingPolicy.list(officialAt('commune_officer', 'VN/12/03388'))).toBe(true);
    expect(tracingPolicy.list(officialAt('inspector', 'VN/12'))).toBe(false);
    expect(tracingPolicy.list(officialAt('facility_staff', 'VN/12'))).toBe(false);
  });

  it("lets the case's investigators trace, not the steering committee nor another area", () => {
    expect(tracingPolicy.trace(officialAt('commune_officer', 'VN/12/03388'), caseInDoanKet)).toBe(true);
    expect(tracingPolicy.trace(officialAt('health_department', 'VN/12'), caseInDoanKet)).toBe(true);
    expect(tracingPolicy.trace(officialAt('steering_committee', 'VN/12'), caseInDoanKet)).toBe(false);
    expect(tracingPolicy.trace(officialAt('commune_officer', 'VN/12/03391'), caseInDoanKet)).toBe(false);
  });

  it("shows a contact to the officers of the contact's area or of the case's", () => {
    expect(
      tracingPolicy.readContact(officialAt('commune_officer', 'VN/12/03391'), contactInBinhLu, caseInDoanKet),
    ).toBe(true);
    expect(
      tracingPolicy.readContact(officialAt('commune_officer', 'VN/12/03388'), contactInBinhLu, caseInDoanKet),
    ).toBe(true);
    expect(
      tracingPolicy.readContact(officialAt('commune_officer', 'VN/12/03394'), contactInBinhLu, caseInDoanKet),
    ).toBe(false);
    expect(tracingPolicy.readContact(officialAt('inspector', 'VN/12'), contactInBinhLu, caseInDoanKet)).toBe(false);
  });
});
