import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { AuthFrame } from './auth-frame.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';
import { useSession } from './session.tsx';
import { TwoFactorSetup } from './two-factor-setup.tsx';

/** Shown instead of the app while `user.mustChangePassword` is set. */
export function ForcedPasswordChangePage() {
  const { t } = useTranslation();
  return (
    <AuthFrame>
      <Page title={t('auth.changePasswordTitle')} intro={t('auth.mustChangeIntro')}>
        <ChangePasswordForm />
        <SignOutLink />
      </Page>
    </AuthFrame>
  );
}

/** The way out of a page that stands in front of the app until a step is done. */
function SignOutLink() {
  const { t } = useTranslation();
  const { logout } = useSession();
  return (
    <p>
      <button type="button" className="link-button" onClick={() => void logout()} data-testid="logout">
        {t('auth.logout')}
      </button>
    </p>
  );
}

/** Shown instead of the app while the account's role needs two-factor sign-in and it has none. */
export function ForcedTwoFactorPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  return (
    <AuthFrame>
      <Page title={t('security.enrolTitle')} intro={t('security.enrolRequiredIntro')}>
        <TwoFactorSetup onDone={() => void refresh()} />
        <SignOutLink />
      </Page>
    </AuthFrame>
  );
}

/** /password: a voluntary change from the user menu. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('auth.changePasswordTitle')}>
      <div className="narrow">
        <ChangePasswordForm />
        <p>
          <Link to="/">{t('auth.backToApp')}</Link>
        </p>
      </div>
    </Page>
  );
}
