import { useEffect, useState } from 'react';
import { api, ApiError } from './api.ts';
import { StatusBand } from './band.tsx';
import { qrStatus } from './endpoints.ts';
import { formatDateTime } from './format.ts';
import { useT } from './i18n/index.ts';
import { QrSvg } from './qr-svg.tsx';
import { stored, type StoredQr, type StoredStatus } from './storage.ts';

/** Why the shown status is not fresh: no network (or the server did not answer), or another failure. */
type Staleness = null | 'offline' | 'failed';

/**
 * The personal QR, drawn from the token kept on the phone, with its colour, validity and the last
 * declaration. The status is asked again on every opening; without a network the last answer kept
 * on this phone is shown, and said to be so with its time: the gate still decides online.
 * `onRevoked`: the server no longer knows the token (revoked, erased): it is forgotten here.
 */
export function QrCard({ qr, onRevoked }: { qr: StoredQr; onRevoked: () => void }) {
  const t = useT();
  const [status, setStatus] = useState<StoredStatus | null>(() => stored.status());
  const [stale, setStale] = useState<Staleness>(null);
  const token = qr.qrToken;

  useEffect(() => {
    let live = true;
    api(qrStatus, { body: { qrToken: token } }).then(
      (view) => {
        if (!live) return;
        const s = { view, at: new Date().toISOString() };
        stored.setStatus(s);
        setStatus(s);
        setStale(null);
      },
      (e: unknown) => {
        if (!live) return;
        if (
          e instanceof ApiError &&
          (e.status === 404 || (e.status === 400 && e.details.some((d) => d.path === 'qrToken')))
        ) {
          stored.forgetQr();
          onRevoked();
        } else {
          const offline = !navigator.onLine || (e instanceof ApiError && (e.status === 0 || e.status >= 502));
          setStale(offline ? 'offline' : 'failed');
        }
      },
    );
    return () => {
      live = false;
    };
    // Asked once per token: onRevoked is the page's callback, a new one each render.
  }, [token]);

  // Checked on the phone's clock while offline: a declaration that has run out says so here too.
  const expired = stale !== null && !!status?.view.validUntil && Date.parse(status.view.validUntil) < Date.now();
  return (
    <div className="qr-card">
      <QrSvg text={qr.qrToken} testid="qr-code" />
      {status ? (
        <StatusBand view={status.view} testid="qr-status" />
      ) : (
        <p className="band band-none" data-testid="qr-status" data-colour="unknown">
          {stale ? t('qr.noStatus') : t('app.loading')}
        </p>
      )}
      {stale && status && (
        <p className="hint offline-note" role="status" data-testid="qr-offline" data-stale={stale}>
          {stale === 'offline'
            ? t('qr.offline', { time: formatDateTime(status.at, t.lang) })
            : t('status.stale', { time: formatDateTime(status.at, t.lang) })}
        </p>
      )}
      {expired && (
        <p className="warn-text" data-testid="qr-expired">
          {t('qr.expiredOffline')}
        </p>
      )}
      <p className="qr-name" data-testid="qr-name">
        {status?.view.displayName ?? qr.displayName}
      </p>
      <p className="qr-year">{t('qr.birthYear', { year: status?.view.birthYear ?? qr.birthYear })}</p>
      <p className="hint" data-testid="qr-declared">
        {t('qr.lastDeclared', { time: formatDateTime(qr.declaredAt, t.lang) })}
      </p>
    </div>
  );
}
