import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, isInvalidQr } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { Field, FormError, SubmitButton, useSubmit } from '../form.tsx';
import { useT } from '../i18n/index.ts';
import { Page } from '../layout.tsx';
import { OtpBlock, type Challenge } from '../otp.tsx';
import { Link } from '../router.tsx';
import { stored } from '../storage.ts';

interface Row {
  id: string;
  venueName: string;
  venueAddress: string;
  checkedInAt: string;
  checkedOutAt: string | null;
}

const pageSize = 20;

/** My check-ins (kept a short time) and the right to erase my data. */
export function HistoryPage() {
  const t = useT();
  const [qr, setQr] = useState(() => stored.qr());
  const [erased, setErased] = useState(false);

  if (erased) {
    return (
      <Page title={t('erase.title')}>
        <div className="result ok" data-testid="erase-done">
          <p>{t('erase.done')}</p>
        </div>
      </Page>
    );
  }
  if (!qr) {
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
  const forget = () => {
    stored.forgetQr();
    setQr(null);
  };
  return (
    <Page title={t('history.title')}>
      <p className="lead">{t('history.intro')}</p>
      <CheckinList qrToken={qr.qrToken} onInvalidQr={forget} />
      <EraseBox qrToken={qr.qrToken} onErased={() => setErased(true)} />
    </Page>
  );
}

function CheckinList({ qrToken, onInvalidQr }: { qrToken: string; onInvalidQr: () => void }) {
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
        const page = await api<{ items: Row[]; nextCursor: string | null }>('/me/checkins', { qrToken, limit: pageSize, ...(after ? { after } : {}) });
        setRows((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setLoaded(true);
      } catch (e) {
        if (isInvalidQr(e)) onInvalidQr();
        else setError(e instanceof ApiError ? e.message : t('app.unexpected'));
      } finally {
        setLoading(false);
      }
    },
    [qrToken], // not on a language change: the rows do not depend on it
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
              <p>{r.checkedOutAt ? t('history.checkedOut', { time: formatDateTime(r.checkedOutAt, t.lang) }) : t('history.stillIn')}</p>
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
        <button type="button" className="btn big" disabled={loading} onClick={() => void load(cursor)} data-testid="history-more">
          {loading ? t('app.loading') : t('history.more')}
        </button>
      )}
    </section>
  );
}

function EraseBox({ qrToken, onErased }: { qrToken: string; onErased: () => void }) {
  const t = useT();
  const [phone, setPhone] = useState('');
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [code, setCode] = useState('');
  const form = useSubmit({ known: (p) => p === 'phone' || p === 'otp.code', alias: { otp: 'otp.code', 'otp.challengeId': 'otp.code' } });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!challenge) return form.fail({ 'otp.code': t('otp.needSend') });
    if (!/^\d{6}$/.test(code)) return form.fail({ 'otp.code': t('otp.codeInvalid') });
    const r = await form.submit(() => api<{ erased: true }>('/me/erase', { qrToken, otp: { challengeId: challenge.challengeId, code } }));
    if (!r) return;
    stored.eraseAll();
    onErased();
  };

  return (
    <section className="erase">
      <h2>{t('erase.title')}</h2>
      <p>{t('erase.what')}</p>
      <p className="hint">{t('erase.refused')}</p>
      <form onSubmit={onSubmit} noValidate>
        <Field name="phone" label={t('erase.phone')} error={form.errors.fields.phone}>
          {(a) => (
            <input
              {...a}
              type="tel"
              value={phone}
              autoComplete="tel"
              maxLength={20}
              onChange={(e) => {
                setPhone(e.target.value);
                form.clear('phone');
                if (challenge) {
                  setChallenge(null);
                  setCode('');
                }
              }}
              data-testid="erase-phone"
            />
          )}
        </Field>
        <OtpBlock phone={phone} purpose="erase" challenge={challenge} onChallenge={setChallenge} code={code} onCode={setCode} form={form} phonePath="phone" codePath="otp.code" />
        <FormError errors={form.errors} />
        <SubmitButton busy={form.busy} label={t('erase.submit')} testid="erase-submit" variant="danger" />
      </form>
    </section>
  );
}
