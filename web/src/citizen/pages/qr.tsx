import { useEffect, useState } from 'react';
import { api, ApiError } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { Page } from '../layout.tsx';
import { Link } from '../router.tsx';
import { StatusBand } from '../band.tsx';
import { QrSvg } from '../qr-svg.tsx';
import { stored, type StoredStatus } from '../storage.ts';
import { qrStatus } from '../endpoints.ts';

/**
 * The personal QR, drawn from the token kept on the phone (works offline), with the status
 * refreshed on every opening; without network the last status is shown, marked as such.
 */
export function QrPage() {
  const t = useT();
  const [qr, setQr] = useState(() => stored.qr());
  const [status, setStatus] = useState<StoredStatus | null>(() => stored.status());
  const [stale, setStale] = useState(false);
  const [revoked, setRevoked] = useState(false);
  const token = qr?.qrToken ?? null;

  useEffect(() => {
    if (!token) return;
    let live = true;
    api(qrStatus, { body: { qrToken: token } }).then(
      (view) => {
        if (!live) return;
        const s = { view, at: new Date().toISOString() };
        stored.setStatus(s);
        setStatus(s);
        setStale(false);
      },
      (e: unknown) => {
        if (!live) return;
        if (
          e instanceof ApiError &&
          (e.status === 404 || (e.status === 400 && e.details.some((d) => d.path === 'qrToken')))
        ) {
          stored.forgetQr();
          setQr(null);
          setRevoked(true);
        } else {
          setStale(true);
        }
      },
    );
    return () => {
      live = false;
    };
  }, [token]);

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
      <div className="qr-card">
        <QrSvg text={qr.qrToken} testid="qr-code" />
        {status ? (
          <StatusBand view={status.view} testid="qr-status" />
        ) : (
          <p className="band band-none" data-testid="qr-status" data-colour="unknown">
            {t('app.loading')}
          </p>
        )}
        {stale && status && (
          <p className="hint" role="status">
            {t('status.stale', { time: formatDateTime(status.at, t.lang) })}
          </p>
        )}
        <p className="qr-name" data-testid="qr-name">
          {status?.view.displayName ?? qr.displayName}
        </p>
        <p className="qr-year">{t('qr.birthYear', { year: status?.view.birthYear ?? qr.birthYear })}</p>
      </div>
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
