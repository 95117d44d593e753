import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateScanResult } from '../../../../core/schemas/checkins.ts';
import { checkinsContract } from '../../../../core/contracts/checkins.ts';
import { ApiError, api } from '../../ui/api.ts';
import { FormError, type FormFailure } from '../../ui/form.tsx';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { gateReasonLabel, qrColourLabel } from './gate-labels.ts';
import { createQrDetector, tokenFromScan, type DetectorKind, type QrDetector } from './qr-detector.ts';
import { useVenue } from './use-venue.ts';
import '../venues/venues.css';
import './gate.css';

/** How often a video frame is decoded. */
const SCAN_EVERY_MS = 200;
/** A value seen again within this time is ignored: one QR held up is one scan. */
const SAME_VALUE_QUIET_MS = 3000;
/** The full-screen answer then shrinks to a banner, so the next person can be aimed at. */
const FULL_SCREEN_MS = 3000;

type CameraState = 'starting' | 'running' | 'off' | 'denied' | 'missing' | 'insecure' | 'error';
type ReaderState = 'loading' | DetectorKind | 'failed';
type Shown = GateScanResult & { seq: number };
interface Counts {
  allowed: number;
  refused: number;
}

const countsKey = (venueId: string) => `pd.gate.${venueId}`;

function loadCounts(venueId: string): Counts {
  try {
    const v = JSON.parse(sessionStorage.getItem(countsKey(venueId)) ?? 'null') as Partial<Counts> | null;
    return { allowed: Number(v?.allowed) || 0, refused: Number(v?.refused) || 0 };
  } catch {
    return { allowed: 0, refused: 0 };
  }
}

function cameraFailure(e: unknown): CameraState {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'missing';
  return 'error';
}

/**
 * The gate scanner (mode 2 check-in), for staff holding a phone: the rear camera decodes personal
 * QR codes continuously; each new code is sent to POST /api/venues/:id/gate-scans and the answer
 * fills the screen (green ✓ allowed, red ✗ refused, with the reasons and the masked name). A typed
 * or pasted code is the fallback when there is no camera.
 */
