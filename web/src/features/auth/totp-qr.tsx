import { useMemo } from 'react';
import { create as createQr } from 'qrcode/lib/core/qrcode.js';

/**
 * The otpauth:// address as an SVG QR (error correction M, a white quiet zone of 4 modules, a
 * whole number of pixels per module) that any authenticator app scans off the screen.
 */
export function TotpQr({ uri, label }: { uri: string; label: string }) {
  const { size, path } = useMemo(() => {
    const qr = createQr([{ data: new TextEncoder().encode(uri), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    let d = '';
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (qr.modules.get(y, x)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    return { size: n + 8, path: d };
  }, [uri]);
  const px = size * 5;
  return (
    <svg
      className="totp-qr"
      width={px}
      height={px}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
      data-testid="totp-qr"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
