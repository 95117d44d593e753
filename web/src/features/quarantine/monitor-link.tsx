import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create as createQr } from 'qrcode/lib/core/qrcode.js';
import { monitorUrl } from './quarantine-labels.ts';

/** The link as an SVG QR code (error correction M, quiet zone of 4 modules): staff show or print it. */
function QrImage({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const qr = createQr([{ data: new TextEncoder().encode(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    let d = '';
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (qr.modules.get(y, x)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    return { size: n + 8, path: d };
  }, [text]);
  return (
    <svg
      className="monitor-qr"
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
      data-testid="monitor-qr"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/** The no-login daily report link of a stay: copy it into a message, or let the person scan it. */
export function MonitorLink({ token }: { token: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const url = monitorUrl(token);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // clipboard refused (plain HTTP): the link stays selectable
    }
  };
  return (
    <section className="card" aria-labelledby="monitor-title" data-testid="monitor-link">
      <h2 id="monitor-title">{t('quarantine.monitorTitle')}</h2>
      <p className="muted">{t('quarantine.monitorIntro')}</p>
      <div className="monitor-link">
        <QrImage text={url} label={t('quarantine.monitorTitle')} />
        <div>
          <p>
            <a href={url} target="_blank" rel="noreferrer" data-testid="monitor-url">
              <code>{url}</code>
            </a>
          </p>
          <button type="button" onClick={() => void copy()} data-testid="monitor-copy">
            {copied ? t('common.copied') : t('common.copy')}
          </button>
        </div>
      </div>
    </section>
  );
}
