import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plansContract } from '../../../../core/contracts/plans.ts';
import { planStatuses, type PlanSummaryView } from '../../../../core/schemas/plans.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { CheckboxField, SelectField } from '../../ui/form.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { UrlTabs, useUrlTab } from '../../ui/url-tabs.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { canViewAreaReadiness } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { ReadinessTab } from './readiness-tab.tsx';

const tabs = ['units', 'readiness'] as const;

/** The units of the area and the state of their plan; units without an approved plan on a tick. */
function UnitsTab() {
  const { t } = useTranslation();
  const { selected } = useLocalities();
  const [status, setStatus] = useState('');
  const [withoutApproved, setWithoutApproved] = useState(false);
  const [toReview, setToReview] = useState(false);
  const query = {
    locality: selected?.code,
    status: status || undefined,
    withoutApproved: withoutApproved ? ('true' as const) : undefined,
    toReview: toReview ? ('true' as const) : undefined,
  };
  const list = usePagedList(selected ? plansContract.getPlans : null, query);
  const columns: Column<PlanSummaryView>[] = [
    {
      key: 'unit',
      header: t('plans.unit'),
      render: (p) => (
        <Link to={`/plans/units/${encodeURIComponent(p.unit.id)}`} data-testid="plan-unit-link">
          <strong>{p.unit.name}</strong>
        </Link>
      ),
    },
    { key: 'code', header: t('plans.unitCode'), render: (p) => p.unit.code },
    {
      key: 'latest',
      header: t('plans.latestVersion'),
      render: (p) =>
        p.latestVersion === null
          ? t('plans.none')
          : t('plans.versionStatus', {
              v: p.latestVersion,
              status: t(`plans.status.${p.latestStatus ?? 'draft'}`),
            }),
    },
    {
      key: 'approved',
      header: t('plans.approvedVersion'),
      render: (p) =>
        p.approvedVersion === null ? (
          <span className="badge badge-alert">{t('plans.noApproved')}</span>
        ) : (
          t('plans.versionN', { v: p.approvedVersion })
        ),
    },
  ];
  return (
    <>
      <div className="toolbar">
        <a className="button" href={apiHref(plansContract.getPlansExport, { query })} download>
          {t('common.exportExcel')}
        </a>
        <a className="button" href={apiHref(plansContract.getPlansExportCsv, { query })} download>
          {t('common.exportCsv')}
        </a>
      </div>
      <div className="filters">
        <SelectField
          label={t('plans.statusHeader')}
          value={status}
          onChange={setStatus}
          options={[
            { value: '', label: t('common.all') },
            ...planStatuses.map((s) => ({ value: s, label: t(`plans.status.${s}`) })),
          ]}
        />
        <CheckboxField
          label={t('plans.withoutApproved')}
          checked={withoutApproved}
          onChange={setWithoutApproved}
          testId="plans-without-approved"
        />
        <CheckboxField label={t('plans.toReview')} checked={toReview} onChange={setToReview} />
      </div>
      <DataTable testId="plans-table" columns={columns} rows={list.items} rowKey={(p) => p.unit.id} />
      <PagerFooter list={list} />
    </>
  );
}

/** Response plans per epidemic level (issue 18): the units' plans and, for the province, readiness. */
export function PlansPage() {
  const { t } = useTranslation();
  const area = canViewAreaReadiness(useUser().role);
  const tab = useUrlTab(tabs);
  return (
    <Page title={t('plans.title')} intro={t('plans.intro')}>
      {area ? (
        <UrlTabs
          path="/plans"
          tabs={tabs}
          current={tab}
          label={(k) => t(`plans.tab.${k}`)}
          ariaLabel={t('plans.title')}
          testId="plans-tab"
        >
          {tab === 'units' ? <UnitsTab /> : <ReadinessTab />}
        </UrlTabs>
      ) : (
        <UnitsTab />
      )}
    </Page>
  );
}
