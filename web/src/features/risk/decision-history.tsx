import { useTranslation } from 'react-i18next';
import type { LevelLegend } from '../../../../core/schemas/risk-map.ts';
import type { LevelDecisionView } from '../../../../core/schemas/risk.ts';
import { riskContract } from '../../../../core/contracts/risk.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import type { PagedList } from '../../ui/use-paged-list.ts';
import { LevelBadge } from './level-badge.tsx';

/** A place's level decisions, newest first: the act (number, each a link to its PDF; date; signer), when in force, which level, approval or override, why. */
export function DecisionHistory({
  list,
  levels,
  localityCode,
}: {
  list: PagedList<LevelDecisionView>;
  levels: LevelLegend;
  localityCode: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const columns: Column<LevelDecisionView>[] = [
    {
      key: 'number',
      header: t('risk.act.numberHeader'),
      render: (d) => (
        <a
          href={apiHref(riskContract.getRiskDecisionsPdf, { params: { id: d.id } })}
          target="_blank"
          rel="noreferrer"
          title={t('risk.act.pdf')}
          data-testid="risk-history-pdf"
        >
          {d.documentNumber}
        </a>
      ),
    },
    { key: 'signedOn', header: t('risk.act.signedOn'), render: (d) => fmt.date(d.signedOn) },
    { key: 'effectiveFrom', header: t('risk.effectiveFrom'), render: (d) => fmt.dateTime(d.effectiveFrom) },
    { key: 'level', header: t('risk.level'), render: (d) => <LevelBadge levels={levels} levelKey={d.levelKey} /> },
    {
      key: 'kind',
      header: t('risk.kindHeader'),
      render: (d) => <span data-kind={d.kind}>{t(`risk.kind.${d.kind}`)}</span>,
    },
    { key: 'reason', header: t('risk.reason'), render: (d) => d.reason ?? t('common.empty') },
    {
      key: 'signer',
      header: t('risk.act.signer'),
      render: (d) => `${d.signerName} (${t(`risk.act.capacity.${d.signerCapacity}`)})`,
    },
  ];
  return (
    <section className="risk-history" aria-labelledby="risk-history-title">
      <h3 id="risk-history-title">{t('risk.historyTitle')}</h3>
      <DataTable testId="risk-history" columns={columns} rows={list.items} rowKey={(d) => d.id} />
      <PagerFooter list={list} />
      {list.items.length > 0 && (
        <>
          <a
            className="button"
            href={apiHref(riskContract.getRiskDecisionsExport, { query: { locality: localityCode } })}
            download
            data-testid="risk-history-export"
          >
            {t('common.exportExcel')}
          </a>
          <a
            className="button"
            href={apiHref(riskContract.getRiskDecisionsExportCsv, { query: { locality: localityCode } })}
            download
            data-testid="risk-history-export-csv"
          >
            {t('common.exportCsv')}
          </a>
        </>
      )}
    </section>
  );
}
