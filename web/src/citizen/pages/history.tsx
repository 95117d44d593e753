import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, isSessionNeeded } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n/index.ts';
import '../i18n/vi-pages.ts';
import { Page } from '../layout.tsx';
import { Link } from '../router.tsx';
import { OpenSession } from '../session.tsx';
import { stored } from '../storage.ts';
import { myCheckins } from '../endpoints.ts';

interface Row {
  id: string;
  venueName: string;
  venueAddress: string;
  checkedInAt: string;
  checkedOutAt: string | null;
}

const pageSize = 20;

/** My check-ins (kept a short time): read with the session of this phone, never with the QR alone. */
export function HistoryPage() {
  const t = useT();
  const [session, setSession] = useState(() => stored.session());
  if (!session && !stored.qr()) {
    return (
      <Page title={t('history.title')}>
        <p className="lead" data-testid="history-no-qr">
          {t('history.needQr')}
        </p>
        <Link to="/c/khai-bao" className="btn primary big">
          {t('home.declare')}
        </Link>
      </Page>
    );
  }
  return (
    <Page title={t('history.title')}>
      <p className="lead">{t('history.intro')}</p>
      {session ? (
        <CheckinList session={session.token} onSessionEnded={() => setSession(null)} />
      ) : (
        <OpenSession onOpened={setSession} />
      )}
      <Link to="/c/du-lieu" className="btn big" data-testid="history-my-data">
        {t('home.myData')}
      </Link>
    </Page>
  );
}

function CheckinList({ session, onSessionEnded }: { session: string; onSessionEnded: () => void }) {
  const t = useT();
  const [rows, setRows] = useState<Row[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api(
          myCheckins,
          { body: { limit: pageSize, ...(after ? { after } : {}) } },
          { session: true },
        );
        setRows((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setLoaded(true);
      } catch (e) {
        if (isSessionNeeded(e)) onSessionEnded();
        else setError(e instanceof ApiError ? e.message : t('app.unexpected'));
      } finally {
        setLoading(false);
      }
    },
    [session], // not on a language change: the rows do not depend on it
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <section aria-busy={loading}>
      {!loaded && loading && <p>{t('app.loading')}</p>}
      {loaded && rows.length === 0 && <p data-testid="history-empty">{t('history.empty')}</p>}
      {rows.length > 0 && (
        <ol className="history">
          {rows.map((r) => (
            <li key={r.id} data-testid="history-item">
              <p className="strong">{r.venueName}</p>
              <p className="hint">{r.venueAddress}</p>
              <p>{t('history.checkedIn', { time: formatDateTime(r.checkedInAt, t.lang) })}</p>
              <p>
                {r.checkedOutAt
                  ? t('history.checkedOut', { time: formatDateTime(r.checkedOutAt, t.lang) })
                  : t('history.stillIn')}
              </p>
            </li>
          ))}
        </ol>
      )}
      {error && (
        <div className="form-error" role="alert" data-testid="form-error">
          <p>{error}</p>
          <button type="button" className="btn" onClick={() => void load(loaded ? cursor : null)}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {cursor && !error && (
        <button
          type="button"
          className="btn big"
          disabled={loading}
          onClick={() => void load(cursor)}
          data-testid="history-more"
        >
          {loading ? t('app.loading') : t('history.more')}
        </button>
      )}
    </section>
  );
}
