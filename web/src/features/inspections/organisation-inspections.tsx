import { useTranslation } from 'react-i18next';
import { inspectionsContract as c } from '../../../../core/contracts/inspections.ts';
import type { PlanSummaryView } from '../../../../core/schemas/inspections.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { Link } from '../../ui/router.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';

/**
 * On an organisation's page: the inspection plans it is a target of, as far as the reader may see
 * them (its administrator its own, officials their area, inspectors their plans); each plan leads
 * to the visits, their findings and the corrective actions still open.
 */
export function OrganisationInspections({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = usePagedList(c.getInspectionsPlans, { organisation: organisationId });
  if (list.items.length === 0) return null;
  const columns: Column<PlanSummaryView>[] = [
    {
      key: 'title',
      header: t('inspections.plan'),
      render: (p) => <Link to={`/inspections/plans/${encodeURIComponent(p.id)}`}>{p.title}</Link>,
    },
    { key: 'unit', header: t('inspections.unit'), render: (p) => p.unit.name },
    {
      key: 'period',
      header: t('inspections.period'),
      render: (p) => `${fmt.date(p.periodFrom)} – ${fmt.date(p.periodTo)}`,
    },
  ];
  return (
    <section className="card" aria-labelledby="org-inspections-title" data-testid="org-inspections">
      <h2 id="org-inspections-title">{t('inspections.ofOrganisation')}</h2>
      <DataTable testId="org-inspections-table" columns={columns} rows={list.items} rowKey={(p) => p.id} />
      <PagerFooter list={list} />
    </section>
  );
}
