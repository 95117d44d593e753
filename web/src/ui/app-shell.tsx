import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canAdminLocalities,
  canAdminUsers,
  canViewAudit,
  canAdminBreaches,
  canAdminUnits,
  canViewCases,
  canViewChains,
  canViewDeclarations,
  canViewFacilities,
  canViewQuarantine,
  canViewBorder,
  canViewRisk,
  canSeeTodayWork,
  canViewTesting,
  canViewTreatment,
  canViewVenues,
  canLinkPeople,
  canViewOrganisations,
  canViewPlans,
  canViewResources,
  canInvestigateCases,
} from '../features/auth/permissions.ts';
import { useSession, useUser } from '../features/auth/session.tsx';
import { ExportDownloads } from './export-downloads.tsx';
import { LangSwitch } from './lang-switch.tsx';
import { LocalityPicker } from './locality-picker.tsx';
import { Link, navigate, useLocation } from './router.tsx';

/** Modules still to come, shown disabled with a "coming soon" badge (in delivery order). */
const comingSoon: readonly 'inspections'[] = [];

function NavLink({ to, testId, children }: { to: string; testId: string; children: ReactNode }) {
  const { pathname } = useLocation();
  // A module's sub-pages (/venues/:id/gate) keep its entry highlighted.
  const current = pathname === to ? 'page' : to !== '/' && pathname.startsWith(`${to}/`) ? 'true' : undefined;
  return (
    <Link to={to} data-testid={testId} aria-current={current}>
      {children}
    </Link>
  );
}

function Nav({ open }: { open: boolean }) {
  const { t } = useTranslation();
  const { role, localityCode } = useUser();
  const admin = [
    canAdminUsers(role) && { to: '/admin/users', testId: 'nav-admin-users', label: t('nav.adminUsers') },
    canAdminLocalities(role) && {
      to: '/admin/localities',
      testId: 'nav-admin-localities',
      label: t('nav.adminLocalities'),
    },
    canViewAudit(role) && { to: '/admin/audit', testId: 'nav-admin-audit', label: t('nav.adminAudit') },
    canAdminBreaches(role) && { to: '/admin/breaches', testId: 'nav-admin-breaches', label: t('nav.adminBreaches') },
    canAdminUnits(role) && { to: '/admin/units', testId: 'nav-admin-units', label: t('units.nav') },
  ].filter((x) => x !== false);
  const modules = [
    canSeeTodayWork(role) && { to: '/today', testId: 'nav-today', label: t('today.nav') },
    canViewDeclarations(role) && { to: '/declarations', testId: 'nav-declarations', label: t('nav.declarations') },
    canViewVenues(role) && { to: '/venues', testId: 'nav-venues', label: t('nav.venues') },
    canInvestigateCases(role) && { to: '/exposure/pending', testId: 'nav-exposure-pending', label: t('exposure.nav') },
    canViewOrganisations(role) && {
      to: '/organisations',
      testId: 'nav-organisations',
      label: t('organisations.nav'),
    },
    role !== 'organisation_admin' && { to: '/reports', testId: 'nav-reports', label: t('reports.nav') },
    role !== 'organisation_admin' && { to: '/directives', testId: 'nav-directives', label: t('directives.nav') },
    { to: '/inspections', testId: 'nav-inspections', label: t('inspections.nav') },
    canViewCases(role) && { to: '/cases', testId: 'nav-cases', label: t('nav.cases') },
    canViewChains(role) && { to: '/chains', testId: 'nav-chains', label: t('nav.chains') },
    canViewCases(role) && { to: '/clusters', testId: 'nav-clusters', label: t('nav.clusters') },
    canLinkPeople(role) && { to: '/people/links', testId: 'nav-people-links', label: t('peopleLinks.nav') },
    canViewQuarantine(role) && { to: '/quarantine', testId: 'nav-quarantine', label: t('nav.quarantine') },
    canViewTesting(role) && { to: '/testing', testId: 'nav-testing', label: t('nav.testing') },
    canViewFacilities(role) && { to: '/facilities', testId: 'nav-facilities', label: t('facilities.nav') },
    canViewTreatment(role) && { to: '/treatment', testId: 'nav-treatment', label: t('nav.treatment') },
    canViewRisk(role) && { to: '/risk', testId: 'nav-risk', label: t('nav.riskLevels') },
    canViewPlans(role) && { to: '/plans', testId: 'nav-plans', label: t('plans.nav') },
    canViewResources(role) && { to: '/resources', testId: 'nav-resources', label: t('resources.nav') },
    canViewBorder(role) && { to: '/border', testId: 'nav-border', label: t('border.nav') },
    // The national map: accounts of the country (the hub's national officials).
    canViewRisk(role) &&
      localityCode === 'VN' && { to: '/national', testId: 'nav-national', label: t('federation.nav') },
  ].filter((x) => x !== false);
  return (
    <nav id="main-nav" className={open ? 'app-nav open' : 'app-nav'} aria-label={t('nav.main')}>
      <ul>
        <li>
          <NavLink to="/" testId="nav-home">
            {t('nav.home')}
          </NavLink>
        </li>
        {modules.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} testId={item.testId}>
              {item.label}
            </NavLink>
          </li>
        ))}
        {comingSoon.map((key) => (
          <li key={key}>
            <span className="nav-disabled" aria-disabled="true" data-testid={`nav-soon-${key}`}>
              {t(`nav.${key}`)} <span className="badge">{t('nav.comingSoon')}</span>
            </span>
          </li>
        ))}
      </ul>
      {admin.length > 0 && (
        <>
          <h2 className="nav-heading">{t('nav.admin')}</h2>
          <ul>
            {admin.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} testId={item.testId}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 className="nav-heading">{t('nav.account')}</h2>
      <ul>
        <li>
          <NavLink to="/account" testId="nav-account">
            {t('security.nav')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** Header (name, locality picker, language, user, sign-out) + collapsible navigation + page. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const { logout } = useSession();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);

  useEffect(() => setOpen(false), [pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.main')}
      </a>
      <header className="app-header">
        <div className="header-row">
          <button
            type="button"
            className="menu-button"
            aria-expanded={open}
            aria-controls="main-nav"
            onClick={() => setOpen((o) => !o)}
            data-testid="nav-toggle"
          >
            <span aria-hidden="true">{open ? '✕' : '☰'}</span>
            <span className="menu-label">{open ? t('nav.closeMenu') : t('nav.menu')}</span>
          </button>
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <LangSwitch />
        </div>
        <div className="header-row header-tools">
          <LocalityPicker />
          <div className="user-box">
            <Link to="/account" className="user-menu" data-testid="user-menu" title={t('security.title')}>
              <span className="user-name">{user.fullName}</span>{' '}
              <span className="user-role">{t(`roles.${user.role}`)}</span>
            </Link>
            <button
              type="button"
              data-testid="logout"
              onClick={() => {
                void logout().then(() => navigate('/login', { replace: true }));
              }}
            >
              {t('auth.logout')}
            </button>
          </div>
        </div>
      </header>
      <div className="app-body">
        <Nav open={open} />
        <main id="main" className="app-main">
          <ExportDownloads />
          {children}
        </main>
      </div>
    </div>
  );
}
