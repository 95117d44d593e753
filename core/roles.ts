/** Roles an account can hold. Each official account also carries a locality scope (a subtree). */
export const roles = [
  'system_admin',
  'steering_committee',
  'health_department',
  'commune_officer',
  'facility_staff',
  'organisation_admin',
  'inspector',
  /** Border-guard officers (đồn biên phòng) of a border district or commune (issue 19). */
  'border_guard',
  /** Staff of a checkpoint on a trail or at a province entrance: the mixed team's health and police members. */
  'checkpoint_staff',
] as const;
export type Role = (typeof roles)[number];

/** Officials of a place: they read its sensitive records (declarations, cases, tests) and decide on venues. */
const officials = [
  'system_admin',
  'steering_committee',
  'health_department',
  'commune_officer',
] as const satisfies readonly Role[];

/**
 * Which roles hold each capability: the one role table. Server policies add jurisdiction (the
 * actor's locality subtree), ownership and facility binding on top; the web client reads the same
 * table to keep its menus honest. One line per rule.
 */
export const capabilityRoles = {
  /** Accounts, and the binding of facility staff to facilities. */
  'users.manage': ['system_admin'],
  'localities.rename': ['system_admin', 'steering_committee'],
  'localities.merge': ['system_admin'],
  'localities.setPopulation': ['system_admin', 'steering_committee', 'health_department'],
  /** The audit log and its alerts name officials and whom they read. */
  'audit.read': ['system_admin'],
  /** The personal-data breach register and its 72-hour notifications. */
  'breaches.manage': ['system_admin'],
  /** Health declarations and arrivals (sensitive personal data). */
  'declarations.read': officials,
  /** The steering committee reads arrivals, it does not follow them up. */
  'arrivals.followUp': ['system_admin', 'health_department', 'commune_officer'],
  /** Organisations list their own venues only. */
  'venues.list': [...officials, 'organisation_admin'],
  'venues.register': ['system_admin', 'organisation_admin'],
  /** Any venue of the area, with its phone and owner (owners see their own). */
  'venues.readAny': officials,
  'venues.updateAny': ['system_admin'],
  'venues.decide': officials,
  /** Organisations (issue 15): officials of the place see every one; an organisation sees its own. */
  'organisations.list': [...officials, 'organisation_admin'],
  'organisations.register': ['system_admin', 'organisation_admin'],
  'organisations.readAny': officials,
  /** The commune approves an organisation, as it approves venues. */
  'organisations.decide': officials,
  /** Following up a high or very-high self-assessment (the steering committee reads, it does not follow up). */
  'organisations.followUp': ['system_admin', 'health_department', 'commune_officer'],
  /** Corrective actions past their deadline: the inspecting side (its officers and teams) follows them up. */
  'inspections.followUp': [...officials, 'inspector'],
  /** Self-assessments are the organisation's own declaration (an administrator may enter one for it). */
  'organisations.assess': ['system_admin', 'organisation_admin'],
  /** An organisation keeps its workforce roster and links its venues as its sites (issue 15). */
  'workforce.manage': ['system_admin', 'organisation_admin'],
  /** The roster and the daily gate compliance: officials of the place, and the organisation its own. */
  'workforce.read': [...officials, 'organisation_admin'],
  /** Any gate of the area (a venue's owner runs their own). */
  'gates.operateAny': officials,
  'checkins.counts': [...officials, 'inspector'],
  /** Cases, contacts and clusters (sensitive health data); inspectors read none. */
  'cases.read': officials,
  /** Entering cases, deciding on contacts, re-running tracing, managing clusters, merging people. */
  'cases.investigate': ['system_admin', 'health_department', 'commune_officer'],
  /** Disease profiles apply to every province. */
  'diseaseProfiles.edit': ['system_admin'],
  /** Chains' measures without a single case; their cases need `cases.read`. */
  'chains.read': [...officials, 'inspector'],
  /** Line lists: the province (or national) health authorities, never a commune. */
  'linelist.import': ['system_admin', 'health_department', 'steering_committee'],
  /** Facilities and their capacity (no people): officials, inspectors and the facilities' own staff. */
  'facilities.read': [...officials, 'facility_staff', 'inspector'],
  /** Searching free places to send people to. */
  'facilities.place': [...officials, 'facility_staff'],
  'facilities.manage': ['system_admin', 'health_department'],
  'facilities.capacityAlerts': ['system_admin', 'steering_committee', 'health_department', 'facility_staff'],
  /** Quarantine stays: facility staff at their own facilities only. */
  'quarantine.read': [...officials, 'facility_staff'],
  /** Admit, move and release: health workers on the ground. */
  'quarantine.manage': ['system_admin', 'health_department', 'commune_officer', 'facility_staff'],
  /** Identified test orders, samples and results: facility staff for the people of their facilities. */
  'testing.read': [...officials, 'facility_staff'],
  /** Ordering tests, recording samples, entering results. */
  'testing.record': ['system_admin', 'health_department', 'commune_officer', 'facility_staff'],
  /** Case proposals from positive results. */
  'testing.proposals': officials,
  /** Mass-testing campaigns and pools are counts, not people. */
  'testing.campaigns': [...officials, 'inspector'],
  /** Planning and sampling mass testing, pool results, accepting a positive result as a case. */
  'testing.plan': ['system_admin', 'health_department', 'commune_officer'],
  /** Treatment stays (patients' names): facility staff at their own facilities only. */
  'treatment.read': [...officials, 'facility_staff'],
  /** The occupancy board: counts, no people. */
  'treatment.occupancy': [...officials, 'facility_staff', 'inspector'],
  'treatment.record': ['system_admin', 'health_department', 'facility_staff'],
  /** Risk indicators, levels and zones are aggregates. */
  'risk.read': [...officials, 'inspector'],
  /** The computed level is a proposal: the steering committee decides levels and zones. */
  'risk.decide': ['system_admin', 'steering_committee'],
  /** Coverage figures come from the immunisation programme, run by the health department. */
  'risk.importCoverage': ['system_admin', 'health_department'],
  /** Rule sets apply to the whole installation. */
  'risk.administer': ['system_admin'],
  /**
   * Reporting units and the completeness of their reports (issue 16): the province's health and
   * steering officials. Officers submit and supervisors review through their units, not a role.
   */
  'reports.overview': ['system_admin', 'steering_committee', 'health_department'],
  /** Editing the province's reporting units (names, supervisor, contacts, active): its administrators and steering committee. */
  'units.configure': ['system_admin', 'steering_committee'],
  /** Means, supplies, forces and donations of the units in scope (issue 18): officials read them. */
  'resources.read': officials,
  /** Stores and their ledger: the health service and communes, which hold the stock. */
  'resources.stock': ['system_admin', 'health_department', 'commune_officer'],
  /** Rosters, duty schedules and reinforcement between units. */
  'resources.forces': ['system_admin', 'steering_committee', 'health_department', 'commune_officer'],
  /** Donations and who received support (named recipients): the steering committees and communes. */
  'resources.support': ['system_admin', 'steering_committee', 'commune_officer'],
  /** Confirming who a citizen is (linking their record to officials' record). */
  'people.link': ['commune_officer', 'health_department'],
  /** Border posts, gates, trails and checkpoints (issue 19): the posts, their logs and patrols. */
  'border.read': [...officials, 'border_guard', 'checkpoint_staff'],
  /** Registering posts and trails: the province's officials and the border guard. */
  'border.manage': ['system_admin', 'steering_committee', 'health_department', 'border_guard'],
  /** Logging shifts, crossings, goods transport and patrols at a post of the account's area. */
  'border.record': ['system_admin', 'health_department', 'commune_officer', 'border_guard', 'checkpoint_staff'],
  /** Interceptions of illegal entry and their people (sensitive): border guards and officials of the place. */
  'border.intercept': ['system_admin', 'health_department', 'commune_officer', 'border_guard'],
  /** Citizens' tip-offs: the commune police and health, i.e. the commune's officials and the border guard. */
  'border.tipoffs': ['system_admin', 'health_department', 'commune_officer', 'border_guard'],
} as const satisfies Record<string, readonly Role[]>;
export type Capability = keyof typeof capabilityRoles;

