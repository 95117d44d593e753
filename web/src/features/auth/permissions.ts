import type { Role } from '../../../../core/roles.ts';

/**
 * What the navigation offers to each role. The server decides for real (its policies answer
 * FORBIDDEN); these only keep the menu honest.
 */
export const canAdminUsers = (role: Role) => role === 'system_admin';
export const canAdminLocalities = (role: Role) => role === 'system_admin' || role === 'steering_committee';
export const canViewAudit = (role: Role) => role === 'system_admin';
/** The personal-data breach register and its 72-hour notifications. */
export const canAdminBreaches = (role: Role) => role === 'system_admin';

/** Officials of a place: they read declarations, decide on venues, run any gate of their communes. */
const officials: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer'];
const isOfficial = (role: Role) => officials.includes(role);

/** Health declarations and arrivals (sensitive personal data): officials of the place only. */
export const canViewDeclarations = isOfficial;
/** Setting the follow-up of an arrival (the steering committee reads, it does not follow up). */
export const canFollowUpArrivals = (role: Role) =>
  role === 'system_admin' || role === 'health_department' || role === 'commune_officer';

/** The venues page: officials see their area's venues, organisations their own, inspectors the check-in counts only. */
export const canViewVenues = (role: Role) => isOfficial(role) || role === 'inspector' || role === 'organisation_admin';
export const canListVenues = (role: Role) => isOfficial(role) || role === 'organisation_admin';
export const canRegisterVenue = (role: Role) => role === 'system_admin' || role === 'organisation_admin';
export const canDecideVenues = isOfficial;
/**
 * The gate scanner and a venue's entries: the venue's owner (an organisation admin) or an official
 * of its commune. Which venue is the caller's is checked by the server (404 otherwise).
 */
export const canOperateGates = (role: Role) => isOfficial(role) || role === 'organisation_admin';
/** Check-in counts per venue and day. */
export const canViewCheckinCounts = (role: Role) => isOfficial(role) || role === 'inspector';

/** Cases, contacts and clusters (sensitive health data): officials of the place read (inspectors do not). */
export const canViewCases = isOfficial;
/** Chains of transmission: officials see the cases; inspectors the measures only (no case). */
export const canViewChains = (role: Role) => isOfficial(role) || role === 'inspector';
/** Entering cases, deciding on contacts, re-running tracing, managing clusters: the investigators. */
export const canInvestigateCases = (role: Role) =>
  role === 'system_admin' || role === 'health_department' || role === 'commune_officer';

/** Quarantine stays and test results: officials of the place, and facility staff for their own facilities, read. */
const healthReaders: readonly Role[] = [...officials, 'facility_staff'];
/** Health workers on the ground: admit, move and release, record samples and results. */
const healthStaff: readonly Role[] = ['system_admin', 'health_department', 'commune_officer', 'facility_staff'];
export const canViewQuarantine = (role: Role) => healthReaders.includes(role);
export const canManageQuarantine = (role: Role) => healthStaff.includes(role);
/** The testing pages: identified orders and results (health readers), or campaigns' counts only (inspectors). */
export const canViewTesting = (role: Role) => healthReaders.includes(role) || role === 'inspector';
export const canViewTestOrders = (role: Role) => healthReaders.includes(role);
/** Mass-testing campaigns (counts) and case proposals: officials; campaigns also inspectors. */
export const canViewCampaigns = (role: Role) => isOfficial(role) || role === 'inspector';
export const canViewProposals = isOfficial;
export const canRecordTests = (role: Role) => healthStaff.includes(role);
/** Planning mass testing, entering pool results and accepting a positive result as a case: the investigators. */
export const canPlanCampaigns = canInvestigateCases;
export const canDecideProposals = canInvestigateCases;
/** Facilities: officials of the place, inspectors and the facilities' own staff read; the health department manages. */
export const canViewFacilities = (role: Role) => isOfficial(role) || role === 'facility_staff' || role === 'inspector';
export const canManageFacilities = (role: Role) => role === 'system_admin' || role === 'health_department';
/** Bed occupancy: officials of the place, inspectors and the facilities' staff; patients' stays: not inspectors. */
export const canViewTreatment = (role: Role) => isOfficial(role) || role === 'facility_staff' || role === 'inspector';
export const canViewTreatmentStays = (role: Role) => isOfficial(role) || role === 'facility_staff';
/** Admitting and discharging patients: the health department and the facilities' own staff. */
export const canManageTreatment = (role: Role) => role === 'system_admin' || role === 'health_department' || role === 'facility_staff';
/** Risk levels, the level map and epidemic zones (aggregates): officials of the place and inspectors read. */
export const canViewRisk = (role: Role) => isOfficial(role) || role === 'inspector';
/** Approving or overriding a level, declaring and ending zones: the steering committee (server: risk.policy.ts). */
export const canDecideRisk = (role: Role) => role === 'system_admin' || role === 'steering_committee';
/** Editing rule sets: the system administrator. */
export const canAdminRiskRules = (role: Role) => role === 'system_admin';
/** Today's work: the roles that act on at least one kind of task (server: today.policy.ts). */
export const canSeeTodayWork = (role: Role) => isOfficial(role) || role === 'facility_staff';
/** Linking a citizen's self-declared record to officials' record of them: commune officers and the health department. */
export const canLinkPeople = (role: Role) => role === 'health_department' || role === 'commune_officer';
