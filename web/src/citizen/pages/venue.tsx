import { useState } from 'react';
import { formatAddress } from '../../../../core/rules/address.ts';
import type { CheckinResult } from '../../../../core/schemas/checkins.ts';
import { api, ApiError, isSessionNeeded } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { FormError, useSubmit } from '../form.tsx';
import { useT } from '../i18n/index.ts';
import { Page } from '../layout.tsx';
import { usePublicResource } from '../use-public-resource.ts';
import { Link } from '../router.tsx';
import { StatusBand } from '../band.tsx';
import { OpenSession } from '../session.tsx';
import { stored, type StoredCheckin } from '../storage.ts';
import { checkIn, checkOut, publicVenue } from '../endpoints.ts';
import { keepCheckout, keepVisit } from '../visits.ts';

/** A check-in is offered for check-out on this phone for this long. */
const openCheckinMs = 24 * 3_600_000;

/** What the QR on a venue's poster opens: check in as the person of this phone (its session). */
export function VenuePage({ code }: { code: string }) {
  const t = useT();
  const { load, retry } = usePublicResource(publicVenue, { publicCode: code });
  const [qr, setQr] = useState(() => stored.qr());
  const [session, setSession] = useState(() => stored.session());
  const [done, setDone] = useState<CheckinResult | null>(null);
  const [open, setOpen] = useState<StoredCheckin | null>(() => {
    const c = stored.checkin();
    return c && c.venueCode === code && Date.now() - new Date(c.checkedInAt).getTime() < openCheckinMs ? c : null;
  });
  const [checkedOutAt, setCheckedOutAt] = useState<string | null>(null);
  // `#k=<key>` on posters printed since issue 20: read once, before any navigation drops the fragment.
  const [posterKey] = useState(() => /^#k=([A-Za-z0-9_-]{22})$/.exec(window.location.hash)?.[1]);
  // The session ended (expired, erased, phone changed): confirm the phone again to check in.
  const onError = (e: unknown) => {
    if (isSessionNeeded(e)) setSession(null);
  };
  const checkin = useSubmit({ known: () => false, onError });
  const checkout = useSubmit({
    known: () => false,
    onError: (e) => {
      onError(e);
      // No open check-in to close (already checked out, or purged): stop offering it.
      if (e instanceof ApiError && e.status === 404) {
        stored.setCheckin(null);
        setOpen(null);
      }
    },
  });

  if (load.state === 'loading') {
    return (
      <Page title={t('venue.title')}>
        <p>{t('app.loading')}</p>
      </Page>
    );
  }
  if (load.state === 'missing') {
    return (
      <Page title={t('venue.title')}>
        <p className="form-error" data-testid="venue-missing">
          {t('venue.notFound')}
        </p>
      </Page>
    );
  }
  if (load.state === 'failed') {
    return (
      <Page title={t('venue.title')}>
        <div className="form-error" data-testid="form-error">
          <p>{load.message}</p>
        </div>
        <button type="button" className="btn big" onClick={retry}>
          {t('app.retry')}
        </button>
      </Page>
    );
  }

  const venue = load.value;
  const doCheckin = async () => {
    if (!session) return;
    const r = await checkin.submit(() => api(checkIn, { body: { venueCode: code } }, { session: true }));
    if (!r) return;
    const c = { venueCode: code, venueName: r.venueName, checkedInAt: r.checkedInAt };
    stored.setCheckin(c);
    // The phone's own record (../visits.ts): a storage failure must not undo a check-in that was made.
    // The poster's key (never sent to the server) comes first; an older poster's comes with the answer.
    const exposureKey = posterKey ?? r.exposureKey;
    await keepVisit({ ...c, exposureKey, provinceCode: r.provinceCode }).catch(() => undefined);
    stored.setStatus({ view: r.status, at: new Date().toISOString() });
    setDone(r);
    setOpen(c);
    setCheckedOutAt(null);
  };
  const doCheckout = async () => {
    if (!session || !open) return;
    const r = await checkout.submit(() =>
      api(checkOut, { body: { checkedInAt: open.checkedInAt } }, { session: true }),
    );
    if (!r) return;
    await keepCheckout(open.venueCode, open.checkedInAt, r.checkedOutAt).catch(() => undefined);
    stored.setCheckin(null);
    setOpen(null);
    setCheckedOutAt(r.checkedOutAt);
  };

  return (
    <Page title={t('venue.title')}>
      <section className="venue">
        <p className="venue-name" data-testid="venue-name">
          {venue.name}
        </p>
        <p>{t('venue.org', { name: venue.organisationName })}</p>
        <p className="hint" data-testid="venue-address">
          {formatAddress({ line: venue.addressLine, commune: venue.communeName })}
        </p>
        {venue.gatePolicy === 'require_declaration' && <p className="hint">{t('venue.requireDeclaration')}</p>}
      </section>

      {done && (
        <div
          className={done.status.colour === 'green' ? 'result ok' : 'result warn'}
          data-testid="checkin-done"
          role="status"
        >
          <p className="strong">{t('venue.done', { venue: done.venueName })}</p>
          <p>{t('venue.at', { time: formatDateTime(done.checkedInAt, t.lang) })}</p>
          {done.repeated && <p className="hint">{t('venue.repeated')}</p>}
          <StatusBand view={done.status} testid="checkin-status" />
          {done.status.colour !== 'green' && (
            <p className="warn-text" data-testid="checkin-warning">
              {t('venue.warn')}
            </p>
          )}
        </div>
      )}
      {!done && open && (
        <p className="ok-note" data-testid="checkin-open">
          {t('venue.since', { time: formatDateTime(open.checkedInAt, t.lang, true) })}
        </p>
      )}
      {checkedOutAt && (
        <div className="result ok" data-testid="checkout-done" role="status">
          <p className="strong">{t('venue.checkoutDone', { time: formatDateTime(checkedOutAt, t.lang, true) })}</p>
        </div>
      )}

      <FormError errors={checkin.errors} />
      <FormError errors={checkout.errors} />

      {!qr ? (
        <>
          <p className="lead">{t('venue.needQr')}</p>
          <Link to={`/c/khai-bao?next=/v/${code}`} className="btn primary big" data-testid="declare-first">
            {t('venue.declareFirst')}
          </Link>
        </>
      ) : !session ? (
        <OpenSession
          onOpened={(s) => {
            setSession(s);
            setQr(stored.qr());
          }}
        />
      ) : open ? (
        <button
          type="button"
          className="btn big"
          onClick={doCheckout}
          disabled={checkout.busy}
          aria-busy={checkout.busy}
          data-testid="checkout-button"
        >
          {checkout.busy ? t('app.sending') : t('venue.checkout')}
        </button>
      ) : (
        !done && (
          <button
            type="button"
            className="btn primary huge"
            onClick={doCheckin}
            disabled={checkin.busy}
            aria-busy={checkin.busy}
            data-testid="checkin-button"
          >
            {checkin.busy ? t('app.sending') : t('venue.checkin')}
          </button>
        )
      )}
      {qr && (
        <Link to="/c/qr" className="btn big">
          {t('home.myQr')}
        </Link>
      )}
      {(done || open || checkedOutAt) && (
        <Link to="/c/noi-da-den" className="btn big" data-testid="venue-visits">
          {t('home.visits')}
        </Link>
      )}
    </Page>
  );
}
