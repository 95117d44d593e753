import { useTranslation } from 'react-i18next';
import { organisationsContract } from '../../../../core/contracts/organisations.ts';
import { api } from '../../ui/api.ts';
import { SheetImportForm } from '../../ui/sheet-import-form.tsx';

/** POST /api/organisations/import with the file as the raw body: all rows or none. */
export function OrganisationsImport({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  return (
    <SheetImportForm
      title={t('organisations.importTitle')}
      help={t('organisations.importHelp')}
      testId="orgs-import"
      send={async (raw, contentType) => {
        const result = await api(organisationsContract.postOrganisationsImport, { raw, contentType });
        return t('organisations.importDone', { created: result.created });
      }}
      onImported={onImported}
    />
  );
}
