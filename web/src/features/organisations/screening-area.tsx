import { useTranslation } from 'react-i18next';
import { workplaceScreeningContract as c } from '../../../../core/contracts/workplace-screening.ts';
import type { AreaScreeningRow } from '../../../../core/schemas/workplace-screening.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { Link } from '../../ui/router.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { sharePercent } from './workforce-screening.tsx';

/**
 * The area's approved organisations with workers due a screening test today (Decision 2787), by
 * name, exportable: the commune opens an organisation to order its tests in one click.
 */
export function ScreeningArea({ areaCode }: { areaCode: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = { locality: areaCode };
  const list = usePagedList(c.getWorkplaceScreening, query);
  const columns: Column<AreaScreeningRow>[] = [
    {
      key: 'name',
      header: t('organisations.name'),
      render: (r) => <Link to={`/organisations/${r.organisationId}`}>{r.name}</Link>,
    },
    { key: 'sc', header: t('workforce.roles.service_contact'), render: (r) => fmt.number(r.serviceContactDue) },
    { key: 'hr', header: t('workforce.roles.high_risk'), render: (r) => fmt.number(r.highRiskDue) },
    { key: 'file', header: t('screening.notOnFile'), render: (r) => fmt.number(r.notOnFile) },
    {
      key: 'round',
      header: t('screening.roundHeader'),
      render: (r) =>
        `${fmt.number(r.coverage.ordered)} / ${fmt.number(r.coverage.sampled)} / ${fmt.number(r.coverage.tested)}`,
    },
    {
      key: 'scShare',
      header: t('screening.scTestedHeader'),
      render: (r) => sharePercent(r.coverage.serviceContactTestedShare, t('common.empty')),
    },
    {
      key: 'hrShare',
      header: t('screening.hrSampledHeader'),
      render: (r) =>
        r.coverage.highRiskShareMet ? (
          sharePercent(r.coverage.highRiskSampledShare, t('common.empty'))
        ) : (
          <span className="badge badge-warn">{sharePercent(r.coverage.highRiskSampledShare, t('common.empty'))}</span>
        ),
    },
  ];
  return (
    <section className="card" aria-labelledby="area-screening-title" data-testid="area-screening">
      <h2 id="area-screening-title">{t('screening.title')}</h2>
      <p className="muted">{t('screening.areaIntro')}</p>
      <a
        className="button"
        href={apiHref(c.getWorkplaceScreeningExport, { query })}
        download
        data-testid="area-screening-export"
      >
        {t('common.exportExcel')}
      </a>
      <DataTable
        testId="area-screening-table"
        columns={columns}
        rows={list.items}
        rowKey={(r) => r.organisationId}
        emptyText={t('screening.none')}
      />
      <PagerFooter list={list} />
    </section>
  );
}
