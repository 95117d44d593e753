import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginPage } from './features/auth/login-page.tsx';
import { matchPath, type StaffPage } from '../../core/pages.ts';
import { ChangePasswordPage, ForcedPasswordChangePage, ForcedTwoFactorPage } from './features/auth/password-pages.tsx';
import { ReauthDialog } from './features/auth/reauth-dialog.tsx';
import {
  canAdminBreaches,
  canAdminUnits,
  canAdminLocalities,
  canAdminUsers,
  canOperateGates,
  canViewCases,
  canViewChains,
  canViewAudit,
  canViewDeclarations,
  canViewFacilities,
  canViewQuarantine,
  canViewRisk,
  canInvestigateCases,
  canSeeTodayWork,
  canViewTesting,
  canViewTreatment,
  canViewVenues,
  canLinkPeople,
  canViewOrganisations,
  canAssessOrganisations,
  canViewResources,
  canViewPlans,
  canViewBorder,
  canRecordBorder,
  canIntercept,
  canWorkTipoffs,
} from './features/auth/permissions.ts';
import { SessionProvider, useSession } from './features/auth/session.tsx';
import { ForbiddenPage, NotFoundPage } from './features/home/not-found-page.tsx';
import type { Role } from '../../core/roles.ts';
import { AppShell } from './ui/app-shell.tsx';
import { LocalityProvider, storedLocality } from './ui/locality-context.tsx';
import { askHomeEarly } from './features/home/home-early.ts';
import { forgetEarly } from './ui/early.ts';
import { navigate, safeNext, useLocation } from './ui/router.tsx';

// Pages load on demand: the map (Leaflet) and the admin screens stay out of the first download.
const HomePage = lazy(() => import('./features/home/home-page.tsx').then((m) => ({ default: m.HomePage })));
const AccountPage = lazy(() => import('./features/auth/account-page.tsx').then((m) => ({ default: m.AccountPage })));
const UsersPage = lazy(() => import('./features/admin-users/users-page.tsx').then((m) => ({ default: m.UsersPage })));
const LocalitiesPage = lazy(() =>
  import('./features/admin-localities/localities-page.tsx').then((m) => ({ default: m.LocalitiesPage })),
);
const UnitsPage = lazy(() => import('./features/admin-units/units-page.tsx').then((m) => ({ default: m.UnitsPage })));
const AuditPage = lazy(() => import('./features/admin-audit/audit-page.tsx').then((m) => ({ default: m.AuditPage })));
const BreachesPage = lazy(() =>
  import('./features/admin-breaches/breaches-page.tsx').then((m) => ({ default: m.BreachesPage })),
);
const DeclarationsPage = lazy(() =>
  import('./features/declarations/declarations-page.tsx').then((m) => ({ default: m.DeclarationsPage })),
);
const ExposurePendingPage = lazy(() =>
  import('./features/exposure/pending-page.tsx').then((m) => ({ default: m.ExposurePendingPage })),
);
const VenuesPage = lazy(() => import('./features/venues/venues-page.tsx').then((m) => ({ default: m.VenuesPage })));
const OrganisationsPage = lazy(() =>
  import('./features/organisations/organisations-page.tsx').then((m) => ({ default: m.OrganisationsPage })),
);
const OrganisationPage = lazy(() =>
  import('./features/organisations/organisation-page.tsx').then((m) => ({ default: m.OrganisationPage })),
);
const AssessmentPage = lazy(() =>
  import('./features/organisations/assessment-page.tsx').then((m) => ({ default: m.AssessmentPage })),
);
const GatePage = lazy(() => import('./features/checkins/gate-page.tsx').then((m) => ({ default: m.GatePage })));
const EntriesPage = lazy(() =>
  import('./features/checkins/entries-page.tsx').then((m) => ({ default: m.EntriesPage })),
);
const CasesPage = lazy(() => import('./features/cases/cases-page.tsx').then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import('./features/cases/case-page.tsx').then((m) => ({ default: m.CasePage })));
const ChainsPage = lazy(() => import('./features/chains/chains-page.tsx').then((m) => ({ default: m.ChainsPage })));
const ClustersPage = lazy(() =>
  import('./features/clusters/clusters-page.tsx').then((m) => ({ default: m.ClustersPage })),
);
const QuarantinePage = lazy(() =>
  import('./features/quarantine/quarantine-page.tsx').then((m) => ({ default: m.QuarantinePage })),
);
const StayPage = lazy(() => import('./features/quarantine/stay-page.tsx').then((m) => ({ default: m.StayPage })));
const TestingPage = lazy(() => import('./features/testing/testing-page.tsx').then((m) => ({ default: m.TestingPage })));
const CampaignPage = lazy(() =>
  import('./features/testing/campaign-page.tsx').then((m) => ({ default: m.CampaignPage })),
);
const FacilitiesPage = lazy(() =>
  import('./features/facilities/facilities-page.tsx').then((m) => ({ default: m.FacilitiesPage })),
);
const TreatmentPage = lazy(() =>
  import('./features/treatment/treatment-page.tsx').then((m) => ({ default: m.TreatmentPage })),
);
const RiskPage = lazy(() => import('./features/risk/risk-page.tsx').then((m) => ({ default: m.RiskPage })));
const TodayPage = lazy(() => import('./features/today/today-page.tsx').then((m) => ({ default: m.TodayPage })));
const LinksPage = lazy(() => import('./features/people-links/links-page.tsx').then((m) => ({ default: m.LinksPage })));
const LinkPage = lazy(() => import('./features/people-links/link-page.tsx').then((m) => ({ default: m.LinkPage })));

