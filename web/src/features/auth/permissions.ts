import { can, todayWorkCapability, type Capability, type Role } from '../../../../core/roles.ts';

/**
 * What the navigation offers to each role, read from the server's own table (core/roles.ts). The
 * server decides for real (its policies add jurisdiction and answer FORBIDDEN); these only keep
 * the menu honest.
 */
const holds = (capability: Capability) => (role: Role) => can(role, capability);
const holdsAny =
  (...capabilities: Capability[]) =>
  (role: Role) =>
    capabilities.some((c) => can(role, c));

export const canAdminUsers = holds('users.manage');
export const canAdminLocalities = holds('localities.rename');
export const canViewAudit = holds('audit.read');
export const canAdminBreaches = holds('breaches.manage');
export const canAdminUnits = holds('units.configure');

export const canViewDeclarations = holds('declarations.read');
export const canFollowUpArrivals = holds('arrivals.followUp');

/** The venues page: officials see their area's venues, organisations their own, inspectors the check-in counts only. */
export const canViewVenues = holdsAny('venues.list', 'checkins.counts');
export const canListVenues = holds('venues.list');
export const canRegisterVenue = holds('venues.register');
export const canDecideVenues = holds('venues.decide');
/**
 * The gate scanner and a venue's entries: an official of the venue's commune, or its owner (an
 * organisation admin). Which venue is the caller's is checked by the server (404 otherwise).
 */
export const canOperateGates = (role: Role) => can(role, 'gates.operateAny') || role === 'organisation_admin';
export const canViewCheckinCounts = holds('checkins.counts');

export const canViewCases = holds('cases.read');
export const canViewChains = holds('chains.read');
export const canInvestigateCases = holds('cases.investigate');

export const canViewQuarantine = holds('quarantine.read');
export const canManageQuarantine = holds('quarantine.manage');
/** The testing pages: identified orders and results, or campaigns' counts only (inspectors). */
export const canViewTesting = holdsAny('testing.read', 'testing.campaigns');
export const canViewTestOrders = holds('testing.read');
export const canViewCampaigns = holds('testing.campaigns');
export const canViewProposals = holds('testing.proposals');
export const canRecordTests = holds('testing.record');
export const canPlanCampaigns = holds('testing.plan');
export const canDecideProposals = holds('testing.plan');
export const canViewFacilities = holds('facilities.read');
export const canManageFacilities = holds('facilities.manage');
/** Bed occupancy (counts) for inspectors too; patients' stays not. */
export const canViewTreatment = holds('treatment.occupancy');
export const canViewTreatmentStays = holds('treatment.read');
export const canManageTreatment = holds('treatment.record');
export const canViewRisk = holds('risk.read');
export const canDecideRisk = holds('risk.decide');
export const canAdminRiskRules = holds('risk.administer');
/** Today's work: the roles that act on at least one kind of task. */
export const canSeeTodayWork = holdsAny(...Object.values(todayWorkCapability));
export const canLinkPeople = holds('people.link');
/** Organisations (issue 15): officials see their area's, an organisation its own. */
export const canViewOrganisations = holds('organisations.list');
export const canRegisterOrganisation = holds('organisations.register');
export const canDecideOrganisations = holds('organisations.decide');
/** The safety map: officials only (an organisation sees its own page). */
export const canViewOrganisationMap = (role: Role) => can(role, 'organisations.list') && role !== 'organisation_admin';
/** The self-assessment is the organisation's own (the server checks it is theirs). */
export const canAssessOrganisations = holds('organisations.assess');

/** The completeness of the units' reports (any account may report for a unit: the page shows its own). */
export const canViewReportsOverview = holds('reports.overview');
/** The roster and the gate compliance: officials of the place and the organisation itself. */
export const canReadWorkforce = holds('workforce.read');
export const canManageWorkforce = holds('workforce.manage');

/** Means, supplies, forces and donations (issue 18): officials read them; some keep them. */
export const canViewResources = holds('resources.read');
/** Donations and the named recipients of support. */
export const canKeepSupport = holds('resources.support');
/** Response plans and readiness: any official reads the plans of their units (the server decides). */
export const canViewPlans = holds('resources.read');
/** Readiness of every commune of an area: the province's officials. */
export const canViewAreaReadiness = holds('reports.overview');
/** Border and entry control (issue 19): the lists and bulletin; work at a post; interceptions. */
export const canViewBorder = holds('border.read');
export const canRecordBorder = holds('border.record');
export const canIntercept = holds('border.intercept');
export const canManageBorder = holds('border.manage');
export const canWorkTipoffs = holds('border.tipoffs');
