import { useTranslation } from 'react-i18next';
import { workplaceScreeningContract as c } from '../../../../core/contracts/workplace-screening.ts';
import type { WorkerCaseRow } from '../../../../core/schemas/workplace-screening.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';

/**
 * The organisation's workers who became a case in the last 21 days (issue 15), so it can act (send
 * the department's close contacts home, clean the workplace): name, department, shift and the day
 * only, never a medical detail. Each read is logged with the people it names.
 */
export function WorkerCases({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = usePagedList(c.getOrganisationsWorkerCases, {}, { params: { id: organisationId } });
  const columns: Column<WorkerCaseRow>[] = [
    { key: 'name', header: t('workforce.name'), render: (w) => w.fullName },
    { key: 'department', header: t('workforce.department'), render: (w) => w.department || t('common.empty') },
    { key: 'shift', header: t('workerCases.shift'), render: (w) => w.shift || t('common.empty') },
    { key: 'on', header: t('workerCases.confirmedOn'), render: (w) => fmt.date(w.confirmedOn) },
  ];
  return (
    <section className="card" aria-labelledby="worker-cases-title" data-testid="worker-cases">
      <h2 id="worker-cases-title">{t('workerCases.title')}</h2>
      <p className="muted">{t('workerCases.intro', { days: 21 })}</p>
      <a
        className="button"
        href={apiHref(c.getOrganisationsWorkerCasesExport, { params: { id: organisationId } })}
        download
        data-testid="worker-cases-export"
      >
        {t('common.exportExcel')}
      </a>
      <DataTable
        testId="worker-cases-table"
        columns={columns}
        rows={list.items}
        rowKey={(w) => w.workerId}
        emptyText={t('workerCases.none')}
      />
      <PagerFooter list={list} />
    </section>
  );
}
