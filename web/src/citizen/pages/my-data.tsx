import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { PersonAccessView } from '../../../../core/schemas/audit.ts';
import { api, isSessionNeeded, request } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { Field, FormError, SubmitButton, useSubmit } from '../form.tsx';
import { useT } from '../i18n/index.ts';
import '../i18n/vi-pages.ts';
import { Page } from '../layout.tsx';
import { OtpBlock, type Challenge } from '../otp.tsx';
import { OpenSession } from '../session.tsx';
import { PushAlerts } from './push-alerts.tsx';
import { stored, type StoredSession } from '../storage.ts';
import { eraseMyData, myAccesses, myDataFile } from '../endpoints.ts';
import { MySelfReports } from './my-self-reports.tsx';

const pageSize = 20;

/**
 * My data (Law 91/2025): a copy of everything held about me (JSON, PDF: each a fresh one-time
 * code), which agencies accessed it and when, and erasure. All with the session of this phone.
 */
export function MyDataPage() {
  const t = useT();
  const [session, setSession] = useState(() => stored.session());
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
  return (
    <Page title={t('myData.title')}>
      <p className="lead">{t('myData.intro')}</p>
      {session ? (
        <>
          <DownloadBox session={session} onSessionEnded={() => setSession(null)} />
          <MySelfReports session={session.token} onSessionEnded={() => setSession(null)} />
          <PushAlerts onSessionEnded={() => setSession(null)} />
          <AccessLog session={session.token} onSessionEnded={() => setSession(null)} />
          <EraseBox session={session} onErased={() => setErased(true)} onSessionEnded={() => setSession(null)} />
        </>
      ) : (
        <OpenSession onOpened={setSession} />
      )}
    </Page>
  );
}

/** One code per copy: a bulk export of sensitive data is not opened by a 30-day session alone. */
function DownloadBox({ session, onSessionEnded }: { session: StoredSession; onSessionEnded: () => void }) {
  const t = useT();
  const [format, setFormat] = useState<'json' | 'pdf'>('pdf');
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [code, setCode] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  // Each copy is a new request for a code, not a resend of the last one: its "resend in" wait starts over.
  const [round, setRound] = useState(0);
  const form = useSubmit({
    known: (p) => p === 'otp.code',
    alias: { otp: 'otp.code', 'otp.challengeId': 'otp.code', phone: 'otp.code' },
    onError: (e) => isSessionNeeded(e) && onSessionEnded(),
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!challenge) return form.fail({ 'otp.code': t('otp.needSend') });
    if (!/^\d{6}$/.test(code)) return form.fail({ 'otp.code': t('otp.codeInvalid') });
    const res = await form.submit(() =>
      request(myDataFile, { body: { format, otp: { challengeId: challenge.challengeId, code } } }, { session: true }),
    );
    if (!res) return;
    const name =
      /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `du-lieu-cua-toi.${format}`;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setSaved(name);
    setChallenge(null);
    setCode('');
    setRound((n) => n + 1);
  };

  return (
    <section className="my-data" data-testid="my-data-download">
      <h2>{t('myData.download')}</h2>
      <p className="hint">{t('myData.downloadHint')}</p>
      <form onSubmit={onSubmit} noValidate>
        <Field name="format" label={t('myData.format')}>
          {(a) => (
            <select
              {...a}
              value={format}
              onChange={(e) => setFormat(e.target.value as 'json' | 'pdf')}
              data-testid="my-data-format"
            >
              <option value="pdf">{t('myData.pdf')}</option>
              <option value="json">{t('myData.json')}</option>
            </select>
          )}
        </Field>
        <OtpBlock
          key={round}
          phone={session.phone}
          purpose="my_data"
          challenge={challenge}
          onChallenge={setChallenge}
          code={code}
          onCode={setCode}
          form={form}
          phonePath="otp.code"
          codePath="otp.code"
        />
        <FormError errors={form.errors} />
        <SubmitButton busy={form.busy} label={t('myData.get')} testid="my-data-submit" />
      </form>
      {saved && (
        <p className="ok-note" role="status" data-testid="my-data-saved">
          {t('myData.saved', { file: saved })}
        </p>
      )}
    </section>
  );
}

