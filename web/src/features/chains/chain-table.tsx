import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainGraph } from '../../../../core/schemas/cases.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { Link } from '../../ui/router.tsx';
import type { ChainModel } from './chain-model.ts';

const PAGE = 500;

/**
 * The graph as a table (the accessible view, and the one to read numbers from): cases, then the
 * confirmed contacts. Rows are shown 500 at a time, so 10,000 cases do not make 10,000 rows at once.
 */
export function ChainTable({ graph, model }: { graph: ChainGraph; model: ChainModel }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [shown, setShown] = useState(PAGE);
  const total = model.labels.length;
  const rows = Array.from({ length: Math.min(shown, total) }, (_, i) => i);
  const node = (i: number) => graph.nodes[i];

  const columns: Column<number>[] = [
    {
      key: 'label',
      header: t('chains.label'),
      render: (i) =>
        model.kind[i] === 'case' ? (
          <Link to={`/cases/${encodeURIComponent(model.caseIds[i]!)}`} data-testid="chain-row-case">
            <strong>{model.labels[i]}</strong>
          </Link>
        ) : (
          <span data-testid="chain-row-contact">{model.labels[i]}</span>
        ),
    },
    {
      key: 'kind',
      header: t('chains.kind'),
      render: (i) =>
        model.kind[i] === 'case' ? t('chains.kindCase') : t('chains.kindContact', { level: model.level[i] }),
    },
    {
      key: 'generation',
      header: t('chains.generation'),
      numeric: true,
      render: (i) => fmt.number(model.generation[i]),
    },
    { key: 'chain', header: t('chains.chain'), numeric: true, render: (i) => fmt.number((model.chain[i] ?? 0) + 1) },
    {
      key: 'status',
      header: t('cases.statusHeader'),
      render: (i) => {
        const n = node(i);
        return n ? t(`cases.status.${n.status}`) : t('contacts.status.confirmed');
      },
    },
    {
      key: 'classification',
      header: t('cases.classificationHeader'),
      render: (i) => {
        const n = node(i);
        return n ? t(`cases.classification.${n.classification}`) : t('common.empty');
      },
    },
    { key: 'confirmed', header: t('cases.confirmedDate'), render: (i) => fmt.date(node(i)?.confirmedDate) },
    { key: 'cluster', header: t('cases.cluster'), render: (i) => node(i)?.clusterCode ?? t('common.empty') },
  ];

  return (
    <>
      <DataTable
        testId="chain-table"
        columns={columns}
        rows={rows}
        rowKey={(i) => String(i)}
        emptyText={t('chains.empty')}
      />
      {total > shown && (
        <div className="pager">
          <span className="muted">
            {t('chains.tableLimit', { shown: fmt.number(shown), total: fmt.number(total) })}
          </span>
          <button type="button" onClick={() => setShown((s) => s + PAGE)} data-testid="chain-table-more">
            {t('chains.showMore')}
          </button>
        </div>
      )}
    </>
  );
}
