import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';
import { Notice } from './form.tsx';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content type from the file name: browsers disagree on `File.type` for .csv. */
function contentTypeOf(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return xlsxType;
  return null;
}

/**
 * A sheet import (.xlsx or .csv sent as the raw body): all rows or none. Row errors come back in
 * `error.details` with paths `row:N`, every bad row listed; nothing is saved then. `send` posts the
 * file and answers what to tell the user; `children` are the import's own fields (a year). Every
 * sheet import of the application uses it: organisations, rosters, population.
 */
export function SheetImportForm(p: {
  title: string;
  help: string;
  /** Prefix of the test ids: `<prefix>`, `-file`, `-error`, `-submit`. */
  testId: string;
  send(file: File, contentType: string): Promise<string>;
  onImported(): void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setError(null);
    if (!file) return;
    const contentType = contentTypeOf(file);
    if (!contentType) return setError(t('sheetImport.unsupported'));
    setBusy(true);
    try {
      setDone(await p.send(file, contentType));
      setFile(null);
      if (input.current) input.current.value = '';
      p.onImported();
    } catch (err) {
      setError(err instanceof ApiError ? err : t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  const rowLabel = (path: string) => {
    const m = /^row:(\d+)$/.exec(path);
    return m ? t('sheetImport.row', { row: m[1] }) : path;
  };

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} data-testid={p.testId}>
      <h2>{p.title}</h2>
      <p className="muted full">{p.help}</p>
      {p.children}
      <div className="field">
        <label htmlFor={id}>{t('sheetImport.file')}</label>
        <input
          ref={input}
          id={id}
          type="file"
          accept={`.xlsx,.csv,text/csv,${xlsxType}`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid={`${p.testId}-file`}
        />
      </div>
      {error && (
        <div className="alert alert-error full" role="alert" data-testid={`${p.testId}-error`}>
          <p>{typeof error === 'string' ? error : error.message}</p>
          {error instanceof ApiError && error.details.length > 0 && (
            <ul>
              {error.details.map((d, i) => (
                <li key={i}>
                  {d.path ? `${rowLabel(d.path)}: ` : ''}
                  {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Notice>{done}</Notice>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !file} data-testid={`${p.testId}-submit`}>
          {busy ? t('sheetImport.importing') : t('sheetImport.submit')}
        </button>
      </div>
    </form>
  );
}
