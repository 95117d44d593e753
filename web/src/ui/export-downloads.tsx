import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, errorMessage, type DownloadProgress } from './api.ts';

/** Export links of the app: `<a href="/api/…/export.xlsx" download>` anywhere in a page. */
function exportLinkOf(target: EventTarget | null): HTMLAnchorElement | null {
  const link = target instanceof Element ? target.closest('a[download]') : null;
  if (!(link instanceof HTMLAnchorElement)) return null;
  const url = new URL(link.href, window.location.origin);
  return url.origin === window.location.origin && url.pathname.startsWith('/api/') ? link : null;
}

function save(blob: Blob, filename: string) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

function sizeText(bytes: number): string {
  return bytes < 1_048_576 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/**
 * Downloads of API files go through `downloadFile` rather than the browser: an export may first
 * need the password (and code) again, which a plain link cannot ask for, and a refused download
 * shows the server's message instead of saving it as a spreadsheet. A long export shows how far
 * it has come (rows of a CSV, size of a workbook) and can be cancelled: the request is aborted and
 * the server stops reading. Mounted once in the app shell.
 */
export function ExportDownloads() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = exportLinkOf(e.target);
      if (!link) return;
      e.preventDefault();
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setMessage(null);
      setProgress(null);
      setBusy(true);
      link.setAttribute('aria-busy', 'true');
      let shown = 0;
      downloadFile(link.href, {
        signal: controller.signal,
        onProgress: (p) => {
          // A re-render per chunk would slow a large download: a few a second are enough.
          const now = performance.now();
          if (now - shown < 250) return;
          shown = now;
          setProgress(p);
        },
      })
        .then(({ blob, filename }) => save(blob, filename))
        .catch((err: unknown) => {
          if (controller.signal.aborted) setMessage({ text: t('security.downloadCancelled'), error: false });
          else setMessage({ text: errorMessage(err), error: true });
        })
        .finally(() => {
          link.removeAttribute('aria-busy');
          if (running.current === controller) {
            running.current = null;
            setBusy(false);
            setProgress(null);
          }
        });
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [t]);

  if (!busy && !message) return null;
  const status = !progress
    ? t('security.downloading')
    : progress.rows !== null
      ? t('security.downloadingRows', { rows: progress.rows.toLocaleString('vi-VN') })
      : t('security.downloadingSize', { size: sizeText(progress.bytes) });
  const error = !busy && message?.error;
  return (
    <div
      className={error ? 'alert alert-error download-status' : 'alert download-status'}
      role={error ? 'alert' : 'status'}
      data-testid="download-status"
    >
      <p data-testid="download-progress">{busy ? status : message?.text}</p>
      {busy ? (
        <button
          type="button"
          className="link-button"
          onClick={() => running.current?.abort()}
          data-testid="download-cancel"
        >
          {t('common.cancel')}
        </button>
      ) : (
        <button type="button" className="link-button" onClick={() => setMessage(null)}>
          {t('common.close')}
        </button>
      )}
    </div>
  );
}
