import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  breachStatuses,
  type BreachStatus,
  type BreachView,
  type UpdateBreachRequest,
} from '../../../../core/schemas/breaches.ts';
import { breachesContract } from '../../../../core/contracts/breaches.ts';
import { api, apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { FormError, Notice, SelectField, TextField, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { localInputToIso } from '../../ui/text.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { BreachForm, TextAreaField } from './breach-form.tsx';
import './breaches.css';

/** The 72 hours in words: time left, overdue, or met / missed once notified. */
function DeadlineBadge({ b }: { b: BreachView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label =
    b.deadlineMet === true
      ? t('breaches.deadlineMet')
      : b.deadlineMet === false
        ? b.notifiedAt
          ? t('breaches.deadlineMissed')
          : t('breaches.overdue')
        : t('breaches.hoursLeft', {
            hours: Math.max(0, Math.floor((Date.parse(b.deadline) - Date.now()) / 3_600_000)),
          });
  const tone = b.deadlineMet === true ? 'badge badge-ok' : b.deadlineMet === false ? 'badge badge-warn' : 'badge';
  return (
    <span title={t('breaches.deadlineAt', { at: fmt.dateTime(b.deadline) })}>
      {fmt.dateTime(b.deadline)}{' '}
      <span className={tone} data-testid="breach-deadline">
        {label}
      </span>
    </span>
  );
}

/** A breach in full, with what can be done next: notify (when), close, print the notification. */
function BreachDetail({ b, onChanged }: { b: BreachView; onChanged(b: BreachView): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [notifiedAt, setNotifiedAt] = useState('');
  const [lateReason, setLateReason] = useState(b.lateReason ?? '');
  const { error, busy, run } = useFormSubmit();
  const change = (body: UpdateBreachRequest) =>
    run(async () => onChanged(await api(breachesContract.patchBreachesById, { params: { id: b.id }, body })));
  const lateIfNow = Date.now() > Date.parse(b.deadline);
  return (
    <div className="breach-detail" data-testid="breach-detail">
      <p>
        <strong>{t('breaches.fields.nature')}:</strong> {b.nature}
      </p>
      <p>
        <strong>{t('breaches.fields.dataCategories')}:</strong>{' '}
        {b.dataCategories.map((c) => t(`breaches.categories.${c}`)).join('; ')}
      </p>
      <p>
        <strong>{t('breaches.fields.occurredAt')}:</strong>{' '}
        {b.occurredAt ? fmt.dateTime(b.occurredAt) : t('breaches.unknown')}
      </p>
      <p>
        <strong>{t('breaches.fields.recordsAffected')}:</strong> {fmt.number(b.recordsAffected)}
      </p>
      <p>
        <strong>{t('breaches.fields.consequences')}:</strong> {b.consequences}
      </p>
      <p>
        <strong>{t('breaches.fields.measuresTaken')}:</strong> {b.measuresTaken}
      </p>
      <p>
        <strong>{t('breaches.fields.measuresProposed')}:</strong> {b.measuresProposed}
      </p>
      <p>
        <strong>{t('breaches.contact')}:</strong>{' '}
        {[b.contactName, b.contactTitle, b.contactPhone, b.contactEmail].filter(Boolean).join(', ')}
      </p>
      {b.notifiedAt && (
        <p>
          <strong>{t('breaches.notifiedAt')}:</strong> {fmt.dateTime(b.notifiedAt)}
        </p>
      )}
      <div className="toolbar">
        <a
          className="button"
          href={apiHref(breachesContract.getBreachesNotification, { params: { id: b.id } })}
          target="_blank"
          rel="noreferrer"
          data-testid="breach-pdf"
        >
          {t('breaches.pdf')}
        </a>
        {b.status === 'notified' && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void change({ status: 'closed' })}
            data-testid="breach-close"
          >
            {t('breaches.close')}
          </button>
        )}
      </div>
      {b.status === 'open' && (
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void change({
              status: 'notified',
              notifiedAt: localInputToIso(notifiedAt),
              ...(lateReason.trim() ? { lateReason: lateReason.trim() } : {}),
            });
          }}
        >
          <TextField
            label={t('breaches.notifiedAt')}
            type="datetime-local"
            value={notifiedAt}
            onChange={setNotifiedAt}
            hint={t('breaches.notifiedAtHint')}
            testId="breach-notified-at"
          />
          {lateIfNow && (
            <TextAreaField
              label={t('breaches.fields.lateReason')}
              value={lateReason}
              onChange={setLateReason}
              testId="breach-late-reason"
            />
          )}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy} data-testid="breach-notify">
              {t('breaches.markNotified')}
            </button>
          </div>
        </form>
      )}
      <FormError error={error} />
    </div>
  );
}

