import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setLang, type Lang } from '../i18n/index.ts';

/**
 * VI / EN switch, always visible. The two buttons pick a language; a click on the container
 * itself (e.g. on the separator in its middle) toggles.
 */
export function LangSwitch() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const toggle = (e: MouseEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('button')) return;
    setLang(lang === 'vi' ? 'en' : 'vi');
  };
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')} data-testid="lang-switch" onClick={toggle}>
      <button
        type="button"
        lang="vi"
        title={t('lang.vi')}
        aria-pressed={lang === 'vi'}
        onClick={() => setLang('vi')}
        data-testid="lang-vi"
      >
        VI
      </button>
      <span className="lang-sep" aria-hidden="true">
        /
      </span>
      <button
        type="button"
        lang="en"
        title={t('lang.en')}
        aria-pressed={lang === 'en'}
        onClick={() => setLang('en')}
        data-testid="lang-en"
      >
        EN
      </button>
    </div>
  );
}
