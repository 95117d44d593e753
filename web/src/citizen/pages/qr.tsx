import { useState } from 'react';
import { useT } from '../i18n/index.ts';
import { Page } from '../layout.tsx';
import { Link } from '../router.tsx';
import { QrCard } from '../qr-card.tsx';
import { stored } from '../storage.ts';

/** The personal QR page (works offline once loaded: see ../qr-card.tsx). */
export function QrPage() {
  const t = useT();
  const [qr, setQr] = useState(() => stored.qr());
  const [revoked, setRevoked] = useState(false);

  if (!qr) {
    return (
      <Page title={t('qr.title')}>
        <p className={revoked ? 'form-error' : 'lead'} data-testid={revoked ? 'qr-revoked' : 'qr-none'}>
          {revoked ? t('qr.revoked') : t('qr.none')}
        </p>
        <Link to="/c/khai-bao" className="btn primary big">
          {t('home.declare')}
        </Link>
      </Page>
    );
  }

  return (
    <Page title={t('qr.title')}>
      <QrCard
        qr={qr}
        onRevoked={() => {
          setQr(null);
          setRevoked(true);
        }}
      />
      <p className="hint">{t('qr.explain')}</p>
      <div className="actions">
        <Link to="/c/khai-bao" className="btn primary big" data-testid="qr-redeclare">
          {t('qr.redeclare')}
        </Link>
        <Link to="/c/lich-su" className="btn big" data-testid="qr-history">
          {t('qr.history')}
        </Link>
      </div>
    </Page>
  );
}
