import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { riskAdminContract } from '../../../../core/contracts/risk-admin.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The headers the server reads, Vietnamese and English (data, so not translated). */
const columns = [
  { vi: 'Mã xã', en: 'Commune code', meaning: 'columnCommune' },
  { vi: 'Ngày', en: 'Date', meaning: 'columnDate' },
  { vi: 'Tỷ lệ người lớn tiêm ≥1 mũi (%)', en: 'Adults ≥1 dose (%)', meaning: 'columnPercent' },
  { vi: 'Tỷ lệ người lớn tiêm đủ liều (%)', en: 'Adults fully vaccinated (%)', meaning: 'columnPercent' },
  { vi: 'Tỷ lệ nhóm nguy cơ cao (%)', en: 'High-risk groups (%)', meaning: 'columnPercent' },
] as const;

/** POST /api/risk/vaccination/import answers this. */
interface VaccinationImportOutcome {
  imported: number;
  replaced: number;
}

/**
 * Vaccination coverage per commune and day from the immunisation programme: an .xlsx or .csv sent
 * as the request body (like the lab results import). The server says who may import.
 */
export function VaccinationImport() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<VaccinationImportOutcome | null>(null);
  const { error, setError, busy, run } = useFormSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    if (!file) return setError(t('riskRules.vaccination.fileRequired'));
    // Browsers often give a .csv no type (or Excel's own): name the type from the extension.
    const contentType = /\.csv$/i.test(file.name) ? 'text/csv' : xlsxType;
    await run(async () =>
      setOutcome(await api(riskAdminContract.postRiskVaccinationImport, { raw: file, contentType })),
    );
  };
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="vaccination-import">
      <h2>{t('riskRules.vaccination.title')}</h2>
      <div className="full">
        <p className="muted">
          {t('riskRules.vaccination.intro')} {t('riskRules.vaccination.who')}
        </p>
        <p>{t('riskRules.vaccination.columns')}</p>
        <ul className="rule-columns" data-testid="vaccination-columns">
          {columns.map((c) => (
            <li key={c.vi}>
              <code>{c.vi}</code>: {t(`riskRules.vaccination.${c.meaning}`)}
            </li>
          ))}
        </ul>
        <p className="muted small">
          {t('riskRules.vaccination.englishHeaders', { headers: columns.map((c) => `"${c.en}"`).join(', ') })}
        </p>
      </div>
      <div className="field">
        <label htmlFor="vaccination-import-file">{t('riskRules.vaccination.file')}</label>
        <input
          id="vaccination-import-file"
          type="file"
          accept=".xlsx,.csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="vaccination-import-file"
        />
      </div>
      <FormError error={error} testId="vaccination-import-error" />
      {outcome && (
        <div className="alert alert-ok" role="status" data-testid="vaccination-import-outcome">
          <p>
            {t('riskRules.vaccination.done', {
              imported: fmt.number(outcome.imported),
              replaced: fmt.number(outcome.replaced),
            })}
          </p>
        </div>
      )}
      <FormActions busy={busy} label={t('riskRules.vaccination.submit')} testId="vaccination-import-submit" />
    </form>
  );
}
