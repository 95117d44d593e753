import type { ReactNode } from 'react';
import { navigate, useLocation } from './router.tsx';

/**
 * The tab of a page lives in the address (`?tab=…`), so it survives a reload and can be shared.
 * The first tab is the page's own address without `?tab`.
 */
export function useUrlTab<T extends string>(tabs: readonly T[]): T {
  const asked = useLocation().search.get('tab');
  return tabs.find((k) => k === asked) ?? tabs[0]!;
}

interface UrlTabsProps<T extends string> {
  /** The page's address, e.g. '/cases'. */
  path: string;
  tabs: readonly T[];
  current: T;
  label: (tab: T) => string;
  ariaLabel: string;
  /** data-testid of each tab button: `${testId}-${tab}`. */
  testId: string;
  children: ReactNode;
}

/** An accessible tab bar whose tabs are addresses, and the panel of the current one. */
export function UrlTabs<T extends string>({
  path,
  tabs,
  current,
  label,
  ariaLabel,
  testId,
  children,
}: UrlTabsProps<T>) {
  return (
    <>
      <div className="tabs" role="tablist" aria-label={ariaLabel}>
        {tabs.map((k, i) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={current === k}
            aria-controls={`tabpanel-${k}`}
            className={current === k ? 'tab active' : 'tab'}
            onClick={() => navigate(i === 0 ? path : `${path}?tab=${k}`, { replace: true })}
            data-testid={`${testId}-${k}`}
          >
            {label(k)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${current}`} aria-labelledby={`tab-${current}`}>
        {children}
      </div>
    </>
  );
}
