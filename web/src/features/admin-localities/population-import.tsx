import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localitiesContract } from '../../../../core/contracts/localities.ts';
import { ApiError, api } from '../../ui/api.ts';
import { Notice, TextField } from '../../ui/form.tsx';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content type from the file name: browsers disagree on `File.type` for .csv. */
function contentTypeOf(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return xlsxType;
  return null;
}

/**
 * POST /api/localities/population/import?year=YYYY with the file as the raw body.
 * Row errors come back in `error.details` with paths `row:N`; nothing is saved then.
 */
export function PopulationImport({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(new Date().getFullYear()));
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
    if (!contentType) return setError(t('localities.importUnsupported'));
    setBusy(true);
    try {
      const result = await api(localitiesContract.postLocalitiesPopulationImport, {
        query: { year },
        raw: file,
        contentType,
      });
      setDone(t('localities.importDone', { updated: result.updated, year: result.year }));
      setFile(null);
      if (input.current) input.current.value = '';
      onImported();
    } catch (err) {
      setError(err instanceof ApiError ? err : t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  const rowLabel = (path: string) => {
    const m = /^row:(\d+)$/.exec(path);
    return m ? t('localities.importRow', { row: m[1] }) : path;
  };

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} data-testid="population-import">
      <h2>{t('localities.importTitle')}</h2>
      <p className="muted full">{t('localities.importHelp')}</p>
      <TextField
        label={t('localities.importYear')}
        type="number"
        value={year}
        onChange={setYear}
        min={1900}
        max={2100}
        required
        testId="population-year"
      />
      <div className="field">
        <label htmlFor="population-file">{t('localities.importFile')}</label>
        <input
          ref={input}
          id="population-file"
          type="file"
          accept={`.xlsx,.csv,text/csv,${xlsxType}`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="population-file"
        />
      </div>
      {error && (
        <div className="alert alert-error full" role="alert" data-testid="population-error">
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
        <button type="submit" className="primary" disabled={busy || !file} data-testid="population-submit">
          {busy ? t('localities.importing') : t('localities.importSubmit')}
        </button>
      </div>
    </form>
  );
}
