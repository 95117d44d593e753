import { useTranslation } from 'react-i18next';
import { useLocalities, useLocalityLabel } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { UrlTabs, useUrlTab } from '../../ui/url-tabs.tsx';
import { canViewTreatmentStays } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { OccupancyBoard } from './occupancy-board.tsx';
import { StaysTab } from './stays-tab.tsx';
import '../quarantine/quarantine.css';
import '../cases/cases.css';
import './treatment.css';

const allTabs = ['beds', 'stays'] as const;

/** Treatment: the bed occupancy board of the area, and the patients' stays (`?tab=stays`). */
export function TreatmentPage() {
  const { t } = useTranslation();
  const { selected } = useLocalities();
  const placeLabel = useLocalityLabel();
  const { role } = useUser();
  // Inspectors read the board (counts), never the patients' stays.
  const tabs = canViewTreatmentStays(role) ? allTabs : allTabs.filter((k) => k === 'beds');
  const tab = useUrlTab(tabs);
  return (
    <Page
      title={t('treatment.title')}
      intro={t('treatment.intro', { name: selected ? placeLabel(selected) : t('common.empty') })}
    >
      <UrlTabs
        path="/treatment"
        tabs={tabs}
        current={tab}
        label={(k) => t(`treatment.tab.${k}`)}
        ariaLabel={t('treatment.title')}
        testId="treatment-tab"
      >
        {tab === 'beds' ? <OccupancyBoard /> : <StaysTab />}
      </UrlTabs>
    </Page>
  );
}