const ReportsPage = lazy(() => import('./features/reports/reports-page.tsx').then((m) => ({ default: m.ReportsPage })));
const ReportPage = lazy(() => import('./features/reports/report-page.tsx').then((m) => ({ default: m.ReportPage })));
const DirectivesPage = lazy(() =>
  import('./features/directives/directives-page.tsx').then((m) => ({ default: m.DirectivesPage })),
);
const DirectivePage = lazy(() =>
  import('./features/directives/directive-page.tsx').then((m) => ({ default: m.DirectivePage })),
);
const NationalPage = lazy(() =>
  import('./features/federation/national-page.tsx').then((m) => ({ default: m.NationalPage })),
);
const NationalDashboardPage = lazy(() =>
  import('./features/federation/national-dashboard-page.tsx').then((m) => ({ default: m.NationalDashboardPage })),
);
const NationalWeeklyPage = lazy(() =>
  import('./features/federation/national-weekly-page.tsx').then((m) => ({ default: m.NationalWeeklyPage })),
);
const NationalDirectivesPage = lazy(() =>
  import('./features/federation/national-directives-page.tsx').then((m) => ({ default: m.NationalDirectivesPage })),
);
const ReferralFormPage = lazy(() =>
  import('./features/federation/referral-form-page.tsx').then((m) => ({ default: m.ReferralFormPage })),
);
const ReferralAcceptPage = lazy(() =>
  import('./features/federation/referral-accept-page.tsx').then((m) => ({ default: m.ReferralAcceptPage })),
);
const InspectionsPage = lazy(() =>
  import('./features/inspections/inspections-page.tsx').then((m) => ({ default: m.InspectionsPage })),
);
const InspectionsFieldPage = lazy(() =>
  import('./features/inspections/field-page.tsx').then((m) => ({ default: m.FieldPage })),
);
const InspectionPlanFormPage = lazy(() =>
  import('./features/inspections/plan-form-page.tsx').then((m) => ({ default: m.PlanFormPage })),
);
const InspectionPlanPage = lazy(() =>
  import('./features/inspections/plan-page.tsx').then((m) => ({ default: m.PlanPage })),
);
const ResourcesPage = lazy(() =>
  import('./features/resources/resources-page.tsx').then((m) => ({ default: m.ResourcesPage })),
);
const PlansPage = lazy(() => import('./features/plans/plans-page.tsx').then((m) => ({ default: m.PlansPage })));
const UnitPlanPage = lazy(() =>
  import('./features/plans/unit-plan-page.tsx').then((m) => ({ default: m.UnitPlanPage })),
);
const InspectionVisitPage = lazy(() =>
  import('./features/inspections/visit-page.tsx').then((m) => ({ default: m.VisitPage })),
);
const BorderPage = lazy(() => import('./features/border/border-page.tsx').then((m) => ({ default: m.BorderPage })));
const BorderFieldPage = lazy(() =>
  import('./features/border/field-page.tsx').then((m) => ({ default: m.BorderFieldPage })),
);
const GoodsPage = lazy(() => import('./features/border/goods-page.tsx').then((m) => ({ default: m.GoodsPage })));
const InterceptionsPage = lazy(() =>
  import('./features/border/interceptions-page.tsx').then((m) => ({ default: m.InterceptionsPage })),
);
const TipoffsPage = lazy(() => import('./features/border/tipoffs-page.tsx').then((m) => ({ default: m.TipoffsPage })));
const TrailsPage = lazy(() => import('./features/border/trails-page.tsx').then((m) => ({ default: m.TrailsPage })));
const BulletinPage = lazy(() =>
  import('./features/border/bulletin-page.tsx').then((m) => ({ default: m.BulletinPage })),
);

