import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VenueStatus } from '../../../../core/rules/venue-status.ts';
import type { OrganisationType, RiskGroup } from '../../../../core/schemas/assessment-template.ts';
import type { OrganisationView } from '../../../../core/schemas/organisations.ts';
import { organisationsContract } from '../../../../core/contracts/organisations.ts';
import { api, ApiError, apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { CheckboxField, FormError, Notice, SelectField, TextField, type FormFailure } from '../../ui/form.tsx';
import { useAddressLine, useLocalities } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { useDebounced } from '../../ui/use-debounced.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { canDecideOrganisations, canRegisterOrganisation, canViewOrganisationMap } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { LatestAssessment } from './latest-assessment.tsx';
import { DecisionButtons, OrganisationDecisionForm, type RefusingDecision } from './organisation-decision-form.tsx';
import { groupOptions, statusBadgeClass, statusOptions, typeOptions } from './organisation-labels.ts';
import { OrganisationRegisterForm } from './organisation-register-form.tsx';
import { OrganisationsImport } from './organisations-import.tsx';
import './organisations.css';

const OrganisationsMap = lazy(() => import('./organisations-map.tsx'));
const ScreeningArea = lazy(() => import('./screening-area.tsx').then((m) => ({ default: m.ScreeningArea })));

type Deciding = { id: string; decision: RefusingDecision };

/**
 * The organisations of the selected locality (an organisation: its own), filtered by status, kind,
 * risk group and overdue re-assessment, keyset paged, exported to Excel or CSV with the same
 * filters; registration, and approval for the commune.
 */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const addressOf = useAddressLine();
  const { role } = useUser();
  const { selected, select } = useLocalities();
  const [status, setStatus] = useState<VenueStatus | ''>('');
  const [type, setType] = useState<OrganisationType | ''>('');
  const [group, setGroup] = useState<RiskGroup | 'none' | ''>('');
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim());
  const [sector, setSector] = useState('');
  const debouncedSector = useDebounced(sector.trim());
  const [showMap, setShowMap] = useState(false);
  const [showScreening, setShowScreening] = useState(false);
  const [showRegister, setShowRegister] = useState(false);
  const [showImport, setShowImport] = useState(false);
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<FormFailure>(null);
  const mayDecide = canDecideOrganisations(role);

  const query = {
    locality: selected?.code,
    status: status || undefined,
    type: type || undefined,
    group: group || undefined,
    overdue: overdue ? ('true' as const) : undefined,
    q: debouncedQ || undefined,
    sector: debouncedSector || undefined,
  };
  const mapQuery = {
    locality: query.locality,
    type: query.type,
    sector: query.sector,
    group: query.group,
    overdue: query.overdue,
  };
  const list = usePagedList(selected ? organisationsContract.getOrganisations : null, query);

  const decided = (o: OrganisationView) => {
    list.replace((x) => x.id === o.id, o);
    setDeciding(null);
    setNotice(t('organisations.decided', { name: o.name, status: t(`organisations.status.${o.status}`) }));
  };

  const approve = async (o: OrganisationView) => {
    setBusy(o.id);
    setNotice(null);
    setActionError(null);
    try {
      decided(
        await api(organisationsContract.postOrganisationsDecision, {
          params: { id: o.id },
          body: { decision: 'approve' },
        }),
      );
    } catch (e) {
      setActionError(e instanceof ApiError ? e : t('errors.unexpected'));
    } finally {
      setBusy(null);
    }
  };

  const columns: Column<OrganisationView>[] = [
    {
      key: 'name',
      header: t('organisations.name'),
      render: (o) => (
        <span className="org-name">
          <Link to={`/organisations/${encodeURIComponent(o.id)}`} data-testid="org-link">
            <strong>{o.name}</strong>
          </Link>
          {o.taxCode && <span className="muted small">{o.taxCode}</span>}
        </span>
      ),
    },
    { key: 'type', header: t('organisations.typeHeader'), render: (o) => t(`organisations.type.${o.type}`) },
    {
      key: 'address',
      header: t('organisations.addressLine'),
      render: (o) => <span>{addressOf(o.addressLine, o.communeCode, o.communeName)}</span>,
    },
    {
      key: 'status',
      header: t('organisations.statusHeader'),
      render: (o) => (
        <span className="org-status">
          <span className={statusBadgeClass(o.status)} data-testid="org-status" data-status={o.status}>
            {t(`organisations.status.${o.status}`)}
          </span>
          {o.decisionNote && (
            <span className="muted small">{t('organisations.noteShown', { note: o.decisionNote })}</span>
          )}
        </span>
      ),
    },
    {
      key: 'latest',
      header: t('organisations.latestHeader'),
      render: (o) => <LatestAssessment latest={o.latestAssessment} />,
    },
  ];
  if (mayDecide)
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (o) => (
        <div className="row-actions org-actions">
          <DecisionButtons
            organisation={o}
            busy={busy === o.id}
            asking={deciding?.id === o.id ? deciding.decision : null}
            onApprove={() => void approve(o)}
            onAsk={(decision) => {
              setNotice(null);
              setActionError(null);
              setDeciding((d) => (d?.id === o.id && d.decision === decision ? null : { id: o.id, decision }));
            }}
          />
        </div>
      ),
    });

  return (
    <Page
      title={t('organisations.title')}
      intro={t('organisations.intro', { name: selected?.fullName ?? t('common.empty') })}
    >
      <Notice>{notice}</Notice>
      <FormError error={actionError} />
      <div className="toolbar">
        {canRegisterOrganisation(role) && (
          <button
            type="button"
            className="primary"
            aria-expanded={showRegister}
            onClick={() => setShowRegister((s) => !s)}
            data-testid="org-register-toggle"
          >
            {showRegister ? t('common.close') : t('organisations.registerTitle')}
          </button>
        )}
        {mayDecide && (
          <button
            type="button"
            aria-expanded={showImport}
            onClick={() => setShowImport((s) => !s)}
            data-testid="orgs-import-toggle"
          >
            {showImport ? t('common.close') : t('organisations.importToggle')}
          </button>
        )}
        {canViewOrganisationMap(role) && (
          <button
            type="button"
            aria-expanded={showMap}
            onClick={() => setShowMap((s) => !s)}
            data-testid="org-map-toggle"
          >
            {showMap ? t('common.close') : t('organisations.map.toggle')}
          </button>
        )}
        {canViewOrganisationMap(role) && (
          <button
            type="button"
            aria-expanded={showScreening}
            onClick={() => setShowScreening((s) => !s)}
            data-testid="area-screening-toggle"
          >
            {showScreening ? t('common.close') : t('screening.title')}
          </button>
        )}
        <a
          className="button"
          href={apiHref(organisationsContract.getOrganisationsExport, { query })}
          download
          data-testid="orgs-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(organisationsContract.getOrganisationsExportCsv, { query })}
          download
          data-testid="orgs-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      {showImport && <OrganisationsImport onImported={list.reload} />}
      {showRegister && (
        <OrganisationRegisterForm
          onRegistered={(o) => {
            setShowRegister(false);
            setNotice(t('organisations.registered', { name: o.name }));
            list.reload();
          }}
        />
      )}

      <div className="filters">
        <SelectField
          label={t('organisations.statusHeader')}
          value={status}
          onChange={(v) => setStatus(v as VenueStatus | '')}
          options={[{ value: '', label: t('common.all') }, ...statusOptions(t)]}
          testId="orgs-filter-status"
        />
        <SelectField
          label={t('organisations.typeHeader')}
          value={type}
          onChange={(v) => setType(v as OrganisationType | '')}
          options={[{ value: '', label: t('common.all') }, ...typeOptions(t)]}
          testId="orgs-filter-type"
        />
        <SelectField
          label={t('organisations.groupHeader')}
          value={group}
          onChange={(v) => setGroup(v as RiskGroup | 'none' | '')}
          options={[{ value: '', label: t('common.all') }, ...groupOptions(t)]}
          testId="orgs-filter-group"
        />
        <TextField label={t('organisations.filterQ')} type="search" value={q} onChange={setQ} testId="orgs-filter-q" />
        <TextField
          label={t('organisations.filterSector')}
          type="search"
          value={sector}
          onChange={setSector}
          testId="orgs-filter-sector"
        />
        <CheckboxField
          label={t('organisations.filterOverdue')}
          checked={overdue}
          onChange={setOverdue}
          testId="orgs-filter-overdue"
        />
      </div>

      {showScreening && selected && (
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <ScreeningArea areaCode={selected.code} />
        </Suspense>
      )}
      {showMap && selected && (
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <OrganisationsMap areaCode={selected.code} query={mapQuery} onPickCommune={select} />
        </Suspense>
      )}

      <DataTable
        testId="orgs-table"
        columns={columns}
        rows={list.items}
        rowKey={(o) => o.id}
        rowClassName={(o) => (o.status === 'rejected' ? 'muted-row' : undefined)}
        renderDetail={(o) =>
          deciding?.id === o.id ? (
            <OrganisationDecisionForm
              organisation={o}
              decision={deciding.decision}
              onDone={decided}
              onCancel={() => setDeciding(null)}
            />
          ) : null
        }
      />
      <PagerFooter list={list} />
    </Page>
  );
}
