import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactStatus, ContactView } from '../../../../core/schemas/cases.ts';
import { tracingContract } from '../../../../core/contracts/tracing.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, useLocalityLabel, usePlaceName } from '../../ui/locality-context.tsx';
import { Link, useLocation } from '../../ui/router.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { casePage, contactStatusBadge, isContactStatus } from './case-labels.ts';
import { ContactStatusFilter } from './contact-status-filter.tsx';

/**
 * GET /api/contacts: the contacts living in the selected locality, whichever case they were traced
 * from (a commune follows up its residents even when the case is elsewhere). Confirmed by default.
 */
export function FollowUpTab() {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const placeLabel = useLocalityLabel();
  // `?status=proposed` from the home page's "awaiting confirmation" figure.
  const { search } = useLocation();
  const [status, setStatus] = useState<ContactStatus | ''>(() => {
    const asked = search.get('status') ?? '';
    return isContactStatus(asked) ? asked : 'confirmed';
  });
  const query = { locality: selected?.code, status: status || undefined };
  const list = usePagedList(selected ? tracingContract.getContacts : null, query);

  const columns: Column<ContactView>[] = [
    {
      key: 'name',
      header: t('cases.fullName'),
      render: (c) => (
        <span>
          <strong>{c.fullName}</strong> <span className="muted small">· {c.birthYear}</span>
        </span>
      ),
    },
    {
      key: 'level',
      header: t('contacts.levelHeader'),
      render: (c) => <span className="badge badge-level">{t('contacts.level', { level: c.level })}</span>,
    },
    {
      key: 'case',
      header: t('contacts.ofCase'),
      render: (c) => (
        <span>
          <Link to={casePage(c.caseId)}>{c.caseNumber}</Link>
          {c.viaName && <span className="muted small"> · {t('contacts.via', { name: c.viaName })}</span>}
        </span>
      ),
    },
    {
      key: 'status',
      header: t('contacts.statusHeader'),
      render: (c) => (
        <span className={contactStatusBadge(c.status)} data-testid={`follow-up-status-${c.personId}`}>
          {t(`contacts.status.${c.status}`)}
        </span>
      ),
    },
    {
      key: 'commune',
      header: t('cases.commune'),
      render: (c) => (c.communeName ? nameOf(c.communeCode, c.communeName) : t('common.empty')),
    },
    {
      key: 'phone',
      header: t('cases.phone'),
      render: (c) => (c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : t('common.empty')),
    },
    { key: 'exposure', header: t('contacts.lastExposureAt'), render: (c) => fmt.dateTime(c.lastExposureAt) },
  ];

  return (
    <>
      <p className="muted">
        {t('contacts.followUpIntro', { name: selected ? placeLabel(selected) : t('common.empty') })}
      </p>
      <ContactStatusFilter value={status} onChange={setStatus} testId="follow-up-filter-status" />
      <DataTable testId="follow-up-table" columns={columns} rows={list.items} rowKey={(c) => c.id} />
      <PagerFooter list={list} />
    </>
  );
}
