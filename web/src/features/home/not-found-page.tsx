import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} intro={t('notFound.text')}>
      <p>
        <Link to="/">{t('notFound.backHome')}</Link>
      </p>
    </Page>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('forbidden.title')} intro={t('forbidden.text')}>
      <p>
        <Link to="/">{t('notFound.backHome')}</Link>
      </p>
    </Page>
  );
}
