import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { isCameraProblem, type CameraState } from './use-gate-camera.ts';

/** The camera's picture with an aiming frame, or why there is none (with a retry where it may help). */
export function GateCameraView(p: {
  videoRef: RefObject<HTMLVideoElement | null>;
  camera: CameraState;
  onRetry(): void;
}) {
  const { t } = useTranslation();
  const { camera } = p;
  const cameraMessage: Record<CameraState, string | null> = {
    starting: t('gate.cameraStarting'),
    running: null,
    off: t('gate.cameraOff'),
    denied: t('gate.cameraDenied'),
    missing: t('gate.cameraMissing'),
    insecure: t('gate.cameraInsecure'),
    error: t('gate.cameraError'),
  };
  const cameraProblem = isCameraProblem(camera);
  return (
    <div className={cameraProblem || camera === 'off' ? 'gate-scanner idle' : 'gate-scanner'}>
      <video
        ref={p.videoRef}
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
        <div
          className={cameraProblem ? 'gate-camera-message problem' : 'gate-camera-message'}
          role={cameraProblem ? 'alert' : 'status'}
          data-testid="gate-camera-message"
        >
          <p>{cameraMessage[camera]}</p>
          {camera === 'denied' && <p className="small">{t('gate.cameraDeniedHelp')}</p>}
          {(camera === 'denied' || camera === 'error') && (
            <button type="button" onClick={p.onRetry}>
              {t('common.retry')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
