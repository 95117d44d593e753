import { useTranslation } from 'react-i18next';
import { useLocalities, useLocalityLabel } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { UrlTabs, useUrlTab } from '../../ui/url-tabs.tsx';
import {
  canPlanCampaigns,
  canRecordTests,
  canViewCampaigns,
  canViewProposals,
  canViewTestOrders,
} from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { CampaignsTab } from './campaigns-tab.tsx';
import { ImportPanel } from './import-panel.tsx';
import { OrdersTab } from './orders-tab.tsx';
import { ProposalsTab } from './proposals-tab.tsx';
import { ResultsEntry } from './results-entry.tsx';
import '../quarantine/quarantine.css';

const allTabs = ['orders', 'results', 'campaigns', 'proposals'] as const;
type Tab = (typeof allTabs)[number];
const roleSees: Record<Tab, (role: Parameters<typeof canRecordTests>[0]) => boolean> = {
  orders: canViewTestOrders,
  results: canViewTestOrders,
  campaigns: canViewCampaigns,
  proposals: canViewProposals,
};

/** Individual results typed in, or a lab's sheet imported; pool results are entered per campaign. */
function ResultsTab() {
  const { t } = useTranslation();
  const { role } = useUser();
  if (!canRecordTests(role)) return <p className="muted">{t('testing.readOnly')}</p>;
  return (
    <>
      <section className="card" aria-labelledby="results-title">
        <h2 id="results-title">{t('testing.resultsTitle')}</h2>
        <p className="muted">{t('testing.resultsHint')}</p>
        <ResultsEntry target="samples" />
      </section>
      {canPlanCampaigns(role) && (
        <section className="card" aria-labelledby="pools-title">
          <h2 id="pools-title">{t('testing.poolResultsTitle')}</h2>
          <p className="muted">{t('testing.poolResultsHint')}</p>
          <ResultsEntry target="pools" />
        </section>
      )}
      <ImportPanel />
    </>
  );
}

/** Testing: orders due, results, mass-testing campaigns and the case proposals (`?tab=`). */
export function TestingPage() {
  const { t } = useTranslation();
  const { selected } = useLocalities();
  const placeLabel = useLocalityLabel();
  const { role } = useUser();
  // Facility staff: their people's orders and results; inspectors: campaigns' counts only.
  const tabs = allTabs.filter((k) => roleSees[k](role));
  const tab = useUrlTab(tabs);
  return (
    <Page
      title={t('testing.title')}
      intro={t('testing.intro', { name: selected ? placeLabel(selected) : t('common.empty') })}
    >
      <UrlTabs
        path="/testing"
        tabs={tabs}
        current={tab}
        label={(k) => t(`testing.tab.${k}`)}
        ariaLabel={t('testing.title')}
        testId="testing-tab"
      >
        {tab === 'orders' && <OrdersTab />}
        {tab === 'results' && <ResultsTab />}
        {tab === 'campaigns' && <CampaignsTab />}
        {tab === 'proposals' && <ProposalsTab />}
      </UrlTabs>
    </Page>
  );
}
