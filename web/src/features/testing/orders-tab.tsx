import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../../../core/schemas/testing.ts';
import { testingContract } from '../../../../core/contracts/testing.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { Notice } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { Link } from '../../ui/router.tsx';
import { todayIso } from '../../ui/text.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { canRecordTests } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { stayPage } from '../quarantine/quarantine-labels.ts';
import { SampleForm } from './sample-form.tsx';
import type { OrderReason } from './testing-labels.ts';

/** The reasons officials work by: the quarantine schedule, pool re-tests, symptoms; then the rest. */
const reasonTabs = ['schedule', 'pool_retest', 'symptoms', 'all'] as const;
type ReasonTab = (typeof reasonTabs)[number];

/**
 * Orders due (by today, overdue first) and not sampled yet, by reason; "Record sample" opens the
 * sample form under the row. A recorded order leaves the list.
 */
export function OrdersTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { role } = useUser();
  const { selected } = useLocalities();
  const [reason, setReason] = useState<ReasonTab>('schedule');
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const today = todayIso();
  const query = {
    locality: selected?.code,
    status: 'ordered',
    dueBy: today,
    reason: reason === 'all' ? undefined : (reason satisfies OrderReason),
  };
  const list = usePagedList(selected ? testingContract.getTestingOrders : null, query);
  const mayRecord = canRecordTests(role);

  const columns: Column<OrderView>[] = [
    {
      key: 'name',
      header: t('testing.person'),
      render: (o) => (
        <span>
          <strong>{o.fullName}</strong> <span className="muted small">· {o.birthYear}</span>
          {o.admissionId && (
            <>
              {' '}
              <Link to={stayPage(o.admissionId)} className="small">
                {t('testing.inQuarantine')}
              </Link>
            </>
          )}
        </span>
      ),
    },
    {
      key: 'reason',
      header: t('testing.reasonHeader'),
      render: (o) => `${t(`testing.reason.${o.reason}`)}${o.poolCode ? ` · ${o.poolCode}` : ''}`,
    },
    { key: 'kind', header: t('testing.kindHeader'), render: (o) => t(`testing.kind.${o.testKind}`) },
    {
      key: 'due',
      header: t('testing.dueOn'),
      render: (o) => (
        <span className={o.dueOn < today ? 'badge badge-alert' : 'badge badge-warn'}>{fmt.date(o.dueOn)}</span>
      ),
    },
    {
      key: 'phone',
      header: t('quarantine.phone'),
      render: (o) => (o.phone ? <a href={`tel:${o.phone}`}>{o.phone}</a> : t('common.empty')),
    },
    ...(mayRecord
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (o: OrderView) => (
              <button
                type="button"
                aria-expanded={open === o.id}
                onClick={() => setOpen((cur) => (cur === o.id ? null : o.id))}
                data-testid={`order-sample-${o.personId}-${o.dueOn}`}
              >
                {open === o.id ? t('common.close') : t('testing.recordSample')}
              </button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="tabs" role="tablist" aria-label={t('testing.ordersTitle')}>
        {reasonTabs.map((r) => (
          <button
            key={r}
            type="button"
            role="tab"
            aria-selected={reason === r}
            className={reason === r ? 'tab active' : 'tab'}
            onClick={() => setReason(r)}
            data-testid={`orders-reason-${r}`}
          >
            {r === 'all' ? t('common.all') : t(`testing.reason.${r}`)}
          </button>
        ))}
      </div>
      <p className="muted">{t('testing.ordersIntro')}</p>
      <Notice>{notice}</Notice>
      <DataTable
        testId="orders-table"
        columns={columns}
        rows={list.items}
        rowKey={(o) => o.id}
        emptyText={t('testing.noOrders')}
        renderDetail={(o) =>
          open === o.id ? (
            <SampleForm
              order={o}
              onCancel={() => setOpen(null)}
              onRecorded={(s) => {
                setOpen(null);
                setNotice(t('testing.sampleRecorded', { code: s.code, name: s.fullName }));
                list.reload();
              }}
            />
          ) : null
        }
      />
      <PagerFooter list={list} />
    </>
  );
}
