import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Page frame: the h1 (`page-title`) and the document title. */
export function Page({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <section className="page">
      <h1 data-testid="page-title">{title}</h1>
      {intro && <p className="page-intro">{intro}</p>}
      {children}
    </section>
  );
}
