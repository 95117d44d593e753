import { useTranslation } from 'react-i18next';
import { quarantineContract } from '../../../../core/contracts/quarantine.ts';
import { DataTable, PagerFooter } from '../../ui/data-table.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';
import { navigate } from '../../ui/router.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useStayColumns } from './stay-columns.tsx';
import { stayPage } from './quarantine-labels.ts';

/** GET /api/quarantine/missing-reports: people in quarantine who have not reported today, to call. */
export function CallsTab() {
  const { t } = useTranslation();
  const { selected } = useLocalities();
  const columns = useStayColumns();
  const list = usePagedList(selected ? quarantineContract.getQuarantineMissingReports : null, {
    locality: selected?.code,
  });
  return (
    <>
      <p className="muted">{t('quarantine.callsIntro')}</p>
      <DataTable
        testId="calls-table"
        columns={columns}
        rows={list.items}
        rowKey={(a) => a.id}
        onRowClick={(a) => navigate(stayPage(a.id))}
        emptyText={t('quarantine.callsNone')}
      />
      <PagerFooter list={list} />
    </>
  );
}
