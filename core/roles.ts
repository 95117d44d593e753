/** Roles an account can hold. Each official account also carries a locality scope (a subtree). */
export const roles = [
  'system_admin',
  'steering_committee',
  'health_department',
  'commune_officer',
  'facility_staff',
  'organisation_admin',
  'inspector',
] as const;
export type Role = (typeof roles)[number];

/** Which locality levels an account of each role may be scoped to. */
export const roleScopeLevels: Record<Role, readonly LocalityLevel[]> = {
  system_admin: ['country', 'province'],
  steering_committee: ['country', 'province', 'district'],
  health_department: ['country', 'province', 'district'],
  commune_officer: ['commune', 'district'],
  facility_staff: ['province', 'district', 'commune'],
  organisation_admin: ['province', 'district', 'commune'],
  inspector: ['country', 'province', 'district', 'commune'],
};

export const localityLevels = ['country', 'province', 'district', 'commune'] as const;
export type LocalityLevel = (typeof localityLevels)[number];
