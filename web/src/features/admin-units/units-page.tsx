import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitsContract } from '../../../../core/contracts/units.ts';
import type { UnitView } from '../../../../core/schemas/units.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { CheckboxField, Notice } from '../../ui/form.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { UnitForm } from './unit-form.tsx';

/** Admin → Reporting units: the units of the selected area, edited in place by the province's officials. */
export function UnitsPage() {
  const { t } = useTranslation();
  const tree = useLocalities();
  const [inactive, setInactive] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A province has about seventy units: one page holds them, and the supervisor list is read from it.
  const list = usePagedList(
    unitsContract.getUnits,
    { locality: tree.selected?.code, inactive: inactive ? 'true' : undefined },
    { limit: 200 },
  );

  const columns: Column<UnitView>[] = [
    { key: 'code', header: t('units.code'), render: (u) => <code>{u.code}</code> },
    { key: 'name', header: t('units.name'), render: (u) => u.name },
    { key: 'kind', header: t('units.kind'), render: (u) => t(`units.kinds.${u.kind}`) },
    { key: 'supervisor', header: t('units.supervisor'), render: (u) => u.supervisor?.name ?? t('common.empty') },
    {
      key: 'contacts',
      header: t('units.contacts'),
      render: (u) => [u.contactPhone, u.contactEmail].filter(Boolean).join(' · ') || t('common.empty'),
    },
    {
      key: 'officers',
      header: t('units.officers'),
      render: (u) =>
        u.officers.map((o) => [o.fullName, o.phone].filter(Boolean).join(' ')).join('; ') || t('common.empty'),
    },
    {
      key: 'state',
      header: t('units.state'),
      render: (u) => (
        <span className={u.active ? 'badge badge-ok' : 'badge badge-off'}>
          {t(u.active ? 'units.active' : 'units.inactive')}
        </span>
      ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (u) => (
        <button
          type="button"
          data-testid="unit-edit"
          onClick={() => {
            setNotice(null);
            setEditing((id) => (id === u.id ? null : u.id));
          }}
        >
          {t('units.edit')}
        </button>
      ),
    },
  ];

  return (
    <Page title={t('units.title')} intro={t('units.intro')}>
      <Notice>{notice}</Notice>
      <div className="filters">
        <CheckboxField
          label={t('units.showInactive')}
          checked={inactive}
          onChange={setInactive}
          testId="units-inactive"
        />
      </div>
      <DataTable
        testId="units-table"
        columns={columns}
        rows={list.items}
        rowKey={(u) => u.id}
        rowClassName={(u) => (u.active ? undefined : 'muted-row')}
        renderDetail={(u) =>
          editing === u.id ? (
            <UnitForm
              unit={u}
              supervisors={list.items}
              onCancel={() => setEditing(null)}
              onDone={(saved) => {
                setEditing(null);
                setNotice(t('units.saved'));
                list.replace((x) => x.id === saved.id, saved);
              }}
            />
          ) : null
        }
      />
      <PagerFooter list={list} />
    </Page>
  );
}
