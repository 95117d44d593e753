import { lazy, Suspense, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { Page } from '../layout.tsx';
import { Link } from '../router.tsx';
import { stored } from '../storage.ts';

// Only on a phone that has a QR: a first visit (and the declaration form) never downloads it.
const QrCard = lazy(() => import('../qr-card.tsx').then((m) => ({ default: m.QrCard })));
// Only on a phone that keeps check-ins (issue 20): the feed, its check and WebCrypto code come with it.
const ExposureCard = lazy(() => import('../exposure/card.tsx').then((m) => ({ default: m.ExposureCard })));

function keepsVisits(): boolean {
  try {
    // ../visits.ts's flag, named here so the first chunk does not carry that module (nor idb).
    return localStorage.getItem('pd.visits') !== null;
  } catch {
    return false;
  }
}

export function HomePage() {
  const t = useT();
  const [qr, setQr] = useState(() => stored.qr());
  const [visits] = useState(keepsVisits);
  return (
    <Page title={t('home.title')} home={false}>
      {visits && (
        <Suspense fallback={null}>
          <ExposureCard />
        </Suspense>
      )}
      {qr && (
        <Suspense fallback={null}>
          <QrCard qr={qr} onRevoked={() => setQr(null)} />
        </Suspense>
      )}
      <nav className="menu">
        <Link to="/c/khai-bao" className="btn primary big" data-testid="home-declare">
          {t('home.declare')}
        </Link>
        {qr && (
          <Link to="/c/qr" className="btn big" data-testid="home-qr">
            {t('home.myQr')}
          </Link>
        )}
        <Link to="/c/di-chuyen" className="btn big" data-testid="home-arrival">
          {t('home.arrival')}
        </Link>
        <Link to="/c/luu-tru" className="btn big" data-testid="home-residence">
          {t('home.residence')}
        </Link>
        <Link to="/c/lich-su" className="btn big" data-testid="home-history">
          {t('home.history')}
        </Link>
        <Link to="/c/noi-da-den" className="btn big" data-testid="home-visits">
          {t('home.visits')}
        </Link>
        <Link to="/c/tu-bao" className="btn big" data-testid="home-self-report">
          {t('home.selfReport')}
        </Link>
        <Link to="/c/du-lieu" className="btn big" data-testid="home-my-data">
          {t('home.myData')}
        </Link>
        <Link to="/c/ban-do" className="btn big" data-testid="home-risk-map">
          {t('riskMap.title')}
        </Link>
        <Link to="/c/ho-tro" className="btn big" data-testid="home-support">
          {t('home.support')}
        </Link>
        <Link to="/c/co-so-an-toan" className="btn big" data-testid="home-safe-places">
          {t('home.safePlaces')}
        </Link>
        <Link to="/c/vi-pham" className="btn big" data-testid="home-violations">
          {t('home.violations')}
        </Link>
        <Link to="/c/to-giac" className="btn big" data-testid="home-tipoff">
          {t('home.tipoff')}
        </Link>
      </nav>
      <p className="fivek" data-testid="five-k">
        {t('home.fiveK')}
      </p>
      <p className="hint">{t('home.privacy')}</p>
    </Page>
  );
}
