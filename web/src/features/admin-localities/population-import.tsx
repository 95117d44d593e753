import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localitiesContract } from '../../../../core/contracts/localities.ts';
import { api } from '../../ui/api.ts';
import { TextField } from '../../ui/form.tsx';
import { SheetImportForm } from '../../ui/sheet-import-form.tsx';

/** POST /api/localities/population/import?year=YYYY with the file as the raw body: all rows or none. */
export function PopulationImport({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  return (
    <SheetImportForm
      title={t('localities.importTitle')}
      help={t('localities.importHelp')}
      testId="population"
      send={async (file, contentType) => {
        const result = await api(localitiesContract.postLocalitiesPopulationImport, {
          query: { year },
          raw: file,
          contentType,
        });
        return t('localities.importDone', { updated: result.updated, year: result.year });
      }}
      onImported={onImported}
    >
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
    </SheetImportForm>
  );
}
