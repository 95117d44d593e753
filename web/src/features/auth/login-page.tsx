import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { Page } from '../../ui/page.tsx';
import { AuthFrame } from './auth-frame.tsx';
import { useSession } from './session.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, run } = useFormSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // On success the router takes over: password change if required, else where the user was going.
    if (!(await run(() => login(username.trim(), password)))) setPassword('');
  };

  return (
    <AuthFrame>
      <Page title={t('auth.loginTitle')}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label={t('auth.username')}
            name="username"
            value={username}
            onChange={setUsername}
            autoComplete="username"
            required
            autoFocus
            error={detailFor(error, 'username')}
            testId="login-username"
          />
          <TextField
            label={t('auth.password')}
            name="password"
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            required
            error={detailFor(error, 'password')}
            testId="login-password"
          />
          <FormError error={error} fields={['username', 'password']} testId="login-error" />
          <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
            {busy ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
      </Page>
    </AuthFrame>
  );
}
