import { useEffect, type ReactNode } from 'react';
import { useT } from './i18n/index.ts';
import { Link } from './router.tsx';

/** A page: its title (`page-title`, also the document's), and a way home. */
export function Page({ title, children, home = true }: { title: string; children: ReactNode; home?: boolean }) {
  const t = useT();
  const name = t('app.name');
  useEffect(() => {
    document.title = `${title} · ${name}`;
  }, [title, name]);
  return (
    <>
      {home && (
        <Link to="/c" className="back">
          {t('app.back')}
        </Link>
      )}
      <h1 data-testid="page-title">{title}</h1>
      {children}
    </>
  );
}
