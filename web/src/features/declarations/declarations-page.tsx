import { useTranslation } from 'react-i18next';
import { useLocalities, useLocalityLabel } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { UrlTabs, useUrlTab } from '../../ui/url-tabs.tsx';
import { ArrivalsTab } from './arrivals-tab.tsx';
import { DeclarationsTab } from './declarations-tab.tsx';
import './declarations.css';

const tabs = ['declarations', 'arrivals'] as const;

/** Health declarations: the declarations of the selected locality, and arrivals to follow up. */
export function DeclarationsPage() {
  const { t } = useTranslation();
  const { selected } = useLocalities();
  const placeLabel = useLocalityLabel();
  const tab = useUrlTab(tabs);

  return (
    <Page
      title={t('declarations.title')}
      intro={t('declarations.intro', { name: selected ? placeLabel(selected) : t('common.empty') })}
    >
      <UrlTabs
        path="/declarations"
        tabs={tabs}
        current={tab}
        ariaLabel={t('declarations.title')}
        testId="declarations-tab"
        label={(k) => (k === 'declarations' ? t('declarations.tabDeclarations') : t('declarations.tabArrivals'))}
      >
        {tab === 'declarations' ? <DeclarationsTab /> : <ArrivalsTab />}
      </UrlTabs>
    </Page>
  );
}