interface RouteDef {
  /** One of core's page list (the server answers 404 for any other path); `:name` segments are passed to `page`. */
  path: StaffPage;
  page: (params: Record<string, string>) => ReactNode;
  allowed?: (role: Role) => boolean;
}

const routes: RouteDef[] = [
  { path: '/', page: () => <HomePage /> },
  { path: '/password', page: () => <ChangePasswordPage /> },
  { path: '/account', page: () => <AccountPage /> },
  { path: '/admin/users', page: () => <UsersPage />, allowed: canAdminUsers },
  { path: '/admin/localities', page: () => <LocalitiesPage />, allowed: canAdminLocalities },
  { path: '/admin/audit', page: () => <AuditPage />, allowed: canViewAudit },
  { path: '/admin/breaches', page: () => <BreachesPage />, allowed: canAdminBreaches },
  { path: '/admin/units', page: () => <UnitsPage />, allowed: canAdminUnits },
  { path: '/declarations', page: () => <DeclarationsPage />, allowed: canViewDeclarations },
  { path: '/venues', page: () => <VenuesPage />, allowed: canViewVenues },
  { path: '/exposure/pending', page: () => <ExposurePendingPage />, allowed: canInvestigateCases },
  { path: '/venues/:id/gate', page: (p) => <GatePage key={p.id} venueId={p.id ?? ''} />, allowed: canOperateGates },
  {
    path: '/venues/:id/entries',
    page: (p) => <EntriesPage key={p.id} venueId={p.id ?? ''} />,
    allowed: canOperateGates,
  },
  { path: '/organisations', page: () => <OrganisationsPage />, allowed: canViewOrganisations },
  {
    path: '/organisations/:id',
    page: (p) => <OrganisationPage key={p.id} organisationId={p.id ?? ''} />,
    allowed: canViewOrganisations,
  },
  {
    path: '/organisations/:id/assess',
    page: (p) => <AssessmentPage key={p.id} organisationId={p.id ?? ''} />,
    allowed: canAssessOrganisations,
  },
  { path: '/cases', page: () => <CasesPage />, allowed: canViewCases },
  { path: '/cases/:id', page: (p) => <CasePage key={p.id} caseId={p.id ?? ''} />, allowed: canViewCases },
  { path: '/chains', page: () => <ChainsPage />, allowed: canViewChains },
  { path: '/clusters', page: () => <ClustersPage />, allowed: canViewCases },
  { path: '/quarantine', page: () => <QuarantinePage />, allowed: canViewQuarantine },
  {
    path: '/quarantine/:id',
    page: (p) => <StayPage key={p.id} admissionId={p.id ?? ''} />,
    allowed: canViewQuarantine,
  },
  { path: '/testing', page: () => <TestingPage />, allowed: canViewTesting },
  {
    path: '/testing/campaigns/:id',
    page: (p) => <CampaignPage key={p.id} campaignId={p.id ?? ''} />,
    allowed: canViewTesting,
  },
  { path: '/facilities', page: () => <FacilitiesPage />, allowed: canViewFacilities },
  { path: '/treatment', page: () => <TreatmentPage />, allowed: canViewTreatment },
  { path: '/today', page: () => <TodayPage />, allowed: canSeeTodayWork },
  // The national hub's page (issue 21): it says so itself on an installation that is not the hub.
  { path: '/national', page: () => <NationalPage />, allowed: canViewRisk },
  { path: '/national/dashboard', page: () => <NationalDashboardPage />, allowed: canViewRisk },
  { path: '/national/weekly-report', page: () => <NationalWeeklyPage />, allowed: canViewRisk },
  { path: '/national/directives', page: () => <NationalDirectivesPage />, allowed: canViewRisk },
  { path: '/referrals/new', page: () => <ReferralFormPage />, allowed: canInvestigateCases },
  {
    path: '/referrals/:origin/:id',
    page: (p) => <ReferralAcceptPage key={p.id} origin={p.origin ?? ''} id={p.id ?? ''} />,
    allowed: canInvestigateCases,
  },
  { path: '/people/links', page: () => <LinksPage />, allowed: canLinkPeople },
  { path: '/people/links/:id', page: (p) => <LinkPage key={p.id} requestId={p.id ?? ''} />, allowed: canLinkPeople },
  { path: '/risk', page: () => <RiskPage />, allowed: canViewRisk },
  // Any account may report for a unit: the pages show what the server lets each see.
  { path: '/reports', page: () => <ReportsPage /> },
  { path: '/reports/units/:unitId', page: (p) => <ReportPage key={p.unitId} unitId={p.unitId ?? ''} /> },
  { path: '/reports/:id', page: (p) => <ReportPage key={p.id} reportId={p.id ?? ''} /> },
  // Directives: what the user's units issued or received; the server decides what each may see.
  { path: '/directives', page: () => <DirectivesPage /> },
  { path: '/directives/:id', page: (p) => <DirectivePage key={p.id} id={p.id ?? ''} /> },
  // Inspections: plans the user makes, is on, oversees or is inspected in; the server decides.
  { path: '/inspections', page: () => <InspectionsPage /> },
  { path: '/inspections/field', page: () => <InspectionsFieldPage /> },
  { path: '/inspections/plans/new', page: () => <InspectionPlanFormPage /> },
  { path: '/inspections/plans/:id', page: (p) => <InspectionPlanPage key={p.id} id={p.id ?? ''} /> },
  { path: '/inspections/visits/:id', page: (p) => <InspectionVisitPage key={p.id} id={p.id ?? ''} /> },
  // "4 tại chỗ" and response plans (issue 18): officials; the server decides which units each sees.
  { path: '/resources', page: () => <ResourcesPage />, allowed: canViewResources },
  { path: '/plans', page: () => <PlansPage />, allowed: canViewPlans },
  {
    path: '/plans/units/:unitId',
    page: (p) => <UnitPlanPage key={p.unitId} unitId={p.unitId ?? ''} />,
    allowed: canViewPlans,
  },
  { path: '/border', page: () => <BorderPage />, allowed: canViewBorder },
  { path: '/border/field', page: () => <BorderFieldPage />, allowed: canRecordBorder },
  { path: '/border/goods', page: () => <GoodsPage />, allowed: canViewBorder },
  { path: '/border/interceptions', page: () => <InterceptionsPage />, allowed: canIntercept },
  { path: '/border/tipoffs', page: () => <TipoffsPage />, allowed: canWorkTipoffs },
  { path: '/border/trails', page: () => <TrailsPage />, allowed: canViewBorder },
  { path: '/border/bulletin', page: () => <BulletinPage />, allowed: canViewBorder },
];

