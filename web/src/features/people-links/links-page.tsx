import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linkStatuses, type LinkRequestRow } from '../../../../core/schemas/citizen.ts';
import { personLinksContract } from '../../../../core/contracts/person-links.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { SelectField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';

type Status = LinkRequestRow['status'];

/** Citizens' self-declared records about records of the selected locality (either side), newest first. */
export function LinksPage() {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const [status, setStatus] = useState<Status>('open');
  const query = { locality: selected?.code, status };
  const list = usePagedList(selected ? personLinksContract.getPeopleLinkRequests : null, query);

  const columns: Column<LinkRequestRow>[] = [
    { key: 'createdAt', header: t('peopleLinks.declaredAt'), render: (r) => fmt.dateTime(r.createdAt) },
    {
      key: 'declared',
      header: t('peopleLinks.declared'),
      render: (r) => (
        <span>
          <strong>{r.declaredName}</strong> · {r.declaredBirthYear}
          {r.declaredCommuneName && (
            <span className="muted small"> · {nameOf(r.declaredCommuneCode, r.declaredCommuneName)}</span>
          )}
        </span>
      ),
    },
    { key: 'phone', header: t('peopleLinks.phone'), render: (r) => r.phone },
    {
      key: 'official',
      header: t('peopleLinks.official'),
      render: (r) => (
        <span>
          {r.officialName}
          {r.officialCommuneName && (
            <span className="muted small"> · {nameOf(r.officialCommuneCode, r.officialCommuneName)}</span>
          )}
        </span>
      ),
    },
    { key: 'reason', header: t('peopleLinks.reason'), render: (r) => t(`peopleLinks.reasons.${r.reason}`) },
    {
      key: 'status',
      header: t('peopleLinks.status'),
      render: (r) => (
        <span className={r.status === 'open' ? 'badge badge-warn' : 'badge'}>
          {t(`peopleLinks.statuses.${r.status}`)}
        </span>
      ),
    },
    {
      key: 'open',
      header: '',
      render: (r) => (
        <Link to={`/people/links/${r.id}`} data-testid="link-request-open">
          {t('peopleLinks.open')}
        </Link>
      ),
    },
  ];

  return (
    <Page title={t('peopleLinks.title')} intro={t('peopleLinks.intro')}>
      <div className="toolbar">
        <a
          className="button"
          href={apiHref(personLinksContract.getPeopleLinkRequestsExport, { query: query })}
          download
          data-testid="link-requests-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(personLinksContract.getPeopleLinkRequestsExportCsv, { query: query })}
          download
          data-testid="link-requests-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      <div className="filters">
        <SelectField
          label={t('peopleLinks.status')}
          value={status}
          onChange={(v) => setStatus(v as Status)}
          options={linkStatuses.map((s) => ({ value: s, label: t(`peopleLinks.statuses.${s}`) }))}
          testId="link-requests-status"
        />
      </div>
      <DataTable
        testId="link-requests-table"
        columns={columns}
        rows={list.items}
        rowKey={(r) => r.id}
        onRowClick={(r) => navigate(`/people/links/${r.id}`)}
      />
      <PagerFooter list={list} />
      <p className="muted small">{t('peopleLinks.readLogged')}</p>
    </Page>
  );
}
