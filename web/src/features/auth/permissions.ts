import type { Role } from '../../../../core/roles.ts';

/**
 * What the navigation offers to each role. The server decides for real (its policies answer
 * FORBIDDEN); these only keep the menu honest.
 */
export const canAdminUsers = (role: Role) => role === 'system_admin';
export const canAdminLocalities = (role: Role) => role === 'system_admin' || role === 'steering_committee';
export const canViewAudit = (role: Role) => role === 'system_admin' || role === 'steering_committee';

/** Officials of a place: they read declarations, decide on venues, run any gate of their communes. */
const officials: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer'];
const isOfficial = (role: Role) => officials.includes(role);

/** Health declarations and arrivals (sensitive personal data): officials of the place only. */
export const canViewDeclarations = isOfficial;
/** Setting the follow-up of an arrival (the steering committee reads, it does not follow up). */
export const canFollowUpArrivals = (role: Role) =>
  role === 'system_admin' || role === 'health_department' || role === 'commune_officer';

/** The venue list: officials and inspectors see their area, organisations their own venues. */
export const canViewVenues = (role: Role) => isOfficial(role) || role === 'inspector' || role === 'organisation_admin';
export const canRegisterVenue = (role: Role) => role === 'system_admin' || role === 'organisation_admin';
export const canDecideVenues = isOfficial;
/**
 * The gate scanner and a venue's entries: the venue's owner (an organisation admin) or an official
 * of its commune. Which venue is the caller's is checked by the server (404 otherwise).
 */
export const canOperateGates = (role: Role) => isOfficial(role) || role === 'organisation_admin';
/** Check-in counts per venue and day. */
export const canViewCheckinCounts = (role: Role) => isOfficial(role) || role === 'inspector';
