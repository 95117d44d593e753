import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quarantineContract } from '../../../../core/contracts/quarantine.ts';
import { DataTable, PagerFooter } from '../../ui/data-table.tsx';
import { CheckboxField, SelectField } from '../../ui/form.tsx';
import { useLocalities, useLocalityLabel } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { navigate } from '../../ui/router.tsx';
import { UrlTabs, useUrlTab } from '../../ui/url-tabs.tsx';
import { todayIso } from '../../ui/text.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { canManageQuarantine } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { useFacilityOptions } from '../facilities/use-facility-options.ts';
import { AdmitForm } from './admit-form.tsx';
import { CallsTab } from './calls-tab.tsx';
import { isAdmissionStatus, stayPage, statusOptions, type AdmissionStatus } from './quarantine-labels.ts';
import { useStayColumns } from './stay-columns.tsx';
import './quarantine.css';

/** Stays of the selected area, earliest end first; "releases due" = stays ending by today. */
function StaysTab() {
  const { t } = useTranslation();
  const { role } = useUser();
  const { selected } = useLocalities();
  const [facilityId, setFacilityId] = useState('');
  const [status, setStatus] = useState<AdmissionStatus | ''>('active');
  const [due, setDue] = useState(false);
  const [admitting, setAdmitting] = useState(false);
  const facilities = useFacilityOptions('quarantine_place');
  const columns = useStayColumns();
  const query = {
    locality: selected?.code,
    facilityId: facilityId || undefined,
    status: status || undefined,
    endsBy: due ? todayIso() : undefined,
  };
  const list = usePagedList(selected ? quarantineContract.getQuarantineAdmissions : null, query);

  return (
    <>
      {canManageQuarantine(role) && (
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            aria-expanded={admitting}
            onClick={() => setAdmitting((a) => !a)}
            data-testid="admit-toggle"
          >
            {admitting ? t('common.close') : t('quarantine.admit')}
          </button>
        </div>
      )}
      {admitting && <AdmitForm onAdmitted={(a) => navigate(`${stayPage(a.id)}?admitted=1`)} />}
      <div className="filters">
        <SelectField
          label={t('quarantine.facility')}
          value={facilityId}
          onChange={setFacilityId}
          options={[{ value: '', label: t('common.all') }, ...facilities]}
          testId="stays-filter-facility"
        />
        <SelectField
          label={t('quarantine.statusHeader')}
          value={status}
          onChange={(v) => setStatus(isAdmissionStatus(v) ? v : '')}
          options={[{ value: '', label: t('common.all') }, ...statusOptions(t)]}
          testId="stays-filter-status"
        />
        <CheckboxField label={t('quarantine.releasesDue')} checked={due} onChange={setDue} testId="stays-filter-due" />
      </div>
      <DataTable
        testId="stays-table"
        columns={columns}
        rows={list.items}
        rowKey={(a) => a.id}
        onRowClick={(a) => navigate(stayPage(a.id))}
      />
      <PagerFooter list={list} />
    </>
  );
}

const tabs = ['stays', 'calls'] as const;

/** Quarantine: the stays, and who to call because they have not reported today (`?tab=calls`). */
export function QuarantinePage() {
  const { t } = useTranslation();
  const { selected } = useLocalities();
  const placeLabel = useLocalityLabel();
  const tab = useUrlTab(tabs);
  return (
    <Page
      title={t('quarantine.title')}
      intro={t('quarantine.intro', { name: selected ? placeLabel(selected) : t('common.empty') })}
    >
      <UrlTabs
        path="/quarantine"
        tabs={tabs}
        current={tab}
        label={(k) => t(`quarantine.tab.${k}`)}
        ariaLabel={t('quarantine.title')}
        testId="quarantine-tab"
      >
        {tab === 'stays' ? <StaysTab /> : <CallsTab />}
      </UrlTabs>
    </Page>
  );
}
