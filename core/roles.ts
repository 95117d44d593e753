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

/**
 * The kind of agency an account acts for, as a person is told in their own access log (Law 91/2025:
 * which agency accessed their data, not which official). Named with the account's locality.
 */
export const roleAgency: Record<Role, { vi: string; en: string }> = {
  system_admin: { vi: 'Bộ phận quản trị hệ thống', en: 'System administration' },
  steering_committee: { vi: 'Ban Chỉ đạo phòng, chống dịch', en: 'Epidemic prevention steering committee' },
  health_department: { vi: 'Sở Y tế / Trung tâm Kiểm soát bệnh tật', en: 'Health department / CDC' },
  commune_officer: { vi: 'UBND, Trạm Y tế cấp xã', en: "Commune People's Committee / health station" },
  facility_staff: { vi: 'Cơ sở cách ly, điều trị', en: 'Quarantine or treatment facility' },
  organisation_admin: { vi: 'Cơ quan, đơn vị, doanh nghiệp', en: 'Agency or enterprise' },
  inspector: { vi: 'Đoàn kiểm tra', en: 'Inspection team' },
};
