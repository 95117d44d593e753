import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, errorMessage } from './api.ts';

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

/**
 * Downloads of API files go through `downloadFile` rather than the browser: an export may first
 * need the password (and code) again, which a plain link cannot ask for, and a refused download
 * shows the server's message instead of saving it as a spreadsheet. Mounted once in the app shell.
 */
export function ExportDownloads() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = exportLinkOf(e.target);
      if (!link) return;
      e.preventDefault();
      setError(null);
      setBusy(true);
      link.setAttribute('aria-busy', 'true');
      downloadFile(link.href)
        .then(({ blob, filename }) => save(blob, filename))
        .catch((err: unknown) => setError(errorMessage(err)))
        .finally(() => {
          link.removeAttribute('aria-busy');
          setBusy(false);
        });
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);

  if (!busy && !error) return null;
  return (
    <div
      className={error ? 'alert alert-error download-status' : 'alert download-status'}
      role={error ? 'alert' : 'status'}
      data-testid="download-status"
    >
      <p>{error ?? t('security.downloading')}</p>
      {error && (
        <button type="button" className="link-button" onClick={() => setError(null)}>
          {t('common.close')}
        </button>
      )}
    </div>
  );
}
