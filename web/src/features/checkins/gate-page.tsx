import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateScanResult } from '../../../../core/schemas/checkins.ts';
import { checkinsContract } from '../../../../core/contracts/checkins.ts';
import { ApiError, api } from '../../ui/api.ts';
import { FormError, type FormFailure } from '../../ui/form.tsx';
import { useAddressLine } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { GateCameraView } from './gate-camera-view.tsx';
import { GateManualForm } from './gate-manual-form.tsx';
import { GateCounters, GateResult, type ShownScan } from './gate-result.tsx';
import { tokenFromScan } from './qr-detector.ts';
import { isCameraProblem, useGateCamera } from './use-gate-camera.ts';
import { useGateCounts } from './use-gate-counts.ts';
import { useQrScanLoop } from './use-qr-scan-loop.ts';
import { useVenue } from './use-venue.ts';
import '../venues/venues.css';
import './gate.css';

/** A value seen again within this time is ignored: one QR held up is one scan. */
const SAME_VALUE_QUIET_MS = 3000;
/** The full-screen answer then shrinks to a banner, so the next person can be aimed at. */
const FULL_SCREEN_MS = 3000;

/**
 * The gate scanner (mode 2 check-in), for staff holding a phone: the rear camera decodes personal
 * QR codes continuously; each new code is sent to POST /api/venues/:id/gate-scans and the answer
 * fills the screen (green ✓ allowed, red ✗ refused, with the reasons and the masked name). A typed
 * or pasted code is the fallback when there is no camera.
 */
export function GatePage({ venueId }: { venueId: string }) {
  const { t } = useTranslation();
  const addressOf = useAddressLine();
  const { venue, error: venueError } = useVenue(venueId);
  const ready = venue?.status === 'approved';

  const { videoRef, camera, cameraOn, setCameraOn, retry } = useGateCamera(ready);
  const [result, setResult] = useState<ShownScan | null>(null);
  const [fullScreen, setFullScreen] = useState(false);
  const { counts, count } = useGateCounts(venueId);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const seqRef = useRef(0);
  const recent = useRef(new Map<string, number>());
  const [error, setError] = useState<FormFailure>(null);

  const check = useCallback(
    async (token: string) => {
      busyRef.current = true;
      setBusy(true);
      setError(null);
      try {
        const r = await api(checkinsContract.postVenuesGateScans, { params: { id: venueId }, body: { token } });
        setResult({ ...r, seq: ++seqRef.current });
        setFullScreen(true);
        count(r.allowed);
        try {
          navigator.vibrate?.(r.allowed ? 120 : [250, 120, 250]);
        } catch {
          // no vibration
        }
        return true;
      } catch (e) {
        setError(e instanceof ApiError ? e : t('errors.unexpected'));
        return false;
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [venueId, t, count],
  );

  const onDecoded = (raw: string) => {
    const token = tokenFromScan(raw);
    if (!token) return;
    const now = Date.now();
    for (const [value, at] of recent.current) if (now - at >= SAME_VALUE_QUIET_MS) recent.current.delete(value);
    const seen = recent.current.has(token);
    // Still in view: keep it quiet until it has been gone for a while.
    recent.current.set(token, now);
    if (seen || busyRef.current) return;
    void check(token);
  };
  const reader = useQrScanLoop({ enabled: ready, camera, videoRef, busyRef, onDecoded });

  useEffect(() => {
    if (!result || !fullScreen) return;
    const id = window.setTimeout(() => setFullScreen(false), FULL_SCREEN_MS);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setFullScreen(false);
    window.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(id);
      window.removeEventListener('keydown', onKey);
    };
  }, [result, fullScreen]);

  const title = t('gate.title');
  if (venueError || (venue && !ready)) {
    return (
      <Page title={title}>
        <BackLinks venueId={venueId} />
        <div className="alert alert-error" role="alert" data-testid="gate-unavailable">
          <p>
            {venueError ??
              t('gate.notApproved', {
                name: venue?.name ?? '',
                status: venue ? t(`venues.status.${venue.status}`) : '',
              })}
          </p>
        </div>
      </Page>
    );
  }

  let statusLine = '';
  if (busy) statusLine = t('gate.checking');
  else if (isCameraProblem(camera) || camera === 'off') statusLine = '';
  else if (reader === 'loading') statusLine = t('gate.readerLoading');
  else if (reader === 'failed') statusLine = t('gate.readerFailed');
  else if (camera === 'running') statusLine = t('gate.scanning');

  return (
    <Page
      title={title}
      intro={
        venue
          ? `${venue.name} · ${addressOf(venue.addressLine, venue.communeCode, venue.communeName)}`
          : t('common.loading')
      }
    >
      <BackLinks venueId={venueId} />
      <GateCounters counts={counts} />
      {result && (
        <GateResult key={result.seq} result={result} fullScreen={fullScreen} onDismiss={() => setFullScreen(false)} />
      )}
      <GateCameraView videoRef={videoRef} camera={camera} onRetry={retry} />
      <p className="gate-status muted small" role="status">
        {statusLine}
      </p>
      {camera !== 'missing' && camera !== 'insecure' && (
        <div className="toolbar">
          <button
            type="button"
            onClick={() => setCameraOn((on) => !on)}
            aria-pressed={!cameraOn}
            data-testid="gate-camera-toggle"
          >
            {cameraOn ? t('gate.cameraStop') : t('gate.cameraStart')}
          </button>
        </div>
      )}
      <FormError error={error} testId="gate-error" />
      <GateManualForm busy={busy} onCheck={(token) => (busyRef.current ? Promise.resolve(false) : check(token))} />
    </Page>
  );
}

function BackLinks({ venueId }: { venueId: string }) {
  const { t } = useTranslation();
  return (
    <p className="page-links">
      <Link to="/venues" className="back-link">
        ← {t('venues.backToList')}
      </Link>
      <Link to={`/venues/${encodeURIComponent(venueId)}/entries`} className="back-link">
        {t('venues.entriesLink')}
      </Link>
    </p>
  );
}
