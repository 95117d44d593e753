import { useEffect, useRef, useState } from 'react';

export type CameraState = 'starting' | 'running' | 'off' | 'denied' | 'missing' | 'insecure' | 'error';

function cameraFailure(e: unknown): CameraState {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'missing';
  return 'error';
}

export const isCameraProblem = (camera: CameraState) =>
  camera === 'denied' || camera === 'missing' || camera === 'insecure' || camera === 'error';

/** The rear camera, opened once `enabled` (the venue accepts scans) and while switched on. */
export function useGateCamera(enabled: boolean) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [cameraOn, setCameraOn] = useState(true);
  const [camera, setCamera] = useState<CameraState>('starting');

  useEffect(() => {
    if (!enabled) return;
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
  }, [enabled, cameraOn]);

  /** Closes and reopens the camera (after a refusal the person may have granted access meanwhile). */
  const retry = () => {
    setCameraOn(false);
    window.setTimeout(() => setCameraOn(true), 0);
  };

  return { videoRef, camera, cameraOn, setCameraOn, retry };
}
