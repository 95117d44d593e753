import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { GateCameraView } from '../checkins/gate-camera-view.tsx';
import { useGateCamera } from '../checkins/use-gate-camera.ts';
import { useQrScanLoop } from '../checkins/use-qr-scan-loop.ts';

/**
 * The rear camera reading a QR code, as the venue gate does (native BarcodeDetector, else ZXing in
 * WebAssembly, which the service worker keeps for offline use); the first value read goes to
 * `onRead` and the camera closes. Decoding runs on the phone, so it works without a signal.
 */
export function QrScanner({ onRead, onClose }: { onRead(value: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const { videoRef, camera, retry } = useGateCamera(true);
  const busyRef = useRef(false);
  useQrScanLoop({
    enabled: true,
    camera,
    videoRef,
    busyRef,
    onDecoded: (raw) => {
      if (busyRef.current) return;
      busyRef.current = true;
      onRead(raw);
    },
  });
  return (
    <div className="border-scanner" data-testid="border-scanner">
      <GateCameraView videoRef={videoRef} camera={camera} onRetry={retry} />
      <button type="button" className="link-button" onClick={onClose}>
        {t('border.field.stopScan')}
      </button>
    </div>
  );
}
