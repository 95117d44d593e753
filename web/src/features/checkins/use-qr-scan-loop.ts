import { useEffect, useRef, useState, type RefObject } from 'react';
import type { CameraState } from './use-gate-camera.ts';
import { createQrDetector, type DetectorKind, type QrDetector } from './qr-detector.ts';

/** How often a video frame is decoded. */
const SCAN_EVERY_MS = 200;

export type ReaderState = 'loading' | DetectorKind | 'failed';

/**
 * The decoder (native where the browser has one for QR codes, else ZXing in WebAssembly) and the
 * scan loop: one frame every SCAN_EVERY_MS, never two decodes at once, none while `busy` says a
 * scan is being sent. Each decoded value goes to `onDecoded`.
 */
export function useQrScanLoop(o: {
  enabled: boolean;
  camera: CameraState;
  videoRef: RefObject<HTMLVideoElement | null>;
  busyRef: RefObject<boolean>;
  onDecoded(raw: string): void;
}): ReaderState {
  const { enabled, camera, videoRef, busyRef } = o;
  const [reader, setReader] = useState<ReaderState>('loading');
  const [detector, setDetector] = useState<QrDetector | null>(null);
  const onDecodedRef = useRef(o.onDecoded);
  onDecodedRef.current = o.onDecoded;

  useEffect(() => {
    if (!enabled) return;
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
  }, [enabled]);

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
  }, [camera, detector, videoRef, busyRef]);

  return reader;
}
