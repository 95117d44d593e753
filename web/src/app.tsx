import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginPage } from './features/auth/login-page.tsx';
import { ChangePasswordPage, ForcedPasswordChangePage } from './features/auth/password-pages.tsx';
import { canAdminLocalities, canAdminUsers, canViewAudit } from './features/auth/permissions.ts';
import { SessionProvider, useSession } from './features/auth/session.tsx';
import { ForbiddenPage, NotFoundPage } from './features/home/not-found-page.tsx';
import type { Role } from '../../core/roles.ts';
import { AppShell } from './ui/app-shell.tsx';
import { LocalityProvider } from './ui/locality-context.tsx';
import { navigate, safeNext, useLocation } from './ui/router.tsx';

// Pages load on demand: the map (Leaflet) and the admin screens stay out of the first download.
const HomePage = lazy(() => import('./features/home/home-page.tsx').then((m) => ({ default: m.HomePage })));
const UsersPage = lazy(() => import('./features/admin-users/users-page.tsx').then((m) => ({ default: m.UsersPage })));
const LocalitiesPage = lazy(() =>
  import('./features/admin-localities/localities-page.tsx').then((m) => ({ default: m.LocalitiesPage })),
);
const AuditPage = lazy(() => import('./features/admin-audit/audit-page.tsx').then((m) => ({ default: m.AuditPage })));

interface RouteDef {
  path: string;
  page: () => ReactNode;
  allowed?: (role: Role) => boolean;
}

const routes: RouteDef[] = [
  { path: '/', page: () => <HomePage /> },
  { path: '/password', page: () => <ChangePasswordPage /> },
  { path: '/admin/users', page: () => <UsersPage />, allowed: canAdminUsers },
  { path: '/admin/localities', page: () => <LocalitiesPage />, allowed: canAdminLocalities },
  { path: '/admin/audit', page: () => <AuditPage />, allowed: canViewAudit },
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
    if (state.status === 'authed' && !state.user.mustChangePassword && loc.pathname === '/login') {
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
  if (state.user.mustChangePassword) return <ForcedPasswordChangePage />;
  if (loc.pathname === '/login') return <Splash />;

  const route = routes.find((r) => r.path === loc.pathname);
  let page: ReactNode;
  if (!route) page = <NotFoundPage />;
  else if (route.allowed && !route.allowed(state.user.role)) page = <ForbiddenPage />;
  else page = route.page();

  return (
    <LocalityProvider key={state.user.id} userId={state.user.id}>
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
    </SessionProvider>
  );
}
