import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VenueDecision, VenueStatus } from '../../../../core/rules/venue-status.ts';
import type { VenueType, VenueView } from '../../../../core/schemas/venues.ts';
import { venuesContract } from '../../../../core/contracts/venues.ts';
import { api, ApiError, apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { FormError, Notice, SelectField, TextField, type FormFailure } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useAddressLine, useLocalities, useLocalityLabel } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { useDebounced } from '../../ui/use-debounced.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import {
  canDecideVenues,
  canListVenues,
  canOperateGates,
  canRegisterVenue,
  canViewCheckinCounts,
  canViewCases,
} from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { CheckinCounts } from './checkin-counts.tsx';
import { ExposureCounts } from './exposure-counts.tsx';
import { VenueDecisionForm } from './venue-decision-form.tsx';
import { statusBadgeClass, statusOptions, typeOptions } from './venue-labels.ts';
import { VenueRegisterForm } from './venue-register-form.tsx';
import { PosterAddressWarning, usePosterAddress } from './poster-address-warning.tsx';
import './venues.css';

type Deciding = { id: string; decision: Exclude<VenueDecision, 'approve'> };

/** Venues & check-in; an inspector sees the check-in counts per venue only. */
export function VenuesPage() {
  const { t } = useTranslation();
  const { role } = useUser();
  const { selected } = useLocalities();
  const placeLabel = useLocalityLabel();
  if (canListVenues(role)) return <VenueRegistry />;
  return (
    <Page
      title={t('venues.title')}
      intro={t('venues.intro', { name: selected ? placeLabel(selected) : t('common.empty') })}
    >
      {canViewCheckinCounts(role) && <CheckinCounts />}
      {canViewCases(role) && <ExposureCounts />}
    </Page>
  );
}

/**
 * The venues of the selected locality (organisations: their own), registration, approval, poster
 * and QR, links to the gate scanner and the entries; check-in counts below.
 */
