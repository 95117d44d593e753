import { Component, lazy, Suspense, type ReactNode } from 'react';
import { setLang, translate, currentLang, useT } from './i18n/index.ts';
import { Page } from './layout.tsx';
import { HomePage } from './pages/home.tsx';
import { Link, useLocation } from './router.tsx';

// Each page is its own small file, fetched when opened: a phone that scans a venue poster never
// downloads the residence form.
const DeclarePage = lazy(() => import('./pages/declare.tsx').then((m) => ({ default: m.DeclarePage })));
const QrPage = lazy(() => import('./pages/qr.tsx').then((m) => ({ default: m.QrPage })));
const ArrivalPage = lazy(() => import('./pages/arrival.tsx').then((m) => ({ default: m.ArrivalPage })));
const ResidencePage = lazy(() => import('./pages/residence.tsx').then((m) => ({ default: m.ResidencePage })));
const HistoryPage = lazy(() => import('./pages/history.tsx').then((m) => ({ default: m.HistoryPage })));
const VisitsPage = lazy(() => import('./pages/visits.tsx').then((m) => ({ default: m.VisitsPage })));
const MyDataPage = lazy(() => import('./pages/my-data.tsx').then((m) => ({ default: m.MyDataPage })));
const VenuePage = lazy(() => import('./pages/venue.tsx').then((m) => ({ default: m.VenuePage })));
const MonitoringPage = lazy(() => import('./pages/monitoring.tsx').then((m) => ({ default: m.MonitoringPage })));
const TipoffPage = lazy(() => import('./pages/tipoff.tsx').then((m) => ({ default: m.TipoffPage })));
const RiskMapPage = lazy(() => import('./pages/risk-map.tsx').then((m) => ({ default: m.RiskMapPage })));
const SupportPage = lazy(() => import('./pages/support.tsx').then((m) => ({ default: m.SupportPage })));
const SafePlacesPage = lazy(() => import('./pages/safe-places.tsx').then((m) => ({ default: m.SafePlacesPage })));
const ViolationsPage = lazy(() => import('./pages/violations.tsx').then((m) => ({ default: m.ViolationsPage })));
const SelfReportPage = lazy(() => import('./pages/self-report.tsx').then((m) => ({ default: m.SelfReportPage })));

/**
 * The citizens' pages: /c…, the venue check-in page /v/:code (what a poster's QR opens) and the
 * daily report of a person in quarantine /c/theo-doi/:token.
 */
export function App() {
  const { path } = useLocation();
  const venue = /^\/v\/([^/]+)$/.exec(path);
  // The daily report link of a person in quarantine (the token comes from the officials' app).
  const monitoring = /^\/c\/theo-doi\/([^/]+)$/.exec(path);
  let page: ReactNode;
  if (venue) page = <VenuePage code={decodeURIComponent(venue[1]!)} />;
  else if (monitoring) page = <MonitoringPage token={decodeURIComponent(monitoring[1]!)} />;
  else if (path === '/c') page = <HomePage />;
  else if (path === '/c/khai-bao') page = <DeclarePage />;
  else if (path === '/c/qr') page = <QrPage />;
  else if (path === '/c/di-chuyen') page = <ArrivalPage />;
  else if (path === '/c/luu-tru') page = <ResidencePage />;
  else if (path === '/c/lich-su') page = <HistoryPage />;
  else if (path === '/c/noi-da-den') page = <VisitsPage />;
  else if (path === '/c/du-lieu') page = <MyDataPage />;
  else if (path === '/c/ban-do') page = <RiskMapPage />;
  else if (path === '/c/ho-tro') page = <SupportPage />;
  else if (path === '/c/to-giac') page = <TipoffPage />;
  else if (path === '/c/co-so-an-toan') page = <SafePlacesPage />;
  else if (path === '/c/vi-pham') page = <ViolationsPage />;
  else if (path === '/c/tu-bao') page = <SelfReportPage />;
  else page = <NotFound />;
  return (
    <>
      <Header />
      <main className="main">
        <LoadFailure>
          <Suspense fallback={<Loading />}>{page}</Suspense>
        </LoadFailure>
      </main>
    </>
  );
}

function Header() {
  const t = useT();
  return (
    <header className="top">
      <Link to="/c" className="brand">
        {t('app.name')}
      </Link>
      <div className="lang" role="group" aria-label={t('lang.label')}>
        <button
          type="button"
          lang="vi"
          title={t('lang.vi')}
          aria-pressed={t.lang === 'vi'}
          onClick={() => void setLang('vi')}
          data-testid="lang-vi"
        >
          VI
        </button>
        <button
          type="button"
          lang="en"
          title={t('lang.en')}
          aria-pressed={t.lang === 'en'}
          onClick={() => void setLang('en')}
          data-testid="lang-en"
        >
          EN
        </button>
      </div>
    </header>
  );
}

function Loading() {
  const t = useT();
  return <p aria-busy="true">{t('app.loading')}</p>;
}

/** A page's file could not be fetched (the network dropped): say so, and offer to reload. */
class LoadFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    const lang = currentLang();
    return (
      <div className="form-error" role="alert" data-testid="form-error">
        <p>{translate(lang, 'app.network')}</p>
        <button type="button" className="btn big" onClick={() => window.location.reload()}>
          {translate(lang, 'app.retry')}
        </button>
      </div>
    );
  }
}

function NotFound() {
  const t = useT();
  return (
    <Page title={t('app.notFoundTitle')}>
      <p>{t('app.notFoundText')}</p>
    </Page>
  );
}
