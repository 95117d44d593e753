import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinelistImportResult } from '../../../../core/schemas/cases.ts';
import { linelistContract } from '../../../../core/contracts/linelist.ts';
import { ApiError, api } from '../../ui/api.ts';
import { FormActions, FormError, TextField, useFormSubmit } from '../../ui/form.tsx';

/** The body's type from the file name: the server reads JSON line lists, CSV and Excel. */
function contentTypeOf(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return file.type || 'application/octet-stream';
}

/** "row:12" → "Dòng 12"; other paths as they are. */
function rowLabel(path: string, label: (row: string) => string): string {
  const m = /^row:(\d+)(?:\.(.+))?$/.exec(path);
  if (!m) return path;
  return m[2] ? `${label(m[1]!)} · ${m[2]}` : label(m[1]!);
}

/**
 * POST /api/cases/import?source=…: the file is the body. All or nothing: a file with errors is
 * answered 422 with one detail per bad row, which are listed so the sender can fix the file.
 */
export function CaseImportPanel({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [mapping, setMapping] = useState('');
  const [result, setResult] = useState<LinelistImportResult | null>(null);
  const { error, setError, busy, run } = useFormSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    if (!file) return setError(t('caseImport.noFile'));
    await run(async () => {
      const r = await api(linelistContract.postCasesImport, {
        query: { source: source.trim() || undefined, mapping: mapping.trim() || undefined },
        raw: file,
        contentType: contentTypeOf(file),
      });
      setResult(r);
      onImported();
    });
  };

  // A 422 carries one detail per bad row; the query's own problems (source, mapping) come the same way.
  const rowErrors = error instanceof ApiError ? error.details : [];

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="case-import-form">
      <h2>{t('caseImport.title')}</h2>
      <p className="muted full">{t('caseImport.intro')}</p>
      <div className="field">
        <label htmlFor={fileId}>{t('caseImport.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".json,.csv,.xlsx,application/json,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="case-import-file"
        />
      </div>
      <TextField
        label={`${t('caseImport.source')} ${t('common.optional')}`}
        value={source}
        onChange={setSource}
        placeholder="cdc-laichau"
        hint={t('caseImport.sourceHint')}
        testId="case-import-source"
      />
      <TextField
        label={`${t('caseImport.mapping')} ${t('common.optional')}`}
        value={mapping}
        onChange={setMapping}
        placeholder='{"Mã BN": "caseNumber"}'
        hint={t('caseImport.mappingHint')}
        testId="case-import-mapping"
      />
      {error instanceof ApiError && rowErrors.length > 0 ? (
        <div className="alert alert-error full" role="alert" data-testid="case-import-errors">
          <p>{t('caseImport.failed', { count: rowErrors.length })}</p>
          <ul className="import-errors">
            {rowErrors.map((d, i) => (
              <li key={i}>
                <strong>{rowLabel(d.path, (row) => t('caseImport.row', { row }))}</strong>: {d.message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <FormError error={error} testId="case-import-error" />
      )}
      {result && (
        <div className="alert alert-ok full" role="status" data-testid="case-import-result">
          <p>
            {t('caseImport.done', {
              total: result.totalRows,
              created: result.createdCases,
              updated: result.updatedCases,
              links: result.links,
            })}
          </p>
        </div>
      )}
      <FormActions busy={busy} label={t('caseImport.submit')} testId="case-import-submit" disabled={!file} />
    </form>
  );
}
