import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/page.tsx';
import { UrlTabs, useUrlTab } from '../../ui/url-tabs.tsx';
import { ForcesTab } from './forces-tab.tsx';
import { StockTab } from './stock-tab.tsx';
import { SupportTab } from './support-tab.tsx';

const tabs = ['stock', 'forces', 'support'] as const;

/**
 * "4 tại chỗ" (issue 18): what the units of the selected area have — stock in their stores, the
 * people they can call on, and the donations they received and handed out.
 */
export function ResourcesPage() {
  const { t } = useTranslation();
  const tab = useUrlTab(tabs);
  return (
    <Page title={t('resources.title')} intro={t('resources.intro')}>
      <UrlTabs
        path="/resources"
        tabs={tabs}
        current={tab}
        label={(k) => t(`resources.tab.${k}`)}
        ariaLabel={t('resources.title')}
        testId="resources-tab"
      >
        {tab === 'stock' && <StockTab />}
        {tab === 'forces' && <ForcesTab />}
        {tab === 'support' && <SupportTab />}
      </UrlTabs>
    </Page>
  );
}
