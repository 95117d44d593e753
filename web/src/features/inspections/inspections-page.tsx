import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inspectionsContract as c } from '../../../../core/contracts/inspections.ts';
import type { DashboardView, PlanSummaryView } from '../../../../core/schemas/inspections.ts';
import { addDays, vietnamToday } from '../../../../core/vietnam-calendar.ts';
import { api, apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { isAreaOfficial } from '../../../../core/roles.ts';
import { useUser } from '../auth/session.tsx';

const vnd = (n: number) => `${n.toLocaleString('vi-VN')} ₫`;

/** Plans the user makes, is on, oversees or is inspected in; the area's roll-up for officials; the way to today's field work. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { role } = useUser();
  const [dash, setDash] = useState<DashboardView | null>(null);
  const list = usePagedList(c.getInspectionsPlans, {});
  useEffect(() => {
    if (!isAreaOfficial(role)) return;
    const today = vietnamToday();
    api(c.getInspectionsDashboard, { query: { from: addDays(today, -90), to: today } }).then(setDash, () =>
      setDash(null),
    );
  }, [role]);

  const columns: Column<PlanSummaryView>[] = [
    {
      key: 'title',
      header: t('inspections.plan'),
      render: (p) => (
        <Link to={`/inspections/plans/${encodeURIComponent(p.id)}`} data-testid="inspection-plan-link">
          {p.title}
        </Link>
      ),
    },
    { key: 'unit', header: t('inspections.unit'), render: (p) => p.unit.name },
    {
      key: 'period',
      header: t('inspections.period'),
      render: (p) => `${fmt.date(p.periodFrom)} – ${fmt.date(p.periodTo)}`,
    },
    { key: 'visited', header: t('inspections.visited'), render: (p) => `${p.visited}/${p.targets}` },
  ];

  return (
    <Page title={t('inspections.title')} intro={t('inspections.intro')}>
      <div className="toolbar">
        <Link to="/inspections/field" className="button primary" data-testid="inspections-field-link">
          {t('inspections.fieldLink')}
        </Link>
        <Link to="/inspections/plans/new" className="button" data-testid="inspections-new-plan">
          {t('inspections.planForm.new')}
        </Link>
        <a className="button" href={apiHref(c.getInspectionsPlansExport, { query: {} })} download>
          {t('common.exportExcel')}
        </a>
      </div>
      {dash && (
        <section aria-labelledby="inspections-dashboard" data-testid="inspections-dashboard">
          <h2 id="inspections-dashboard">{t('inspections.dashboard')}</h2>
          <dl className="figures">
            <dt>{t('inspections.planned')}</dt>
            <dd data-testid="dash-planned">{dash.planned}</dd>
            <dt>{t('inspections.done')}</dt>
            <dd data-testid="dash-done">{dash.done}</dd>
            <dt>{t('inspections.overdue')}</dt>
            <dd>{dash.overdue}</dd>
            <dt>{t('inspections.finesDecided')}</dt>
            <dd data-testid="dash-fines">{vnd(dash.finesDecidedVnd)}</dd>
            <dt>{t('inspections.finesPaid')}</dt>
            <dd>{vnd(dash.finesPaidVnd)}</dd>
            <dt>{t('inspections.openActions')}</dt>
            <dd>{dash.openActions}</dd>
          </dl>
          {dash.violationsByArticle.length > 0 && (
            <>
              <h3>{t('inspections.violationsByArticle')}</h3>
              <ul>
                {dash.violationsByArticle.map((v) => (
                  <li key={v.code}>
                    {v.code}: {v.count}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <h2>{t('inspections.plans')}</h2>
      <DataTable testId="inspection-plans-table" columns={columns} rows={list.items} rowKey={(p) => p.id} />
      <PagerFooter list={list} />
    </Page>
  );
}
