import { useTranslation } from 'react-i18next';
import { useLocalities } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { navigate, useLocation } from '../../ui/router.tsx';
import { ArrivalsTab } from './arrivals-tab.tsx';
import { DeclarationsTab } from './declarations-tab.tsx';
import './declarations.css';

const tabs = ['declarations', 'arrivals'] as const;
type Tab = (typeof tabs)[number];

/** Health declarations: the declarations of the selected locality, and arrivals to follow up. */
export function DeclarationsPage() {
  const { t } = useTranslation();
  const { selected } = useLocalities();
  const { search } = useLocation();
  // The tab lives in the address (?tab=arrivals), so it survives a reload and can be shared.
  const tab: Tab = search.get('tab') === 'arrivals' ? 'arrivals' : 'declarations';
  const label = (k: Tab) => (k === 'declarations' ? t('declarations.tabDeclarations') : t('declarations.tabArrivals'));

  return (
    <Page title={t('declarations.title')} intro={t('declarations.intro', { name: selected?.fullName ?? t('common.empty') })}>
      <div className="tabs" role="tablist" aria-label={t('declarations.title')}>
        {tabs.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`tabpanel-${k}`}
            className={tab === k ? 'tab active' : 'tab'}
            onClick={() => navigate(k === 'declarations' ? '/declarations' : '/declarations?tab=arrivals', { replace: true })}
            data-testid={`declarations-tab-${k}`}
          >
            {label(k)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'declarations' ? <DeclarationsTab /> : <ArrivalsTab />}
      </div>
    </Page>
  );
}
