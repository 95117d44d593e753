import { useMemo } from 'react';
import { create as createQr } from 'qrcode/lib/core/qrcode.js';
import { useT } from './i18n/index.ts';

/**
 * The personal QR as crisp SVG (any screen density, any size): error correction M and a white
 * quiet zone of 4 modules, as scanners expect.
 */
export function QrSvg({ text, testid }: { text: string; testid: string }) {
  const t = useT();
  const { size, path } = useMemo(() => {
    // One byte-mode segment: the token is short ASCII, and this skips the segment optimiser.
    const qr = createQr([{ data: new TextEncoder().encode(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    let d = '';
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        if (qr.modules.get(y, x)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
      }
    }
    return { size: n + 8, path: d };
  }, [text]);
  // A whole number of screen pixels per module keeps every module the same width on any screen.
  const px =
    typeof window === 'undefined' ? 4 : Math.max(2, Math.floor(Math.min(340, window.innerWidth - 28) / size)) * size;
  return (
    <svg
      className="qr"
      width={px}
      height={px}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={t('qr.title')}
      data-testid={testid}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
