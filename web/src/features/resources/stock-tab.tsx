import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stockContract } from '../../../../core/contracts/resources.ts';
import type { StoreView } from '../../../../core/schemas/resources.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { StorePanel } from './store-panel.tsx';

/**
 * The stores of the selected area (keyset paged, exported with their stock); the chosen store's
 * stock, its movements and the forms that record them open below.
 */
export function StockTab() {
  const { t } = useTranslation();
  const { selected } = useLocalities();
  const [open, setOpen] = useState<StoreView | null>(null);
  const query = { locality: selected?.code };
  const list = usePagedList(selected ? stockContract.getResourceStores : null, query, { limit: 200 });

  const columns: Column<StoreView>[] = [
    {
      key: 'name',
      header: t('resources.store'),
      render: (s) => (
        <button type="button" className="link-button" onClick={() => setOpen(s)} data-testid="store-open">
          <strong>{s.name}</strong>
        </button>
      ),
    },
    { key: 'unit', header: t('resources.unit'), render: (s) => s.unit.name },
    {
      key: 'record',
      header: t('resources.mayRecord'),
      render: (s) => (s.canRecord ? t('resources.yes') : t('resources.readOnly')),
    },
  ];

  return (
    <>
      <div className="toolbar">
        <a className="button" href={apiHref(stockContract.getResourceStockExport, { query })} download>
          {t('common.exportExcel')}
        </a>
        <a className="button" href={apiHref(stockContract.getResourceStockExportCsv, { query })} download>
          {t('common.exportCsv')}
        </a>
      </div>
      <DataTable
        testId="stores-table"
        columns={columns}
        rows={list.items}
        rowKey={(s) => s.id}
        rowClassName={(s) => (s.id === open?.id ? 'selected' : undefined)}
      />
      <PagerFooter list={list} />
      {open && <StorePanel key={open.id} store={open} stores={list.items} onClose={() => setOpen(null)} />}
    </>
  );
}