export function GatePage({ venueId }: { venueId: string }) {
  const { t } = useTranslation();
  const { venue, error: venueError } = useVenue(venueId);
  const ready = venue?.status === 'approved';

  const videoRef = useRef<HTMLVideoElement>(null);
  const [cameraOn, setCameraOn] = useState(true);
  const [camera, setCamera] = useState<CameraState>('starting');
  const [reader, setReader] = useState<ReaderState>('loading');
  const [detector, setDetector] = useState<QrDetector | null>(null);

  const [result, setResult] = useState<Shown | null>(null);
  const [fullScreen, setFullScreen] = useState(false);
  const [counts, setCounts] = useState<Counts>(() => loadCounts(venueId));
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const seqRef = useRef(0);
  const recent = useRef(new Map<string, number>());
  const [error, setError] = useState<FormFailure>(null);
  const [manual, setManual] = useState('');

  useEffect(() => {
    try {
      sessionStorage.setItem(countsKey(venueId), JSON.stringify(counts));
    } catch {
      // not kept across reloads
    }
  }, [venueId, counts]);

  // The camera: rear-facing, opened once the venue is known to accept scans.
  useEffect(() => {
    if (!ready) return;
    if (!cameraOn) {
      setCamera('off');
      return;
    }
    if (!window.isSecureContext || !('mediaDevices' in navigator) || !navigator.mediaDevices.getUserMedia) {
      setCamera('insecure');
      return;
    }
    let live = true;
    let stream: MediaStream | null = null;
    setCamera('starting');
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        if (!live) {
          for (const track of s.getTracks()) track.stop();
          return;
        }
        stream = s;
        const video = videoRef.current;
        if (!video) return;
        video.srcObject = s;
        try {
          await video.play();
        } catch {
          // autoplay refused: the stream still feeds frames once shown (muted + playsInline)
        }
        if (live) setCamera('running');
      })
      .catch((e: unknown) => live && setCamera(cameraFailure(e)));
    const video = videoRef.current;
    return () => {
      live = false;
      for (const track of stream?.getTracks() ?? []) track.stop();
      if (video) video.srcObject = null;
    };
  }, [ready, cameraOn]);

  // The decoder: native where the browser has one for QR codes, else ZXing (WebAssembly).
  useEffect(() => {
    if (!ready) return;
    let live = true;
    createQrDetector()
      .then(({ detector: d, kind }) => {
        if (!live) return;
        setDetector(d);
        setReader(kind);
      })
      .catch(() => live && setReader('failed'));
    return () => {
      live = false;
    };
  }, [ready]);

  const check = useCallback(
    async (token: string) => {
      busyRef.current = true;
      setBusy(true);
      setError(null);
      try {
        const r = await api(checkinsContract.postVenuesGateScans, { params: { id: venueId }, body: { token } });
        setResult({ ...r, seq: ++seqRef.current });
        setFullScreen(true);
        setCounts((c) => (r.allowed ? { ...c, allowed: c.allowed + 1 } : { ...c, refused: c.refused + 1 }));
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
    [venueId, t],
  );

  const onDecoded = useCallback(
    (raw: string) => {
      const token = tokenFromScan(raw);
      if (!token) return;
      const now = Date.now();
      for (const [value, at] of recent.current) if (now - at >= SAME_VALUE_QUIET_MS) recent.current.delete(value);
      const seen = recent.current.has(token);
      // Still in view: keep it quiet until it has been gone for a while.
      recent.current.set(token, now);
      if (seen || busyRef.current) return;
      void check(token);
    },
    [check],
  );
  const onDecodedRef = useRef(onDecoded);
  onDecodedRef.current = onDecoded;

  // The scan loop: one frame every SCAN_EVERY_MS, never two decodes at once, none while a scan is sent.
  useEffect(() => {
    if (camera !== 'running' || !detector) return;
    let stopped = false;
    let timer = 0;
    const tick = async () => {
      const video = videoRef.current;
      if (video && video.readyState >= 2 && !document.hidden && !busyRef.current) {
        try {
          const found = await detector.detect(video);
          const value = found.find((c) => c.rawValue)?.rawValue;
          if (value && !stopped) onDecodedRef.current(value);
        } catch {
          // a frame that could not be read
        }
      }
      if (!stopped) timer = window.setTimeout(() => void tick(), SCAN_EVERY_MS);
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [camera, detector]);

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

  const submitManual = async (e: FormEvent) => {
    e.preventDefault();
    const token = tokenFromScan(manual);
    if (!token || busyRef.current) return;
    if (await check(token)) setManual('');
  };

  const title = t('gate.title');
  if (venueError || (venue && !ready)) {
    return (
      <Page title={title}>
        <BackLinks venueId={venueId} />
        <div className="alert alert-error" role="alert" data-testid="gate-unavailable">
          <p>{venueError ?? t('gate.notApproved', { name: venue?.name ?? '', status: venue ? t(`venues.status.${venue.status}`) : '' })}</p>
        </div>
      </Page>
    );
  }

  const cameraMessage: Record<CameraState, string | null> = {
    starting: t('gate.cameraStarting'),
    running: null,
    off: t('gate.cameraOff'),
    denied: t('gate.cameraDenied'),
    missing: t('gate.cameraMissing'),
    insecure: t('gate.cameraInsecure'),
    error: t('gate.cameraError'),
  };
  const cameraProblem = camera === 'denied' || camera === 'missing' || camera === 'insecure' || camera === 'error';
  let statusLine = '';
  if (busy) statusLine = t('gate.checking');
  else if (cameraProblem || camera === 'off') statusLine = '';
  else if (reader === 'loading') statusLine = t('gate.readerLoading');
  else if (reader === 'failed') statusLine = t('gate.readerFailed');
  else if (camera === 'running') statusLine = t('gate.scanning');

  return (
    <Page title={title} intro={venue ? `${venue.name} · ${venue.addressLine}, ${venue.communeName}` : t('common.loading')}>
      <BackLinks venueId={venueId} />

      <div className="gate-counters" aria-live="polite">
        <div className="gate-counter gate-counter-allowed">
          <span className="gate-counter-label">{t('gate.countAllowed')}</span>
          <strong data-testid="gate-count-allowed">{counts.allowed}</strong>
        </div>
        <div className="gate-counter gate-counter-refused">
          <span className="gate-counter-label">{t('gate.countRefused')}</span>
          <strong data-testid="gate-count-refused">{counts.refused}</strong>
        </div>
      </div>

      {result && <GateResult key={result.seq} result={result} fullScreen={fullScreen} onDismiss={() => setFullScreen(false)} />}

      <div className={cameraProblem || camera === 'off' ? 'gate-scanner idle' : 'gate-scanner'}>
        <video
          ref={videoRef}
          className="gate-video"
          data-testid="gate-video"
          data-camera={camera}
          muted
          playsInline
          autoPlay
          aria-label={t('gate.videoLabel')}
        />
        {camera === 'running' && <div className="gate-aim" aria-hidden="true" />}
        {camera !== 'running' && (
          <div className={cameraProblem ? 'gate-camera-message problem' : 'gate-camera-message'} role={cameraProblem ? 'alert' : 'status'} data-testid="gate-camera-message">
            <p>{cameraMessage[camera]}</p>
            {camera === 'denied' && <p className="small">{t('gate.cameraDeniedHelp')}</p>}
            {(camera === 'denied' || camera === 'error') && (
              <button
                type="button"
                onClick={() => {
                  setCameraOn(false);
                  window.setTimeout(() => setCameraOn(true), 0);
                }}
              >
                {t('common.retry')}
              </button>
            )}
          </div>
        )}
      </div>
      <p className="gate-status muted small" role="status">
        {statusLine}
      </p>
      {camera !== 'missing' && camera !== 'insecure' && (
        <div className="toolbar">
          <button type="button" onClick={() => setCameraOn((on) => !on)} aria-pressed={!cameraOn} data-testid="gate-camera-toggle">
            {cameraOn ? t('gate.cameraStop') : t('gate.cameraStart')}
          </button>
        </div>
      )}

      <FormError error={error} testId="gate-error" />

      <form className="gate-manual" onSubmit={(e) => void submitManual(e)} noValidate>
        <label htmlFor="gate-manual-input">{t('gate.manualLabel')}</label>
        <div className="gate-manual-row">
          <input
            id="gate-manual-input"
            type="text"
            value={manual}
            onChange={(e) => setManual(e.target.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            placeholder="P1.…"
            maxLength={2000}
            data-testid="gate-manual-input"
          />
          <button type="submit" className="primary" disabled={busy || !manual.trim()} data-testid="gate-manual-submit">
            {t('gate.manualSubmit')}
          </button>
        </div>
        <small className="field-hint">{t('gate.manualHint')}</small>
      </form>
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

/** The answer: full screen at first (tap to close), then a banner above the camera. */
function GateResult({ result, fullScreen, onDismiss }: { result: Shown; fullScreen: boolean; onDismiss(): void }) {
  const { t } = useTranslation();
  const cls = ['gate-result', result.allowed ? 'gate-allowed' : 'gate-refused', fullScreen ? 'gate-full' : 'gate-banner'].join(' ');
  return (
    <div
      className={cls}
      role="alert"
      aria-live="assertive"
      data-testid="gate-result"
      data-allowed={String(result.allowed)}
      data-colour={result.colour}
      onClick={fullScreen ? onDismiss : undefined}
    >
      <div className="gate-result-body">
        <span className="gate-mark" aria-hidden="true">
          {result.allowed ? '✓' : '✗'}
        </span>
        <div className="gate-result-text">
          <strong className="gate-verdict">{result.allowed ? t('gate.allowed') : t('gate.refused')}</strong>
          {result.displayName && (
            <span className="gate-name" data-testid="gate-name">
              {result.displayName}
            </span>
          )}
          {result.colour !== 'none' && (
            <span className={`gate-colour gate-colour-${result.colour}`}>{t('gate.qrColour', { colour: qrColourLabel(t, result.colour) })}</span>
          )}
          {result.reasons.length > 0 && (
            <ul className="gate-reasons" data-testid="gate-reasons">
              {result.reasons.map((r) => (
                <li key={r}>{gateReasonLabel(t, r)}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {fullScreen && (
        <button type="button" className="gate-next" onClick={onDismiss} data-testid="gate-result-dismiss">
          {t('gate.next')}
        </button>
      )}
    </div>
  );
}
