import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A signature drawn with a finger or a mouse on a small canvas, answered as a PNG data URL (null
 * when cleared). Pointer events cover touch, pen and mouse; the canvas keeps a white background
 * so the PNG prints as signed on paper.
 */
export function SignaturePad(p: { label: string; onChange(png: string | null): void; testId?: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [signed, setSigned] = useState(false);

  useEffect(() => clear(), []);

  function clear() {
    const c = canvas.current;
    const g = c?.getContext('2d');
    if (!c || !g) return;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
    setSigned(false);
    p.onChange(null);
  }

  function at(e: React.PointerEvent<HTMLCanvasElement>) {
    const r = e.currentTarget.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) * e.currentTarget.width) / r.width,
      y: ((e.clientY - r.top) * e.currentTarget.height) / r.height,
    };
  }

  return (
    <div className="signature-pad">
      <span className="field-label">{p.label}</span>
      <canvas
        ref={canvas}
        width={340}
        height={140}
        role="img"
        aria-label={p.label}
        data-testid={p.testId}
        style={{ border: '1px solid #888', touchAction: 'none', width: '100%', maxWidth: 340, background: '#fff' }}
        onPointerDown={(e) => {
          drawing.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          const g = e.currentTarget.getContext('2d')!;
          const { x, y } = at(e);
          g.lineWidth = 2.5;
          g.lineCap = 'round';
          g.strokeStyle = '#102a6b';
          g.beginPath();
          g.moveTo(x, y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const g = e.currentTarget.getContext('2d')!;
          const { x, y } = at(e);
          g.lineTo(x, y);
          g.stroke();
        }}
        onPointerUp={(e) => {
          if (!drawing.current) return;
          drawing.current = false;
          setSigned(true);
          p.onChange(e.currentTarget.toDataURL('image/png'));
        }}
      />
      <button type="button" onClick={clear} disabled={!signed}>
        {t('signature.clear')}
      </button>
    </div>
  );
}
