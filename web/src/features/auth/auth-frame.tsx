import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LangSwitch } from '../../ui/lang-switch.tsx';

/** The frame of the pages shown outside the app shell (sign-in, forced password change). */
export function AuthFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-frame">
      <header className="auth-header">
        <span className="brand">{t('app.name')}</span>
        <LangSwitch />
      </header>
      <main id="main" className="auth-card">
        {children}
      </main>
    </div>
  );
}
