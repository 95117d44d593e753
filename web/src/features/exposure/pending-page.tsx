import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exposureContract as c } from '../../../../core/contracts/exposure.ts';
import type { PendingExposureView } from '../../../../core/schemas/exposure.ts';
import { api, apiHref, errorMessage } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { Notice } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';

/**
 * Self-reports whose phone-published check-ins wait in the exposure feed as pending (issue 20),
 * oldest first, keyset paged, by locality, to Excel: the official confirms them (they stay) or
 * withdraws them (they leave the feed). Handling the report is the existing `handle` call.
 */
export function ExposurePendingPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const placeName = usePlaceName();
  const { selectedCode } = useLocalities();
  const query = { locality: selectedCode };
  const list = usePagedList(selectedCode ? c.getExposurePending : null, query);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const decide = async (r: PendingExposureView, exposure: 'confirm' | 'withdraw') => {
    setBusy(r.id);
    setNotice(null);
    setError(null);
    try {
      await api(c.postSelfReportsHandle, { params: { id: r.id }, body: { exposure } });
      setNotice(t(exposure === 'confirm' ? 'exposure.confirmed' : 'exposure.withdrawn'));
      list.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: Column<PendingExposureView>[] = [
    { key: 'at', header: t('exposure.reportedAt'), render: (r) => fmt.dateTime(r.createdAt) },
    { key: 'person', header: t('exposure.person'), render: (r) => r.fullName },
    { key: 'commune', header: t('exposure.commune'), render: (r) => placeName(r.communeCode, r.communeCode) },
    {
      key: 'kind',
      header: t('exposure.kind'),
      render: (r) =>
        `${t(r.kind === 'positive_test' ? 'exposure.positive' : 'exposure.symptoms')}${r.testDate ? ` · ${fmt.date(r.testDate)}` : ''}`,
    },
    { key: 'entries', header: t('exposure.entries'), numeric: true, render: (r) => fmt.number(r.pendingEntries) },
    {
      key: 'window',
      header: t('exposure.window'),
      render: (r) => (r.firstFrom && r.lastTo ? `${fmt.dateTime(r.firstFrom)} – ${fmt.dateTime(r.lastTo)}` : '—'),
    },
    {
      key: 'photo',
      header: t('exposure.photo'),
      render: (r) =>
        r.hasPhoto ? (
          <a href={apiHref(c.getSelfReportsPhoto, { params: { id: r.id } })} target="_blank" rel="noreferrer">
            {t('exposure.openPhoto')}
          </a>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      header: t('exposure.actions'),
      render: (r) => (
        <span className="row-actions">
          <button
            type="button"
            className="button primary"
            disabled={busy !== null}
            onClick={() => void decide(r, 'confirm')}
            data-testid={`pending-confirm-${r.id}`}
          >
            {t('exposure.confirm')}
          </button>{' '}
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void decide(r, 'withdraw')}
            data-testid={`pending-withdraw-${r.id}`}
          >
            {t('exposure.withdraw')}
          </button>
        </span>
      ),
    },
  ];

  return (
    <Page title={t('exposure.title')} intro={t('exposure.intro')}>
      {notice && <Notice>{notice}</Notice>}
      {error && (
        <div className="alert alert-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <div className="toolbar">
        <a className="button" href={apiHref(c.getExposurePendingExport, { query })} download>
          {t('common.exportExcel')}
        </a>
      </div>
      <DataTable
        testId="exposure-pending"
        columns={columns}
        rows={list.items}
        rowKey={(r) => r.id}
        emptyText={t('exposure.none')}
      />
      <PagerFooter list={list} />
    </Page>
  );
}
