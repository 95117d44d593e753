import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../../core/roles.ts';
import { auditAlertKinds, type AuditAlertKind, type AuditAlertView } from '../../../../core/schemas/audit.ts';
import { auditContract } from '../../../../core/contracts/audit.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { SelectField, TextField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { localInputToIso } from '../../ui/text.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { ActorFilter } from './actor-filter.tsx';

/** What an export was of, as the services name it in the log. */
const exportedKinds = [
  'case',
  'contact',
  'test_order',
  'case_proposal',
  'quarantine_admission',
  'treatment_stay',
  'health_declaration',
  'arrival',
  'user',
  'audit_event',
  'audit_alert',
  'data_breach',
] as const;
type ExportedKind = (typeof exportedKinds)[number];
const isExportedKind = (k: string | null): k is ExportedKind =>
  (exportedKinds as readonly (string | null)[]).includes(k);

/**
 * Alerts of the audit log: every export (who, what, how many people) and accounts that read
 * unusually many people in an hour or a day, or far above their own daily average.
 */
export function AlertsTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [kind, setKind] = useState<AuditAlertKind | ''>('');
  const [actorId, setActorId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = {
    kind: kind || undefined,
    actorId: actorId || undefined,
    from: localInputToIso(from),
    to: localInputToIso(to),
  };
  const list = usePagedList(auditContract.getAuditAlerts, query);

  const roleName = (r: string | null) =>
    (roles as readonly string[]).includes(r ?? '') ? ` (${t(`roles.${r as Role}`)})` : '';
  const what = (a: AuditAlertView) => {
    if (a.kind === 'export')
      return t('audit.alertExported', {
        entity: isExportedKind(a.entityType) ? t(`audit.exported.${a.entityType}`) : (a.entityType ?? '—'),
        people: a.people,
      });
    if (a.kind === 'above_baseline')
      return t('audit.alertAboveBaseline', {
        people: a.people,
        baseline: fmt.number(Math.round((a.baseline ?? 0) * 10) / 10),
        limit: a.threshold ?? 0,
      });
    return t('audit.alertVolume', { people: a.people, limit: a.threshold ?? 0 });
  };
  const columns: Column<AuditAlertView>[] = [
    { key: 'at', header: t('audit.at'), render: (a) => fmt.dateTime(a.at) },
    {
      key: 'kind',
      header: t('audit.alertKind'),
      render: (a) => (
        <span className={a.kind === 'export' ? 'badge' : 'badge badge-warn'}>{t(`audit.alertKinds.${a.kind}`)}</span>
      ),
    },
    {
      key: 'actor',
      header: t('audit.actor'),
      render: (a) => (a.actorName ? `${a.actorName}${roleName(a.actorRole)}` : t('audit.system')),
    },
    { key: 'what', header: t('audit.alertWhat'), render: what },
  ];

  return (
    <>
      <p className="muted">{t('audit.alertsIntro')}</p>
      <div className="toolbar">
        <a
          className="button"
          href={apiHref(auditContract.getAuditAlertsExport, { query: query })}
          download
          data-testid="audit-alerts-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(auditContract.getAuditAlertsExportCsv, { query: query })}
          download
          data-testid="audit-alerts-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      <div className="filters">
        <SelectField
          label={t('audit.alertKind')}
          value={kind}
          onChange={(v) => setKind(v as AuditAlertKind | '')}
          testId="audit-alerts-kind"
          options={[
            { value: '', label: t('audit.alertKindAll') },
            ...auditAlertKinds.map((k) => ({ value: k, label: t(`audit.alertKinds.${k}`) })),
          ]}
        />
        <ActorFilter value={actorId} onChange={setActorId} />
        <TextField
          label={t('audit.from')}
          type="datetime-local"
          value={from}
          onChange={setFrom}
          testId="audit-alerts-from"
        />
        <TextField label={t('audit.to')} type="datetime-local" value={to} onChange={setTo} testId="audit-alerts-to" />
      </div>
      <DataTable testId="audit-alerts-table" columns={columns} rows={list.items} rowKey={(a) => a.id} />
      <PagerFooter list={list} />
    </>
  );
}
