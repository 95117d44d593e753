import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilityView, StayView } from '../../../../core/schemas/facilities.ts';
import { facilitiesContract } from '../../../../core/contracts/facilities.ts';
import { treatmentContract } from '../../../../core/contracts/treatment.ts';
import { api, apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { Notice, SelectField, type Option } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { Link } from '../../ui/router.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { canManageTreatment } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { AdmitStayForm } from './admit-stay-form.tsx';
import { DischargeForm } from './discharge-form.tsx';
import { bedKinds } from './treatment-labels.ts';

type OpenFilter = 'true' | 'false' | '';

/**
 * Facilities of the area that have beds, for the filter. One page of 500 is plenty for a
 * province (as in `useFacilityOptions`); a failure leaves only "all".
 */
function useBedFacilities(): Option[] {
  const { selected } = useLocalities();
  const [items, setItems] = useState<FacilityView[]>([]);
  useEffect(() => {
    let live = true;
    api(facilitiesContract.getFacilities, { query: { locality: selected?.code, limit: 500 } })
      .then((p) => live && setItems(p.items))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [selected?.code]);
  return items
    .filter((f) =>
      f.capacity.some((c) => (bedKinds as readonly string[]).includes(c.kind) && (c.capacity > 0 || c.occupied > 0)),
    )
    .map((f) => ({ value: f.id, label: f.name }));
}

/** "Người bệnh đang điều trị": stays of the area, latest admission first, with admit and discharge. */
export function StaysTab() {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const fmt = useFormat();
  const { role } = useUser();
  const { selected } = useLocalities();
  const facilities = useBedFacilities();
  const [facilityId, setFacilityId] = useState('');
  const [open, setOpen] = useState<OpenFilter>('true');
  const [admitting, setAdmitting] = useState(false);
  const [discharging, setDischarging] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mayRecord = canManageTreatment(role);
  const query = { locality: selected?.code, facilityId: facilityId || undefined, open: open || undefined };
  const list = usePagedList(selected ? treatmentContract.getTreatmentStays : null, query);

  const columns: Column<StayView>[] = [
    {
      key: 'case',
      header: t('treatment.caseNumber'),
      render: (s) => (
        <Link
          to={`/cases/${encodeURIComponent(s.caseId)}`}
          className="case-no"
          data-testid={`stay-case-${s.caseNumber}`}
        >
          {s.caseNumber}
        </Link>
      ),
    },
    { key: 'name', header: t('treatment.fullName'), render: (s) => <strong>{s.fullName ?? t('common.empty')}</strong> },
    {
      key: 'facility',
      header: t('treatment.facility'),
      render: (s) => (
        <span>
          {s.facilityName}
          <br />
          <span className="muted small">{nameOf(s.communeCode, s.communeName)}</span>
        </span>
      ),
    },
    { key: 'bed', header: t('treatment.bedKind'), render: (s) => t(`facilities.capacityKind.${s.bedKind}`) },
    { key: 'admitted', header: t('treatment.admittedAt'), render: (s) => fmt.dateTime(s.admittedAt) },
    {
      key: 'status',
      header: t('treatment.statusHeader'),
      render: (s) =>
        s.outcome ? (
          <span>
            <span
              className={s.outcome === 'recovered' ? 'badge badge-ok' : 'badge badge-off'}
              data-testid={`stay-outcome-${s.caseNumber}`}
              data-outcome={s.outcome}
            >
              {t(`treatment.outcome.${s.outcome}`)}
            </span>
            <br />
            <span className="muted small">{fmt.dateTime(s.dischargedAt)}</span>
          </span>
        ) : (
          <span className="badge badge-warn" data-testid={`stay-outcome-${s.caseNumber}`} data-outcome="">
            {t('treatment.stillAdmitted')}
          </span>
        ),
    },
    ...(mayRecord
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (s: StayView) =>
              s.dischargedAt ? null : (
                <button
                  type="button"
                  aria-expanded={discharging === s.id}
                  onClick={() => setDischarging((d) => (d === s.id ? null : s.id))}
                  data-testid={`stay-discharge-${s.caseNumber}`}
                >
                  {t('treatment.discharge')}
                </button>
              ),
          },
        ]
      : []),
  ];

  const discharged = (s: StayView) => {
    setDischarging(null);
    setNotice(
      t('treatment.discharged', {
        name: s.fullName ?? s.caseNumber,
        outcome: t(`treatment.outcome.${s.outcome ?? 'recovered'}`),
      }),
    );
    // Under "still admitted" the row leaves the list; otherwise it changes in place.
    if (open === 'true') list.reload();
    else list.replace((x) => x.id === s.id, s);
  };

  return (
    <>
      <div className="toolbar">
        {mayRecord && (
          <button
            type="button"
            className="primary"
            aria-expanded={admitting}
            onClick={() => setAdmitting((a) => !a)}
            data-testid="stay-admit-toggle"
          >
            {admitting ? t('common.close') : t('treatment.admit')}
          </button>
        )}
        <a
          className="button"
          href={apiHref(treatmentContract.getTreatmentStaysExport, { query: query })}
          download
          data-testid="stays-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(treatmentContract.getTreatmentStaysExportCsv, { query: query })}
          download
          data-testid="stays-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      <Notice>{notice}</Notice>
      {admitting && (
        <AdmitStayForm
          onCancel={() => setAdmitting(false)}
          onSubmitting={() => setNotice(null)}
          onAdmitted={(s) => {
            setNotice(
              t('treatment.admitted', {
                name: s.fullName ?? s.caseNumber,
                caseNumber: s.caseNumber,
                facility: s.facilityName,
              }),
            );
            list.reload();
          }}
        />
      )}
      <div className="filters">
        <SelectField
          label={t('treatment.filterFacility')}
          value={facilityId}
          onChange={setFacilityId}
          options={[{ value: '', label: t('common.all') }, ...facilities]}
          testId="stays-filter-facility"
        />
        <SelectField
          label={t('treatment.filterOpen')}
          value={open}
          onChange={(v) => setOpen(v === 'true' || v === 'false' ? v : '')}
          options={[
            { value: 'true', label: t('treatment.openOnly') },
            { value: 'false', label: t('treatment.closedOnly') },
            { value: '', label: t('common.all') },
          ]}
          testId="stays-filter-open"
        />
      </div>
      <DataTable
        testId="treatment-stays"
        columns={columns}
        rows={list.items}
        rowKey={(s) => s.id}
        renderDetail={(s) =>
          discharging === s.id ? (
            <DischargeForm stay={s} onDone={discharged} onCancel={() => setDischarging(null)} />
          ) : null
        }
      />
      <PagerFooter list={list} />
    </>
  );
}
