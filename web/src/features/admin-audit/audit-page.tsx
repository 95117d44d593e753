import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../../core/schemas/audit.ts';
import { auditContract } from '../../../../core/contracts/audit.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { TextField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { localInputToIso } from '../../ui/text.ts';
import { useDebounced } from '../../ui/use-debounced.ts';
import { UrlTabs, useUrlTab } from '../../ui/url-tabs.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { ActorFilter } from './actor-filter.tsx';
import { AlertsTab } from './alerts-tab.tsx';

const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

const tabs = ['log', 'alerts'] as const;

/** Admin → Audit log: the log itself, and its alerts (`?tab=alerts`: exports, unusual volumes of reads). */
export function AuditPage() {
  const { t } = useTranslation();
  const tab = useUrlTab(tabs);
  return (
    <Page title={t('audit.title')}>
      <UrlTabs
        path="/admin/audit"
        tabs={tabs}
        current={tab}
        ariaLabel={t('audit.title')}
        testId="audit-tab"
        label={(k) => (k === 'log' ? t('audit.tabLog') : t('audit.tabAlerts'))}
      >
        {tab === 'log' ? <LogTab /> : <AlertsTab />}
      </UrlTabs>
    </Page>
  );
}

/** The log: filtered keyset list, before/after per event, Excel export. */
function LogTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [actorId, setActorId] = useState('');
  const [entityType, setEntityType] = useState('');
  const [entityId, setEntityId] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [open, setOpen] = useState<string | null>(null);

  const debouncedActor = useDebounced(actorId.trim());
  const debouncedType = useDebounced(entityType.trim());
  const debouncedId = useDebounced(entityId.trim());
  const debouncedAction = useDebounced(action.trim());
  const query = {
    actorId: debouncedActor || undefined,
    entityType: debouncedType || undefined,
    entityId: debouncedId || undefined,
    action: debouncedAction || undefined,
    from: localInputToIso(from),
    to: localInputToIso(to),
  };
  const list = usePagedList(auditContract.getAudit, query);

  const columns: Column<AuditEventView>[] = [
    { key: 'at', header: t('audit.at'), render: (e) => fmt.dateTime(e.at) },
    {
      key: 'actor',
      header: t('audit.actor'),
      render: (e) => e.actorName ?? (e.actorId ? <code>{e.actorId}</code> : t('audit.system')),
    },
    { key: 'action', header: t('audit.action'), render: (e) => <code>{e.action}</code> },
    {
      key: 'entity',
      header: t('audit.entity'),
      render: (e) => (
        <>
          {e.entityType}
          {e.entityId && <code className="small"> {e.entityId}</code>}
        </>
      ),
    },
    { key: 'locality', header: t('audit.locality'), render: (e) => e.localityCode ?? t('common.empty') },
    {
      key: 'details',
      header: t('common.actions'),
      render: (e) => (
        <button
          type="button"
          aria-expanded={open === e.id}
          onClick={() => setOpen(open === e.id ? null : e.id)}
          data-testid="audit-expand"
        >
          {open === e.id ? t('audit.hideDetails') : t('audit.showDetails')}
        </button>
      ),
    },
  ];

  return (
    <>
      <div className="toolbar">
        <a
          className="button"
          href={apiHref(auditContract.getAuditExport, { query: query })}
          download
          data-testid="audit-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(auditContract.getAuditExportCsv, { query: query })}
          download
          data-testid="audit-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      <div className="filters">
        <ActorFilter value={actorId} onChange={setActorId} />
        <TextField
          label={t('audit.entityType')}
          value={entityType}
          onChange={setEntityType}
          testId="audit-filter-entity-type"
        />
        <TextField
          label={t('audit.entityId')}
          value={entityId}
          onChange={setEntityId}
          testId="audit-filter-entity-id"
        />
        <TextField label={t('audit.action')} value={action} onChange={setAction} testId="audit-filter-action" />
        <TextField
          label={t('audit.from')}
          type="datetime-local"
          value={from}
          onChange={setFrom}
          testId="audit-filter-from"
        />
        <TextField label={t('audit.to')} type="datetime-local" value={to} onChange={setTo} testId="audit-filter-to" />
      </div>
      <DataTable
        testId="audit-table"
        columns={columns}
        rows={list.items}
        rowKey={(e) => e.id}
        renderDetail={(e) =>
          open === e.id ? (
            <div className="audit-detail" data-testid="audit-detail">
              <div>
                <h4>{t('audit.before')}</h4>
                <pre className="json">{json(e.before)}</pre>
              </div>
              <div>
                <h4>{t('audit.after')}</h4>
                <pre className="json">{json(e.after)}</pre>
              </div>
              {e.ip && <p className="muted full">{t('audit.ip', { ip: e.ip })}</p>}
            </div>
          ) : null
        }
      />
      <PagerFooter list={list} />
    </>
  );
}
