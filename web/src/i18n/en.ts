import { roleLabels, wordsIn } from '../../../core/code-labels.ts';
import type { Catalogue } from './vi.ts';
import type { English } from './plural.ts';
import { securityEn } from '../features/auth/messages.en.ts';
import { casesEn } from '../features/cases/messages.en.ts';
import { facilitiesEn } from '../features/facilities/messages.en.ts';
import { quarantineEn } from '../features/quarantine/messages.en.ts';
import { riskDashboardEn } from '../features/risk-dashboard/messages.en.ts';
import { riskRulesEn } from '../features/risk-rules/messages.en.ts';
import { riskEn } from '../features/risk/messages.en.ts';
import { testingEn } from '../features/testing/messages.en.ts';
import { todayEn } from '../features/today/messages.en.ts';
import { federationEn } from '../features/federation/messages.en.ts';
import { nationalHubEn } from '../features/federation/national-messages.en.ts';
import { situationEn } from '../features/home/messages.en.ts';
import { peopleLinksEn } from '../features/people-links/messages.en.ts';
import { breachesEn } from '../features/admin-breaches/messages.en.ts';
import { treatmentEn } from '../features/treatment/messages.en.ts';
import { usersEn } from '../features/admin-users/messages.en.ts';
import { localitiesEn } from '../features/admin-localities/messages.en.ts';
import { unitsEn } from '../features/admin-units/messages.en.ts';
import { auditEn } from '../features/admin-audit/messages.en.ts';
import { peopleSearchEn } from '../features/people/messages.en.ts';
import { declarationsEn } from '../features/declarations/messages.en.ts';
import { venuesEn } from '../features/venues/messages.en.ts';
import { checkinsEn } from '../features/checkins/messages.en.ts';
import { organisationsEn } from '../features/organisations/messages.en.ts';
import { reportsEn } from '../features/reports/messages.en.ts';
import { directivesEn } from '../features/directives/messages.en.ts';
import { inspectionsEn } from '../features/inspections/messages.en.ts';
import { resourcesEn } from '../features/resources/messages.en.ts';
import { plansEn } from '../features/plans/messages.en.ts';
import { borderEn } from '../features/border/messages.en.ts';
import { exposureEn } from '../features/exposure/messages.en.ts';
import { offlineEn } from '../offline/messages.en.ts';

/** English catalogue: same keys as `vi.ts` (checked by the compiler and by catalogue.test.ts). */
export const en: English<Catalogue> = {
  app: {
    name: 'Epidemic prevention and control',
    loading: 'Loading…',
  },
  common: {
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    close: 'Close',
    search: 'Search',
    loadMore: 'Load more',
    loading: 'Loading…',
    noData: 'Nothing to show.',
    all: 'All',
    exportExcel: 'Export Excel',
    exportCsv: 'Export CSV',
    copy: 'Copy',
    copied: 'Copied',
    actions: 'Actions',
    demoFigure: '(demo figure)',
    empty: '—',
    retry: 'Retry',
    shownCount_one: 'Showing {{count, number}} row',
    shownCount_other: 'Showing {{count, number}} rows',
    optional: '(optional)',
  },
  sheetImport: {
    file: 'Data file',
    submit: 'Import',
    importing: 'Importing…',
    unsupported: 'Only .xlsx or .csv files are accepted.',
    row: 'Row {{row}}',
  },
  errors: {
    network: 'Cannot reach the server. Check the connection and try again.',
    unexpected: 'Something went wrong; please retry.',
    fieldList: 'Details:',
  },
  lang: {
    label: 'Language',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  auth: {
    loginTitle: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    logout: 'Sign out',
    changePasswordTitle: 'Change password',
    mustChangeIntro: 'This is your first sign-in or your password was just reset. Please choose a new password.',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordHint:
      'At least 12 characters; not the username, not a common password nor one of your last 5. A short sentence is a good choice.',
    confirmPassword: 'Repeat the new password',
    passwordMismatch: 'The two new passwords differ.',
    passwordTooShort: 'The new password needs at least 12 characters.',
    passwordChanged: 'Password changed.',
    changePassword: 'Change password',
    backToApp: 'Back to the application',
  },
  roles: wordsIn(roleLabels, 'en'),
  levels: {
    country: 'Country',
    province: 'Province',
    district: 'District',
    commune: 'Commune',
  },
  nav: {
    menu: 'Menu',
    closeMenu: 'Close menu',
    main: 'Main navigation',
    home: 'Home / map',
    comingSoon: 'Coming soon',
    declarations: 'Health declarations',
    venues: 'Venues & check-ins',
    cases: 'Cases',
    chains: 'Transmission chains',
    clusters: 'Clusters',
    tracing: 'Contact tracing',
    quarantine: 'Quarantine',
    testing: 'Testing',
    treatment: 'Treatment',
    riskLevels: 'Risk levels',
    reports: 'Reports',
    inspections: 'Inspections',
    admin: 'Administration',
    adminUsers: 'Users',
    adminLocalities: 'Localities',
    adminAudit: 'Audit log',
    adminBreaches: 'Data breaches',
    account: 'Account',
  },
  locality: {
    label: 'Area',
    searchPlaceholder: 'Find an area…',
    noMatch: 'No matching area',
    loadError: 'Could not load the list of areas.',
  },
  address: {
    province: 'Province/city',
    typeName: 'Type the name and pick it; diacritics are not needed (e.g. doan ket).',
    typePlaceholder: 'Type a name…',
    noMatch: 'No name matches.',
    loadFailed: 'Could not load the list of places.',
  },
  home: {
    title: 'Area map',
    mapLabel: 'Map of commune boundaries',
    mapHint: 'Pick a commune on the map to see its details.',
    population: 'Population',
    code: 'Code',
    name: 'Name',
    fullName: 'Full name',
    communes: 'Communes',
    noBoundaries: 'No boundary data for this area yet.',
  },
  ...usersEn,
  ...localitiesEn,
  ...unitsEn,
  ...auditEn,
  ...peopleSearchEn,
  ...declarationsEn,
  ...venuesEn,
  ...checkinsEn,
  ...organisationsEn,
  ...reportsEn,
  ...directivesEn,
  ...inspectionsEn,
  ...resourcesEn,
  ...plansEn,
  ...borderEn,
  ...exposureEn,
  ...offlineEn,
  ...casesEn,
  ...securityEn,
  ...quarantineEn,
  ...testingEn,
  ...facilitiesEn,
  ...treatmentEn,
  ...todayEn,
  ...federationEn,
  ...nationalHubEn,
  ...situationEn,
  ...peopleLinksEn,
  ...breachesEn,
  ...riskEn,
  ...riskDashboardEn,
  ...riskRulesEn,
  notFound: {
    title: 'Page not found',
    text: 'The address you opened does not exist.',
    backHome: 'Back to the home page',
  },
  forbidden: {
    title: 'Access denied',
    text: 'Your account may not use this function.',
  },
};
