import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilityKind, FacilityView } from '../../../../core/schemas/facilities.ts';
import { facilitiesContract } from '../../../../core/contracts/facilities.ts';
import { apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { Notice, SelectField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, useLocalityLabel, usePlaceName } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { canManageFacilities } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { FacilityForm } from './facility-form.tsx';
import { facilityKindOptions, isFacilityKind, occupancyBadge } from './facility-labels.ts';
import { PlacementPanel } from './placement-panel.tsx';
import '../quarantine/quarantine.css';

/** Capacity per kind offered: "Chỗ cách ly 12/40", badge coloured by how full it is. */
function CapacityCell({ f }: { f: FacilityView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const offered = f.capacity.filter((c) => c.capacity > 0 || c.occupied > 0);
  if (offered.length === 0) return <span className="muted">{t('common.empty')}</span>;
  return (
    <ul className="capacity-list">
      {offered.map((c) => (
        <li key={c.kind}>
          <span>{t(`facilities.capacityKind.${c.kind}`)}</span>{' '}
          <span className={occupancyBadge(c)} data-testid={`facility-capacity-${f.id}-${c.kind}`}>
            {fmt.number(c.occupied)}/{fmt.number(c.capacity)} · {fmt.number(c.percent)}%
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Facilities of the selected area with their occupancy by kind and an alert badge past the
 * threshold; the health department adds and edits them. The placement search sits below.
 */
export function FacilitiesPage() {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const { role } = useUser();
  const { selected } = useLocalities();
  const placeLabel = useLocalityLabel();
  const [kind, setKind] = useState<FacilityKind | ''>('');
  const [status, setStatus] = useState<'active' | 'closed' | ''>('active');
  const [editing, setEditing] = useState<FacilityView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mayManage = canManageFacilities(role);
  const query = { locality: selected?.code, kind: kind || undefined, status: status || undefined };
  const list = usePagedList(selected ? facilitiesContract.getFacilities : null, query);

  const columns: Column<FacilityView>[] = [
    {
      key: 'name',
      header: t('facilities.name'),
      render: (f) => (
        <span>
          <strong>{f.name}</strong>
          {f.alert && (
            <>
              {' '}
              <span className="badge badge-alert" data-testid={`facility-alert-${f.id}`}>
                {t('facilities.alertBadge')}
              </span>
            </>
          )}
          <br />
          <span className="muted small">{f.addressLine}</span>
        </span>
      ),
    },
    { key: 'kind', header: t('facilities.kindHeader'), render: (f) => t(`facilities.kind.${f.kind}`) },
    { key: 'commune', header: t('facilities.commune'), render: (f) => nameOf(f.communeCode, f.communeName) },
    { key: 'capacity', header: t('facilities.capacityHeader'), render: (f) => <CapacityCell f={f} /> },
    {
      key: 'status',
      header: t('facilities.statusHeader'),
      render: (f) => (
        <span className={f.status === 'active' ? 'badge badge-ok' : 'badge badge-off'}>
          {t(`facilities.status.${f.status}`)}
        </span>
      ),
    },
    ...(mayManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (f: FacilityView) => (
              <button type="button" onClick={() => setEditing(f)} data-testid={`facility-edit-${f.id}`}>
                {t('facilities.edit')}
              </button>
            ),
          },
        ]
      : []),
  ];

  const saved = (f: FacilityView, created: boolean) => {
    setEditing(null);
    setNotice(t(created ? 'facilities.created' : 'facilities.updated', { name: f.name }));
    if (created) list.reload();
    else list.replace((x) => x.id === f.id, f);
  };

  return (
    <Page
      title={t('facilities.title')}
      intro={t('facilities.intro', { name: selected ? placeLabel(selected) : t('common.empty') })}
    >
      <div className="toolbar">
        {mayManage && (
          <button
            type="button"
            className="primary"
            aria-expanded={editing === 'new'}
            onClick={() => setEditing((e) => (e === 'new' ? null : 'new'))}
            data-testid="facility-create-toggle"
          >
            {editing === 'new' ? t('common.close') : t('facilities.newFacility')}
          </button>
        )}
        <a
          className="button"
          href={apiHref(facilitiesContract.getFacilitiesExport, { query: query })}
          download
          data-testid="facilities-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(facilitiesContract.getFacilitiesExportCsv, { query: query })}
          download
          data-testid="facilities-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      <Notice>{notice}</Notice>
      {editing && (
        <FacilityForm
          key={editing === 'new' ? 'new' : editing.id}
          facility={editing === 'new' ? null : editing}
          onSaved={(f) => saved(f, editing === 'new')}
          onCancel={() => setEditing(null)}
        />
      )}
      <div className="filters">
        <SelectField
          label={t('facilities.kindHeader')}
          value={kind}
          onChange={(v) => setKind(isFacilityKind(v) ? v : '')}
          options={[{ value: '', label: t('common.all') }, ...facilityKindOptions(t)]}
          testId="facilities-filter-kind"
        />
        <SelectField
          label={t('facilities.statusHeader')}
          value={status}
          onChange={(v) => setStatus(v === 'active' || v === 'closed' ? v : '')}
          options={[
            { value: '', label: t('common.all') },
            { value: 'active', label: t('facilities.status.active') },
            { value: 'closed', label: t('facilities.status.closed') },
          ]}
          testId="facilities-filter-status"
        />
      </div>
      <DataTable
        testId="facilities-table"
        columns={columns}
        rows={list.items}
        rowKey={(f) => f.id}
        rowClassName={(f) => (f.alert ? 'row-alert' : undefined)}
      />
      <PagerFooter list={list} />
      <PlacementPanel />
    </Page>
  );
}
