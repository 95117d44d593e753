import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseClassification, CaseRow, CaseStatus } from '../../../../core/schemas/cases.ts';
import { casesContract } from '../../../../core/contracts/cases.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { SelectField, TextField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, useLocalityLabel, usePlaceName } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { Link, navigate, useLocation } from '../../ui/router.tsx';
import { UrlTabs, useUrlTab } from '../../ui/url-tabs.tsx';
import { useDebounced } from '../../ui/use-debounced.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { canInvestigateCases } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { useClusterOptions } from '../clusters/use-cluster-options.ts';
import { CaseCreateForm } from './case-create-form.tsx';
import { CaseImportPanel } from './case-import-panel.tsx';
import { FollowUpTab } from './follow-up-tab.tsx';
import {
  caseStatusBadge,
  casePage,
  classificationOptions,
  isCaseStatus,
  isClassification,
  statusOptions,
} from './case-labels.ts';
import './cases.css';

type Panel = 'create' | 'import' | null;

/**
 * Cases of the selected locality: filters, keyset "load more", Excel export of the same filters,
 * the "new case" form and the line-list import. `?clusterId=` preselects a cluster (from /clusters).
 */
function CasesTab() {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const fmt = useFormat();
  const { role } = useUser();
  const { selected } = useLocalities();
  const { search } = useLocation();
  const clusters = useClusterOptions();
  // A link may preselect filters (the home page's figures: `?classification=&confirmedFrom=&confirmedTo=`).
  const asked = (key: string) => search.get(key) ?? '';
  const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
  const [status, setStatus] = useState<CaseStatus | ''>(() =>
    isCaseStatus(asked('status')) ? (asked('status') as CaseStatus) : '',
  );
  const [classification, setClassification] = useState<CaseClassification | ''>(() => {
    const v = asked('classification');
    return isClassification(v) ? v : '';
  });
  const [clusterId, setClusterId] = useState(asked('clusterId'));
  const [q, setQ] = useState('');
  const [from, setFrom] = useState(() => (isDay(asked('confirmedFrom')) ? asked('confirmedFrom') : ''));
  const [to, setTo] = useState(() => (isDay(asked('confirmedTo')) ? asked('confirmedTo') : ''));
  const [panel, setPanel] = useState<Panel>(null);
  const debouncedQ = useDebounced(q.trim());
  const mayInvestigate = canInvestigateCases(role);

  const query = {
    locality: selected?.code,
    status: status || undefined,
    classification: classification || undefined,
    clusterId: clusterId || undefined,
    q: debouncedQ || undefined,
    confirmedFrom: from || undefined,
    confirmedTo: to || undefined,
  };
  const list = usePagedList(selected ? casesContract.getCases : null, query);

  const columns: Column<CaseRow>[] = [
    {
      key: 'caseNumber',
      header: t('cases.caseNumber'),
      render: (c) => (
        <Link to={casePage(c.id)} data-testid={`case-link-${c.caseNumber}`}>
          <strong>{c.caseNumber}</strong>
        </Link>
      ),
    },
    {
      key: 'person',
      header: t('cases.fullName'),
      render: (c) => (
        <span>
          {c.fullName ?? t('common.empty')}
          {c.birthYear && <span className="muted small"> · {c.birthYear}</span>}
        </span>
      ),
    },
    { key: 'confirmedDate', header: t('cases.confirmedDate'), render: (c) => fmt.date(c.confirmedDate) },
    {
      key: 'classification',
      header: t('cases.classificationHeader'),
      render: (c) => t(`cases.classification.${c.classification}`),
    },
    {
      key: 'status',
      header: t('cases.statusHeader'),
      render: (c) => (
        <span className={caseStatusBadge(c.status)} data-status={c.status}>
          {t(`cases.status.${c.status}`)}
        </span>
      ),
    },
    { key: 'locality', header: t('cases.locality'), render: (c) => nameOf(c.localityCode, c.localityName) },
    { key: 'cluster', header: t('cases.cluster'), render: (c) => c.clusterCode ?? t('common.empty') },
  ];

  const toggle = (p: Exclude<Panel, null>) => {
    setPanel((cur) => (cur === p ? null : p));
  };

  return (
    <>
      <div className="toolbar">
        {mayInvestigate && (
          <>
            <button
              type="button"
              className="primary"
              aria-expanded={panel === 'create'}
              onClick={() => toggle('create')}
              data-testid="case-create-toggle"
            >
              {panel === 'create' ? t('common.close') : t('cases.newCase')}
            </button>
            <button
              type="button"
              aria-expanded={panel === 'import'}
              onClick={() => toggle('import')}
              data-testid="case-import-toggle"
            >
              {panel === 'import' ? t('common.close') : t('caseImport.title')}
            </button>
          </>
        )}
        <a
          className="button"
          href={apiHref(casesContract.getCasesExport, { query: query })}
          download
          data-testid="cases-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(casesContract.getCasesExportCsv, { query: query })}
          download
          data-testid="cases-export-csv"
        >
          {t('common.exportCsv')}
        </a>
        <Link className="button" to="/chains" data-testid="cases-chains-link">
          {t('nav.chains')}
        </Link>
      </div>
      {panel === 'create' && (
        <CaseCreateForm
          onCreated={(c) => {
            setPanel(null);
            // The case page says "added, review the proposed contacts" once (`?created=1`).
            navigate(`${casePage(c.id)}?created=1`);
          }}
        />
      )}
      {panel === 'import' && <CaseImportPanel onImported={list.reload} />}

      <div className="filters">
        <TextField label={t('cases.filterQ')} type="search" value={q} onChange={setQ} testId="cases-filter-q" />
        <SelectField
          label={t('cases.statusHeader')}
          value={status}
          onChange={(v) => setStatus(isCaseStatus(v) ? v : '')}
          options={[{ value: '', label: t('common.all') }, ...statusOptions(t)]}
          testId="cases-filter-status"
        />
        <SelectField
          label={t('cases.classificationHeader')}
          value={classification}
          onChange={(v) => setClassification(isClassification(v) ? v : '')}
          options={[{ value: '', label: t('common.all') }, ...classificationOptions(t)]}
          testId="cases-filter-classification"
        />
        <SelectField
          label={t('cases.cluster')}
          value={clusterId}
          onChange={setClusterId}
          options={[
            { value: '', label: t('common.all') },
            ...clusters,
            // A cluster opened from /clusters stays selected while the options load.
            ...(clusterId && !clusters.some((c) => c.value === clusterId) ? [{ value: clusterId, label: '…' }] : []),
          ]}
          testId="cases-filter-cluster"
        />
        <TextField
          label={t('cases.confirmedFrom')}
          type="date"
          value={from}
          onChange={setFrom}
          testId="cases-filter-from"
        />
        <TextField label={t('cases.confirmedTo')} type="date" value={to} onChange={setTo} testId="cases-filter-to" />
      </div>

      <DataTable
        testId="cases-table"
        columns={columns}
        rows={list.items}
        rowKey={(c) => c.id}
        onRowClick={(c) => navigate(casePage(c.id))}
      />
      <PagerFooter list={list} />
    </>
  );
}

const tabs = ['cases', 'follow-up'] as const;

/** Cases (F0), and the contacts living in the area to follow up (`?tab=follow-up`). */
export function CasesPage() {
  const { t } = useTranslation();
  const { selected } = useLocalities();
  const placeLabel = useLocalityLabel();
  const tab = useUrlTab(tabs);
  return (
    <Page
      title={t('cases.title')}
      intro={t('cases.intro', { name: selected ? placeLabel(selected) : t('common.empty') })}
    >
      <UrlTabs
        path="/cases"
        tabs={tabs}
        current={tab}
        ariaLabel={t('cases.title')}
        testId="cases-tab"
        label={(k) => (k === 'cases' ? t('cases.tabCases') : t('cases.tabFollowUp'))}
      >
        {tab === 'cases' ? <CasesTab /> : <FollowUpTab />}
      </UrlTabs>
    </Page>
  );
}
