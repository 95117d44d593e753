import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workforceContract } from '../../../../core/contracts/workforce.ts';
import type { RosterWorkerView } from '../../../../core/schemas/workforce.ts';
import { api, apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { SheetImportForm } from '../../ui/sheet-import-form.tsx';

/**
 * The organisation's workforce roster: import from a sheet (the organisation's own), list by
 * department and name with a search, export. Officials of the place read it.
 */
export function WorkforceRoster({ organisationId, canManage }: { organisationId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [showImport, setShowImport] = useState(false);
  const query = q.trim() ? { q: q.trim() } : {};
  const list = usePagedList(workforceContract.getOrganisationsRoster, query, { params: { id: organisationId } });
  const columns: Column<RosterWorkerView>[] = [
    { key: 'name', header: t('workforce.name'), render: (w) => w.fullName },
    { key: 'doc', header: t('workforce.idNumber'), render: (w) => w.idNumber },
    { key: 'department', header: t('workforce.department'), render: (w) => w.department || t('common.empty') },
    { key: 'shift', header: t('workforce.shift'), render: (w) => w.shift || t('common.empty') },
    { key: 'mode', header: t('workforce.mode'), render: (w) => t(w.onSite ? 'workforce.onSite' : 'workforce.remote') },
    { key: 'role', header: t('workforce.role'), render: (w) => t(`workforce.roles.${w.role}`) },
  ];
  return (
    <section className="card" aria-labelledby="org-roster-title" data-testid="org-roster">
      <h2 id="org-roster-title">{t('workforce.rosterTitle')}</h2>
      <div className="row-actions">
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('workforce.search')}
          aria-label={t('workforce.search')}
          data-testid="roster-search"
        />
        {canManage && (
          <button type="button" onClick={() => setShowImport((v) => !v)} data-testid="roster-import-toggle">
            {showImport ? t('common.close') : t('workforce.importToggle')}
          </button>
        )}
        <a
          className="button"
          href={apiHref(workforceContract.getOrganisationsRosterExport, { params: { id: organisationId } })}
          download
          data-testid="roster-export"
        >
          {t('common.exportExcel')}
        </a>
      </div>
      {showImport && (
        <SheetImportForm
          title={t('workforce.importTitle')}
          help={t('workforce.importHelp')}
          testId="roster-import"
          send={async (raw, contentType) => {
            const r = await api(workforceContract.postOrganisationsRosterImport, {
              params: { id: organisationId },
              raw,
              contentType,
            });
            return t('workforce.importDone', { created: r.created, updated: r.updated });
          }}
          onImported={list.reload}
        />
      )}
      <DataTable
        testId="roster-table"
        columns={columns}
        rows={list.items}
        rowKey={(w) => w.id}
        emptyText={t('workforce.noRoster')}
      />
      <PagerFooter list={list} />
    </section>
  );
}
