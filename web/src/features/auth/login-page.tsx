import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../ui/api.ts';
import { FormError, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { Page } from '../../ui/page.tsx';
import { AuthFrame } from './auth-frame.tsx';
import { useSession } from './session.tsx';

/**
 * Sign-in: username and password, then, for accounts with two-factor sign-in (the server answers
 * SECOND_FACTOR_REQUIRED), the authenticator's code or a recovery code.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [askCode, setAskCode] = useState(false);
  const { error, setError, busy, run } = useFormSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // On success the router takes over: account setup if required, else where the user was going.
    const ok = await run(async () => {
      try {
        await login(username.trim(), password, askCode ? code.trim() : undefined);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'SECOND_FACTOR_REQUIRED' && !askCode) return setAskCode(true);
        throw err;
      }
    });
    if (!ok) {
      if (askCode) setCode('');
      else setPassword('');
    }
  };

  const otherAccount = () => {
    setAskCode(false);
    setCode('');
    setPassword('');
    setError(null);
  };

  return (
    <AuthFrame>
      <Page title={t('auth.loginTitle')} intro={askCode ? t('security.codeIntro') : undefined}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          {askCode ? (
            <>
              <p>
                <strong data-testid="login-code-username">{username.trim()}</strong>
              </p>
              <TextField
                key="code"
                label={t('security.codeLabel')}
                name="code"
                value={code}
                onChange={setCode}
                autoComplete="one-time-code"
                hint={t('security.codeHint')}
                required
                autoFocus
                error={detailFor(error, 'code')}
                testId="login-code"
              />
            </>
          ) : (
            <>
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
            </>
          )}
          <FormError error={error} fields={['username', 'password', 'code']} testId="login-error" />
          <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
            {busy ? t('auth.submitting') : askCode ? t('security.verify') : t('auth.submit')}
          </button>
          {askCode && (
            <p>
              <button type="button" className="link-button" onClick={otherAccount} data-testid="login-other-account">
                {t('security.otherAccount')}
              </button>
            </p>
          )}
        </form>
      </Page>
    </AuthFrame>
  );
}