function Splash({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="splash" aria-busy={children ? undefined : true}>
      {children ?? t('app.loading')}
    </div>
  );
}

function Router() {
  const { t } = useTranslation();
  const { state, reload } = useSession();
  const loc = useLocation();
  const next = loc.search.get('next');

  useEffect(() => {
    if (state.status === 'anon' && loc.pathname !== '/login') {
      const keep = !state.afterLogout && loc.href !== '/';
      navigate(keep ? `/login?next=${encodeURIComponent(loc.href)}` : '/login', { replace: true });
    }
    if (state.status === 'authed' && !state.restriction && loc.pathname === '/login') {
      navigate(safeNext(next), { replace: true });
    }
  }, [state, loc.pathname, loc.href, next]);

  if (state.status === 'loading') return <Splash />;
  if (state.status === 'error') {
    return (
      <Splash>
        <p role="alert">{state.message}</p>
        <button type="button" onClick={reload}>
          {t('common.retry')}
        </button>
      </Splash>
    );
  }
  if (state.status === 'anon') return <LoginPage />;
  if (state.restriction === 'password_change') return <ForcedPasswordChangePage />;
  if (state.restriction === 'two_factor_enrolment') return <ForcedTwoFactorPage />;
  if (loc.pathname === '/login') return <Splash />;

  // The home page's data is asked for now, not once its lazy code has loaded and rendered.
  if (loc.pathname === '/') askHomeEarly(storedLocality(state.user.id) ?? state.user.localityCode, state.user.role);
  else forgetEarly();

  let route: RouteDef | undefined;
  let params: Record<string, string> = {};
  for (const r of routes) {
    const m = matchPath(r.path, loc.pathname);
    if (m) {
      route = r;
      params = m;
      break;
    }
  }
  let page: ReactNode;
  if (!route) page = <NotFoundPage />;
  else if (route.allowed && !route.allowed(state.user.role)) page = <ForbiddenPage />;
  else page = route.page(params);

  return (
    <LocalityProvider key={state.user.id} userId={state.user.id} scopeCode={state.user.localityCode}>
      <AppShell>
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>{page}</Suspense>
      </AppShell>
    </LocalityProvider>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Router />
      <ReauthDialog />
    </SessionProvider>
  );
}
