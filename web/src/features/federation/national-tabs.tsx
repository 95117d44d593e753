import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/router.tsx';

const tabs = [
  { to: '/national', key: 'map', testId: 'national-tab-map' },
  { to: '/national/dashboard', key: 'dashboard', testId: 'national-tab-dashboard' },
  { to: '/national/weekly-report', key: 'weekly', testId: 'national-tab-weekly' },
  { to: '/national/directives', key: 'directives', testId: 'national-tab-directives' },
] as const;

/** The hub's national pages, one link each (one entry in the main menu leads to all four). */
export function NationalTabs({ current }: { current: (typeof tabs)[number]['key'] }) {
  const { t } = useTranslation();
  return (
    <nav className="toolbar" aria-label={t('nationalHub.tabs.label')}>
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          to={tab.to}
          className={tab.key === current ? 'button primary' : 'button'}
          aria-current={tab.key === current ? 'page' : undefined}
          data-testid={tab.testId}
        >
          {t(`nationalHub.tabs.${tab.key}`)}
        </Link>
      ))}
    </nav>
  );
}
