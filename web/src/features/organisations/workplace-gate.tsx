import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { workforceContract } from '../../../../core/contracts/workforce.ts';
import type { GateCheckResult, GateMode, SiteView } from '../../../../core/schemas/workforce.ts';
import { ApiError, api, errorMessage } from '../../ui/api.ts';
import { FormError, type FormFailure } from '../../ui/form.tsx';
import { newClientKey } from '../../ui/client-key.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { parseCccdQr } from '../../../../core/rules/cccd-qr.ts';
import { gateReasonLabel } from '../checkins/gate-labels.ts';
import { tokenFromScan } from '../checkins/qr-detector.ts';
import { QrScanner } from '../border/qr-scanner.tsx';

/**
 * The gate of the organisation's sites: the camera reads a worker's personal QR or the QR of their
 * CCCD card (the border field page's scanner); for workers without a phone, or a QR the camera
 * cannot read, pick them from the roster, paste the text of their CCCD card's QR (a hand scanner
 * types it), or paste a personal QR. Each check is answered at once: let in with a valid
 * declaration, refused without.
 */
export function WorkplaceGate({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const [sites, setSites] = useState<SiteView[] | null>(null);
  const [venueId, setVenueId] = useState('');
  const [mode, setMode] = useState<GateMode>('list');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [result, setResult] = useState<GateCheckResult | null>(null);
  const [error, setError] = useState<FormFailure>(null);
  const [busy, setBusy] = useState(false);
  const [scanning, setScanning] = useState(false);
  const roster = usePagedList(
    mode === 'list' && q.trim().length >= 2 ? workforceContract.getOrganisationsRoster : null,
    { q: q.trim() },
    { params: { id: organisationId }, limit: 10 },
  );

  useEffect(() => {
    api(workforceContract.getOrganisationsSites, { params: { id: organisationId } })
      .then((r) => {
        setSites(r.items);
        setVenueId((v) => v || (r.items[0]?.venueId ?? ''));
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [organisationId]);

  const check = async (how: { mode: 'list'; rosterWorkerId: string } | { mode: 'qr' | 'cccd'; text: string }) => {
    setBusy(true);
    setError(null);
    setResult(null);
    const base = { clientKey: newClientKey(), venueId };
    const body =
      how.mode === 'list'
        ? { ...base, mode: how.mode, rosterWorkerId: how.rosterWorkerId }
        : how.mode === 'qr'
          ? { ...base, mode: how.mode, qrToken: how.text.trim() }
          : { ...base, mode: how.mode, cardText: how.text.trim() };
    try {
      setResult(await api(workforceContract.postOrganisationsGateChecks, { params: { id: organisationId }, body }));
      setText('');
    } catch (e) {
      setError(e instanceof ApiError ? e : t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };
  /** A CCCD card's QR has its seven fields; anything else is taken as a personal QR. */
  const scanned = (raw: string) => {
    setScanning(false);
    if (parseCccdQr(raw).ok) void check({ mode: 'cccd', text: raw });
    else void check({ mode: 'qr', text: tokenFromScan(raw) });
  };
  const submitText = (e: FormEvent) => {
    e.preventDefault();
    if (mode !== 'list' && text.trim()) void check({ mode, text });
  };

  if (sites && sites.length === 0)
    return (
      <section className="card" data-testid="org-gate">
        <h2>{t('workforce.gateTitle')}</h2>
        <p className="muted">{t('workforce.noSites')}</p>
      </section>
    );
  return (
    <section className="card" aria-labelledby="org-gate-title" data-testid="org-gate">
      <h2 id="org-gate-title">{t('workforce.gateTitle')}</h2>
      {scanning ? (
        <QrScanner onRead={scanned} onClose={() => setScanning(false)} />
      ) : (
        <button
          type="button"
          className="button primary"
          disabled={busy || !venueId}
          onClick={() => {
            setResult(null);
            setScanning(true);
          }}
          data-testid="gate-scan"
        >
          {t('workforce.scan')}
        </button>
      )}
      <form className="form-grid" onSubmit={submitText}>
        <div className="field">
          <label htmlFor="gate-site">{t('workforce.site')}</label>
          <select id="gate-site" value={venueId} onChange={(e) => setVenueId(e.target.value)} data-testid="gate-site">
            {(sites ?? []).map((s) => (
              <option key={s.venueId} value={s.venueId}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gate-mode">{t('workforce.gateMode')}</label>
          <select
            id="gate-mode"
            value={mode}
            onChange={(e) => setMode(e.target.value as GateMode)}
            data-testid="gate-mode"
          >
            {(['list', 'cccd', 'qr'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`workforce.modes.${m}`)}
              </option>
            ))}
          </select>
        </div>
        {mode === 'list' ? (
          <div className="field full">
            <label htmlFor="gate-search">{t('workforce.search')}</label>
            <input id="gate-search" value={q} onChange={(e) => setQ(e.target.value)} data-testid="gate-search" />
            <ul className="plain-list" data-testid="gate-candidates">
              {roster.items.map((w) => (
                <li key={w.id}>
                  <button
                    type="button"
                    disabled={busy || !venueId}
                    onClick={() => void check({ mode: 'list', rosterWorkerId: w.id })}
                    data-testid="gate-pick"
                  >
                    {w.fullName} · {w.department || t('common.empty')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <div className="field full">
            <label htmlFor="gate-text">{t(mode === 'cccd' ? 'workforce.cardText' : 'workforce.qrText')}</label>
            <textarea
              id="gate-text"
              rows={2}
              value={text}
              onChange={(e) => setText(e.target.value)}
              data-testid="gate-text"
            />
            <div className="form-actions">
              <button
                type="submit"
                className="primary"
                disabled={busy || !venueId || !text.trim()}
                data-testid="gate-submit"
              >
                {t('workforce.check')}
              </button>
            </div>
          </div>
        )}
      </form>
      <FormError error={error} />
      {result && (
        <div
          className={`alert ${result.allowed ? 'alert-ok' : 'alert-error'}`}
          role="status"
          data-testid="gate-answer"
          data-allowed={String(result.allowed)}
        >
          <p>
            <strong>{t(result.allowed ? 'workforce.allowed' : 'workforce.refused')}</strong>{' '}
            {result.worker ? `${result.worker.fullName} · ${result.worker.department}` : t('workforce.notOnRoster')}
          </p>
          {result.reasons.length > 0 && (
            <ul>
              {result.reasons.map((r) => (
                <li key={r}>{gateReasonLabel(t, r)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
