import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArrivalRow } from '../../../../core/schemas/declarations.ts';
import { declarationsContract } from '../../../../core/contracts/declarations.ts';
import { api, ApiError, apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { CheckboxField, FormError, Notice, SelectField, type FormFailure } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useUser } from '../auth/session.tsx';
import { canFollowUpArrivals } from '../auth/permissions.ts';
import { flagLabel, followUpLabel, followUpStatuses, settableFollowUps, vehicleLabel, type FollowUp } from './codes.ts';

/** Tab 2: arrivals of the selected locality to follow up; the follow-up is set per row. */
export function ArrivalsTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { role } = useUser();
  const { selected } = useLocalities();
  const [followUp, setFollowUp] = useState<FollowUp | ''>('pending');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<FormFailure>(null);
  const mayFollowUp = canFollowUpArrivals(role);

  const query = {
    locality: selected?.code,
    followUp: followUp || undefined,
    flagged: flaggedOnly ? 'true' : undefined,
  };
  const list = usePagedList(selected ? declarationsContract.getArrivals : null, query);

  const setStatus = async (a: ArrivalRow, next: FollowUp) => {
    if (next === a.followUpStatus || next === 'none') return;
    setBusy(a.id);
    setNotice(null);
    setError(null);
    try {
      await api(declarationsContract.patchArrivalsById, { params: { id: a.id }, body: { followUpStatus: next } });
      list.replace((x) => x.id === a.id, { ...a, followUpStatus: next });
      setNotice(t('arrivals.followUpSaved', { name: a.fullName, status: followUpLabel(t, next) }));
    } catch (e) {
      setError(e instanceof ApiError ? e : t('errors.unexpected'));
    } finally {
      setBusy(null);
    }
  };

  const columns: Column<ArrivalRow>[] = [
    { key: 'submittedAt', header: t('declarations.submittedAt'), render: (a) => fmt.dateTime(a.submittedAt) },
    {
      key: 'fullName',
      header: t('declarations.fullName'),
      render: (a) => (
        <span>
          <strong>{a.fullName}</strong>
          {a.declaredByHost && (
            <span className="muted small"> · {t('arrivals.declaredByHost', { name: a.declaredByHost })}</span>
          )}
        </span>
      ),
    },
    { key: 'birthYear', header: t('declarations.birthYear'), render: (a) => a.birthYear },
    {
      key: 'phone',
      header: t('declarations.phone'),
      render: (a) => (a.phone ? <a href={`tel:${a.phone}`}>{a.phone}</a> : t('common.empty')),
    },
    {
      key: 'origin',
      header: t('arrivals.origin'),
      // The server names the place or country in the reader's language; the code is kept for the export.
      render: (a) => <span title={a.origin}>{a.originName ?? (a.origin || t('common.empty'))}</span>,
    },
    { key: 'vehicle', header: t('arrivals.vehicle'), render: (a) => vehicleLabel(t, a.vehicle) || t('common.empty') },
    { key: 'arrivedOn', header: t('arrivals.arrivedOn'), render: (a) => fmt.date(a.arrivedOn) },
    { key: 'destination', header: t('arrivals.destination'), render: (a) => a.destinationCommuneName },
    {
      key: 'flags',
      header: t('arrivals.flags'),
      render: (a) =>
        a.flagReasons.length === 0 ? (
          <span className="muted">{t('declarations.none')}</span>
        ) : (
          <span className="chips" data-testid="arrival-flags">
            {a.flagReasons.map((f) => (
              <span key={f} className="badge badge-alert">
                {flagLabel(t, f)}
              </span>
            ))}
          </span>
        ),
    },
    {
      key: 'followUp',
      header: t('arrivals.followUp'),
      render: (a) => (
        <select
          className="follow-up-select"
          aria-label={t('arrivals.followUpFor', { name: a.fullName })}
          value={a.followUpStatus}
          disabled={!mayFollowUp || busy === a.id}
          onChange={(e) => void setStatus(a, e.target.value as FollowUp)}
          data-testid="arrival-follow-up"
        >
          {a.followUpStatus === 'none' && <option value="none">{followUpLabel(t, 'none')}</option>}
          {settableFollowUps.map((s) => (
            <option key={s} value={s}>
              {followUpLabel(t, s)}
            </option>
          ))}
        </select>
      ),
    },
  ];

  return (
    <>
      <Notice>{notice}</Notice>
      <FormError error={error} />
      <div className="toolbar">
        <a
          className="button"
          href={apiHref(declarationsContract.getArrivalsExport, { query: query })}
          download
          data-testid="arrivals-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(declarationsContract.getArrivalsExportCsv, { query: query })}
          download
          data-testid="arrivals-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      <div className="filters">
        <SelectField
          label={t('arrivals.followUpFilter')}
          value={followUp}
          onChange={(v) => setFollowUp(v as FollowUp | '')}
          options={[
            { value: '', label: t('common.all') },
            ...followUpStatuses.map((s) => ({ value: s, label: followUpLabel(t, s) })),
          ]}
          testId="arrivals-filter-follow-up"
        />
        <CheckboxField
          label={t('arrivals.flaggedOnly')}
          checked={flaggedOnly}
          onChange={setFlaggedOnly}
          testId="arrivals-filter-flagged"
        />
      </div>
      {!mayFollowUp && <p className="muted small">{t('arrivals.readOnly')}</p>}
      <DataTable
        testId="arrivals-table"
        columns={columns}
        rows={list.items}
        rowKey={(a) => a.id}
        rowClassName={(a) => (a.flagged ? 'flagged-row' : undefined)}
      />
      <PagerFooter list={list} />
      <p className="muted small">{t('declarations.readLogged')}</p>
    </>
  );
}
