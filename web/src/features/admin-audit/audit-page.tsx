import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  auditActionLabel,
  auditActions,
  auditEntityHref,
  auditEntityLabel,
  auditEntityTypes,
  type AuditAction,
  type AuditEntityType,
} from '../../../../core/audit-vocabulary.ts';
import { roles, type Role } from '../../../../core/roles.ts';
import type { AuditEventView } from '../../../../core/schemas/audit.ts';
import { auditContract } from '../../../../core/contracts/audit.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { SelectField, TextField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { localityOptions } from '../../ui/locality-picker.tsx';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { localInputToIso } from '../../ui/text.ts';
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

/** The log: filtered keyset list in words (who, what, which record, where), before/after per event, Excel export. */
function LogTab() {
  const { t, i18n } = useTranslation();
  const nameOf = usePlaceName();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const fmt = useFormat();
  const { entries } = useLocalities();
  const [actorId, setActorId] = useState('');
  const [entityType, setEntityType] = useState<AuditEntityType | ''>('');
  const [action, setAction] = useState<AuditAction | ''>('');
  const [locality, setLocality] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [open, setOpen] = useState<string | null>(null);

  const query = {
    actorId: actorId || undefined,
    entityType: entityType || undefined,
    action: action || undefined,
    locality: locality || undefined,
    from: localInputToIso(from),
    to: localInputToIso(to),
  };
  const list = usePagedList(auditContract.getAudit, query);
  const byWords = (a: string, b: string) => a.localeCompare(b, lang);
  const actionOptions = [...auditActions]
    .map((a) => ({ value: a, label: auditActionLabel(a, lang) }))
    .sort((a, b) => byWords(a.label, b.label));
  const entityOptions = [...auditEntityTypes]
    .map((e) => ({ value: e, label: auditEntityLabel(e, lang) }))
    .sort((a, b) => byWords(a.label, b.label));

  const actorOf = (e: AuditEventView) => {
    if (e.actorFullName) {
      const role = (roles as readonly string[]).includes(e.actorRole ?? '') ? t(`roles.${e.actorRole as Role}`) : null;
      return (
        <>
          {e.actorFullName}
          <span className="muted small"> ({role ? `${e.actorName} · ${role}` : e.actorName})</span>
        </>
      );
    }
    if (e.actorRole === 'citizen') return t('audit.citizen');
    return e.actorName ?? t('audit.system');
  };
  const recordOf = (e: AuditEventView) => {
    const words = auditEntityLabel(e.entityType, lang);
    const href = auditEntityHref(e.entityType, e.entityId);
    return href ? (
      <Link to={href} data-testid="audit-record-link">
        {words}
      </Link>
    ) : (
      words
    );
  };

  const columns: Column<AuditEventView>[] = [
    { key: 'at', header: t('audit.at'), render: (e) => fmt.dateTime(e.at) },
    { key: 'actor', header: t('audit.actor'), render: actorOf },
    { key: 'action', header: t('audit.action'), render: (e) => auditActionLabel(e.action, lang) },
    { key: 'entity', header: t('audit.entity'), render: recordOf },
    {
      key: 'locality',
      header: t('audit.locality'),
      render: (e) => nameOf(e.localityCode, e.localityName) || t('common.empty'),
    },
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
        <SelectField
          label={t('audit.action')}
          value={action}
          onChange={(v) => setAction(auditActions.find((a) => a === v) ?? '')}
          options={[{ value: '', label: t('audit.actionAll') }, ...actionOptions]}
          testId="audit-filter-action"
        />
        <SelectField
          label={t('audit.entityType')}
          value={entityType}
          onChange={(v) => setEntityType(auditEntityTypes.find((e) => e === v) ?? '')}
          options={[{ value: '', label: t('audit.entityAll') }, ...entityOptions]}
          testId="audit-filter-entity-type"
        />
        <SelectField
          label={t('audit.locality')}
          value={locality}
          onChange={setLocality}
          options={[{ value: '', label: t('audit.localityAll') }, ...localityOptions(entries, lang)]}
          testId="audit-filter-locality"
        />
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
              {e.entityId && <p className="muted full">{t('audit.recordId', { id: e.entityId })}</p>}
              {e.ip && <p className="muted full">{t('audit.ip', { ip: e.ip })}</p>}
            </div>
          ) : null
        }
      />
      <PagerFooter list={list} />
    </>
  );
}