/** Which agencies accessed my data and when (never which official), newest first. */
function AccessLog({ session, onSessionEnded }: { session: string; onSessionEnded: () => void }) {
  const t = useT();
  const [rows, setRows] = useState<PersonAccessView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ok' | 'failed'>('loading');
  const load = useCallback(
    async (after: string | null) => {
      setState('loading');
      try {
        const page = await api(
          myAccesses,
          { body: { limit: pageSize, ...(after ? { after } : {}) } },
          { session: true },
        );
        setRows((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setState('ok');
      } catch (e) {
        if (isSessionNeeded(e)) onSessionEnded();
        setState('failed');
      }
    },
    [session, t.lang],
  ); // the agency names come in the reader's language
  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <section className="accesses" aria-busy={state === 'loading'} data-testid="my-data-accesses">
      <h2>{t('myData.accesses')}</h2>
      <p className="hint">{t('myData.accessesHint')}</p>
      {state === 'ok' && rows.length === 0 && <p data-testid="accesses-empty">{t('myData.noAccess')}</p>}
      {rows.length > 0 && (
        <ol className="history">
          {rows.map((r, i) => (
            <li key={`${r.at}-${i}`} data-testid="access-item">
              <p className="strong">{r.agency}</p>
              <p>
                {t(`myData.kind.${r.kind}`)}: {r.record}
              </p>
              <p className="hint">{formatDateTime(r.at, t.lang)}</p>
            </li>
          ))}
        </ol>
      )}
      {state === 'failed' && (
        <button type="button" className="btn" onClick={() => void load(null)}>
          {t('app.retry')}
        </button>
      )}
      {cursor && state === 'ok' && (
        <button type="button" className="btn big" onClick={() => void load(cursor)} data-testid="accesses-more">
          {t('history.more')}
        </button>
      )}
    </section>
  );
}

function EraseBox({
  session,
  onErased,
  onSessionEnded,
}: {
  session: StoredSession;
  onErased: () => void;
  onSessionEnded: () => void;
}) {
  const t = useT();
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [code, setCode] = useState('');
  const form = useSubmit({
    known: (p) => p === 'otp.code',
    alias: { otp: 'otp.code', 'otp.challengeId': 'otp.code', phone: 'otp.code' },
    onError: (e) => isSessionNeeded(e) && onSessionEnded(),
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!challenge) return form.fail({ 'otp.code': t('otp.needSend') });
    if (!/^\d{6}$/.test(code)) return form.fail({ 'otp.code': t('otp.codeInvalid') });
    const r = await form.submit(() =>
      api(eraseMyData, { body: { otp: { challengeId: challenge.challengeId, code } } }, { session: true }),
    );
    if (!r) return;
    stored.eraseAll();
    // The check-ins kept on the phone too (its module is fetched only now).
    await import('../visits.ts').then((m) => m.deleteAllVisits()).catch(() => undefined);
    onErased();
  };

  return (
    <section className="erase">
      <h2>{t('erase.title')}</h2>
      <p>{t('erase.what')}</p>
      <p className="hint">{t('erase.refused')}</p>
      <form onSubmit={onSubmit} noValidate>
        <OtpBlock
          phone={session.phone}
          purpose="erase"
          challenge={challenge}
          onChallenge={setChallenge}
          code={code}
          onCode={setCode}
          form={form}
          phonePath="otp.code"
          codePath="otp.code"
        />
        <FormError errors={form.errors} />
        <SubmitButton busy={form.busy} label={t('erase.submit')} testid="erase-submit" variant="danger" />
      </form>
    </section>
  );
}
