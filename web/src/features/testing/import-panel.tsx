import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultsOutcome } from '../../../../core/schemas/testing.ts';
import { testingContract } from '../../../../core/contracts/testing.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, SelectField, useFormSubmit } from '../../ui/form.tsx';
import { OutcomeNotice, type ResultTarget } from './results-entry.tsx';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A lab's sheet (.xlsx or .csv with the columns "Mã mẫu" and "Kết quả") sent as the request body. */
export function ImportPanel() {
  const { t } = useTranslation();
  const [target, setTarget] = useState<ResultTarget>('samples');
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ResultsOutcome | null>(null);
  const { error, setError, busy, run } = useFormSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setError(t('testing.fileRequired'));
    // Browsers often give a .csv no type (or Excel's own): name the type from the extension.
    const contentType = /\.csv$/i.test(file.name) ? 'text/csv' : xlsxType;
    await run(async () =>
      setOutcome(await api(testingContract.postTestingImport, { params: { kind: target }, raw: file, contentType })),
    );
  };
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="results-import">
      <h2>{t('testing.importTitle')}</h2>
      <p className="muted full">{t('testing.importHint')}</p>
      <SelectField
        label={t('testing.importTarget')}
        value={target}
        onChange={(v) => setTarget(v === 'pools' ? 'pools' : 'samples')}
        options={[
          { value: 'samples', label: t('testing.importSamples') },
          { value: 'pools', label: t('testing.importPools') },
        ]}
        testId="import-target"
      />
      <div className="field">
        <label htmlFor="results-import-file">{t('testing.importFile')}</label>
        <input
          id="results-import-file"
          type="file"
          accept=".xlsx,.csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="import-file"
        />
      </div>
      <FormError error={error} testId="import-error" />
      {outcome && <OutcomeNotice outcome={outcome} testId="import-outcome" />}
      <FormActions busy={busy} label={t('testing.importSubmit')} testId="import-submit" />
    </form>
  );
}