function VenueRegistry() {
  const { t } = useTranslation();
  const addressOf = useAddressLine();
  const fmt = useFormat();
  const { role } = useUser();
  const { selected } = useLocalities();
  const placeLabel = useLocalityLabel();
  const [status, setStatus] = useState<VenueStatus | ''>('');
  const [type, setType] = useState<VenueType | ''>('');
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim());
  const [showRegister, setShowRegister] = useState(false);
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<FormFailure>(null);
  const mayDecide = canDecideVenues(role);
  const mayGate = canOperateGates(role);
  const posterAddress = usePosterAddress();
  const printable = posterAddress?.printable ?? true;

  const query = {
    locality: selected?.code,
    status: status || undefined,
    type: type || undefined,
    q: debouncedQ || undefined,
  };
  const list = usePagedList(selected ? venuesContract.getVenues : null, query);

  const decided = (v: VenueView) => {
    list.replace((x) => x.id === v.id, v);
    setDeciding(null);
    setNotice(t('venues.decided', { name: v.name, status: t(`venues.status.${v.status}`) }));
  };

  const approve = async (v: VenueView) => {
    setBusy(v.id);
    setNotice(null);
    setActionError(null);
    try {
      decided(await api(venuesContract.postVenuesDecision, { params: { id: v.id }, body: { decision: 'approve' } }));
    } catch (e) {
      setActionError(e instanceof ApiError ? e : t('errors.unexpected'));
    } finally {
      setBusy(null);
    }
  };

  const toggleDecision = (v: VenueView, decision: Deciding['decision']) => {
    setNotice(null);
    setActionError(null);
    setDeciding((d) => (d?.id === v.id && d.decision === decision ? null : { id: v.id, decision }));
  };

  const columns: Column<VenueView>[] = [
    {
      key: 'name',
      header: t('venues.name'),
      render: (v) => (
        <span className="venue-name">
          <strong>{v.name}</strong>
          <span className="muted small">{v.organisationName}</span>
          <code className="small">{v.publicCode}</code>
        </span>
      ),
    },
    { key: 'type', header: t('venues.typeHeader'), render: (v) => t(`venues.type.${v.type}`) },
    {
      key: 'address',
      header: t('venues.addressLine'),
      render: (v) => <span>{addressOf(v.addressLine, v.communeCode, v.communeName)}</span>,
    },
    {
      key: 'status',
      header: t('venues.statusHeader'),
      render: (v) => (
        <span className="venue-status">
          <span className={statusBadgeClass(v.status)} data-testid="venue-status" data-status={v.status}>
            {t(`venues.status.${v.status}`)}
          </span>
          {v.decisionNote && <span className="muted small">{t('venues.noteShown', { note: v.decisionNote })}</span>}
          {v.decidedAt && (
            <span className="muted small">
              {t('venues.decidedBy', { name: v.decidedByName ?? t('common.empty'), time: fmt.dateTime(v.decidedAt) })}
            </span>
          )}
        </span>
      ),
    },
    { key: 'gatePolicy', header: t('venues.gatePolicyHeader'), render: (v) => t(`venues.gatePolicy.${v.gatePolicy}`) },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (v) => {
        const approved = v.status === 'approved';
        const can = (d: VenueDecision) => mayDecide && v.allowedDecisions.includes(d);
        return (
          <div className="row-actions venue-actions">
            {can('approve') && (
              <button
                type="button"
                className="primary"
                disabled={busy === v.id}
                onClick={() => void approve(v)}
                data-testid="venue-approve"
              >
                {v.status === 'suspended' ? t('venues.reinstate') : t('venues.approve')}
              </button>
            )}
            {can('reject') && (
              <button
                type="button"
                aria-expanded={deciding?.id === v.id && deciding.decision === 'reject'}
                onClick={() => toggleDecision(v, 'reject')}
                data-testid="venue-reject"
              >
                {t('venues.reject')}
              </button>
            )}
            {can('suspend') && (
              <button
                type="button"
                aria-expanded={deciding?.id === v.id && deciding.decision === 'suspend'}
                onClick={() => toggleDecision(v, 'suspend')}
                data-testid="venue-suspend"
              >
                {t('venues.suspend')}
              </button>
            )}
            {approved && mayGate && (
              <Link className="button" to={`/venues/${encodeURIComponent(v.id)}/gate`} data-testid="venue-gate-link">
                {t('venues.gateLink')}
              </Link>
            )}
            {mayGate && (
              <Link
                className="button"
                to={`/venues/${encodeURIComponent(v.id)}/entries`}
                data-testid="venue-entries-link"
              >
                {t('venues.entriesLink')}
              </Link>
            )}
            {approved && !printable && (
              <span className="muted small" data-testid="venue-poster-unavailable">
                {t('venues.posterUnavailable')}
              </span>
            )}
            {approved && printable && (
              <>
                <a
                  className="button"
                  href={apiHref(venuesContract.getVenuesPoster, { params: { id: v.id } })}
                  target="_blank"
                  rel="noopener"
                  data-testid="venue-poster-link"
                >
                  {t('venues.posterLink')}
                </a>
                <a
                  className="button"
                  href={apiHref(venuesContract.getVenuesQr, { params: { id: v.id } })}
                  target="_blank"
                  rel="noopener"
                  data-testid="venue-qr-link"
                >
                  {t('venues.qrLink')}
                </a>
              </>
            )}
          </div>
        );
      },
    },
  ];

  return (
    <Page
      title={t('venues.title')}
      intro={t('venues.intro', { name: selected ? placeLabel(selected) : t('common.empty') })}
    >
      <PosterAddressWarning address={posterAddress} audience="venues" />
      <Notice>{notice}</Notice>
      <FormError error={actionError} />
      <div className="toolbar">
        {canRegisterVenue(role) && (
          <button
            type="button"
            className="primary"
            aria-expanded={showRegister}
            onClick={() => setShowRegister((s) => !s)}
            data-testid="venue-register-toggle"
          >
            {showRegister ? t('common.close') : t('venues.registerTitle')}
          </button>
        )}
        <a
          className="button"
          href={apiHref(venuesContract.getVenuesExport, { query: query })}
          download
          data-testid="venues-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(venuesContract.getVenuesExportCsv, { query: query })}
          download
          data-testid="venues-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      {showRegister && (
        <VenueRegisterForm
          onRegistered={(v) => {
            setShowRegister(false);
            setNotice(t('venues.registered', { name: v.name }));
            list.reload();
          }}
        />
      )}

      <div className="filters">
        <SelectField
          label={t('venues.statusHeader')}
          value={status}
          onChange={(v) => setStatus(v as VenueStatus | '')}
          options={[{ value: '', label: t('common.all') }, ...statusOptions(t)]}
          testId="venues-filter-status"
        />
        <SelectField
          label={t('venues.typeHeader')}
          value={type}
          onChange={(v) => setType(v as VenueType | '')}
          options={[{ value: '', label: t('common.all') }, ...typeOptions(t)]}
          testId="venues-filter-type"
        />
        <TextField label={t('venues.filterQ')} type="search" value={q} onChange={setQ} testId="venues-filter-q" />
      </div>

      <DataTable
        testId="venues-table"
        columns={columns}
        rows={list.items}
        rowKey={(v) => v.id}
        rowClassName={(v) => (v.status === 'rejected' ? 'muted-row' : undefined)}
        renderDetail={(v) =>
          deciding?.id === v.id ? (
            <VenueDecisionForm
              venue={v}
              decision={deciding.decision}
              onDone={decided}
              onCancel={() => setDeciding(null)}
            />
          ) : null
        }
      />
      <PagerFooter list={list} />

      {canViewCheckinCounts(role) && <CheckinCounts />}
      {canViewCases(role) && <ExposureCounts />}
    </Page>
  );
}