/** Admin → personal-data breaches: the register, the 72 hours of each, the notification to print. */
export function BreachesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [status, setStatus] = useState<BreachStatus | ''>('');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const query = { status: status || undefined };
  const list = usePagedList(breachesContract.getBreaches, query);

  const columns: Column<BreachView>[] = [
    { key: 'number', header: t('breaches.number'), render: (b) => b.number },
    { key: 'detected', header: t('breaches.fields.detectedAt'), render: (b) => fmt.dateTime(b.detectedAt) },
    { key: 'people', header: t('breaches.fields.peopleAffected'), render: (b) => fmt.number(b.peopleAffected) },
    {
      key: 'sensitive',
      header: t('breaches.sensitive'),
      render: (b) =>
        b.sensitive ? <span className="badge badge-warn">{t('breaches.sensitiveYes')}</span> : t('common.empty'),
    },
    { key: 'status', header: t('breaches.status'), render: (b) => t(`breaches.statuses.${b.status}`) },
    { key: 'deadline', header: t('breaches.deadline'), render: (b) => <DeadlineBadge b={b} /> },
    {
      key: 'details',
      header: t('common.actions'),
      render: (b) => (
        <button
          type="button"
          aria-expanded={open === b.id}
          onClick={() => setOpen(open === b.id ? null : b.id)}
          data-testid="breach-expand"
        >
          {open === b.id ? t('audit.hideDetails') : t('audit.showDetails')}
        </button>
      ),
    },
  ];

  return (
    <Page title={t('breaches.title')} intro={t('breaches.intro')}>
      <Notice>{notice}</Notice>
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          onClick={() => setCreating(true)}
          disabled={creating}
          data-testid="breach-new"
        >
          {t('breaches.create')}
        </button>
        <a
          className="button"
          href={apiHref(breachesContract.getBreachesExport, { query: query })}
          download
          data-testid="breaches-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(breachesContract.getBreachesExportCsv, { query: query })}
          download
          data-testid="breaches-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      {creating && (
        <BreachForm
          onCancel={() => setCreating(false)}
          onCreated={(b) => {
            setCreating(false);
            setNotice(t('breaches.created', { number: b.number }));
            setOpen(b.id);
            list.reload();
          }}
        />
      )}
      <div className="filters">
        <SelectField
          label={t('breaches.status')}
          value={status}
          onChange={(s) => setStatus(s as BreachStatus | '')}
          testId="breaches-filter-status"
          options={[
            { value: '', label: t('breaches.statusAll') },
            ...breachStatuses.map((s) => ({ value: s, label: t(`breaches.statuses.${s}`) })),
          ]}
        />
      </div>
      <DataTable
        testId="breaches-table"
        columns={columns}
        rows={list.items}
        rowKey={(b) => b.id}
        renderDetail={(b) =>
          open === b.id ? (
            <BreachDetail b={b} onChanged={(next) => list.replace((x) => x.id === next.id, next)} />
          ) : null
        }
      />
      <PagerFooter list={list} />
    </Page>
  );
}