/** Whether a role holds a capability (jurisdiction aside). */
/**
 * The officials of an area (its administrator, steering committee, health department and commune
 * officers): inspections' results, roll-ups and a person's violations there are theirs to read.
 */
const areaOfficialRoles: ReadonlySet<Role> = new Set<Role>([
  'system_admin',
  'steering_committee',
  'health_department',
  'commune_officer',
]);
export const isAreaOfficial = (role: Role): boolean => areaOfficialRoles.has(role);

export function can(role: Role, capability: Capability): boolean {
  return (capabilityRoles[capability] as readonly Role[]).includes(role);
}

/** Whose work each kind of today's task is: a list shows only what the user's role can act on. */
export const todayWorkCapability = {
  contacts_to_decide: 'cases.investigate',
  // Contacts still to be placed belong to no facility yet: not facility staff's to see.
  quarantine_to_arrange: 'cases.investigate',
  tests_due: 'testing.record',
  releases_due: 'quarantine.manage',
  missing_reports: 'quarantine.manage',
  case_proposals: 'testing.plan',
  capacity_alerts: 'facilities.capacityAlerts',
  levels_to_decide: 'risk.decide',
  link_requests: 'people.link',
  workplace_follow_ups: 'organisations.followUp',
  // People another province referred here (issue 21): whoever traces contacts takes them in.
  referrals_in: 'cases.investigate',
  // Citizens' self-reports (issue 20): the commune health station takes them in, as it traces.
  self_reports: 'cases.investigate',
  // Corrective actions past their deadline (issue 17): the inspecting unit's officers and teams.
  overdue_actions: 'inspections.followUp',
  // National directives a federated province has not acknowledged (issue 21): its steering committee and health department.
  national_directives: 'reports.overview',
  // Workers with symptoms reported by their organisation (issue 15): the commune health station, as it traces.
  workplace_symptoms: 'cases.investigate',
} as const satisfies Record<string, Capability>;

/** Which locality levels an account of each role may be scoped to. */
export const roleScopeLevels: Record<Role, readonly LocalityLevel[]> = {
  system_admin: ['country', 'province'],
  steering_committee: ['country', 'province', 'district'],
  health_department: ['country', 'province', 'district'],
  commune_officer: ['commune', 'district'],
  facility_staff: ['province', 'district', 'commune'],
  organisation_admin: ['province', 'district', 'commune'],
  inspector: ['country', 'province', 'district', 'commune'],
  border_guard: ['province', 'district', 'commune'],
  checkpoint_staff: ['district', 'commune'],
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
  border_guard: { vi: 'Bộ đội Biên phòng', en: 'Border guard' },
  checkpoint_staff: { vi: 'Chốt kiểm soát, kiểm dịch', en: 'Control or quarantine checkpoint' },
};
