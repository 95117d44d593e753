import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authContract } from '../../../../core/contracts/auth.ts';
import { api, setReauthHandler } from '../../ui/api.ts';
import { FormError, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { useSession } from './session.tsx';

/**
 * Asks for the password (and the authenticator's code) when the server answers REAUTH_REQUIRED;
 * the request that met it is sent again once this succeeds. Requests meeting it together share
 * one dialog.
 */
export function ReauthDialog() {
  const { t } = useTranslation();
  const { state } = useSession();
  const withCode = state.status === 'authed' && state.user.twoFactorEnabled;
  const dialog = useRef<HTMLDialogElement>(null);
  const pending = useRef<{ promise: Promise<boolean>; resolve(ok: boolean): void } | null>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const { error, setError, busy, run } = useFormSubmit();

  useEffect(() => {
    setReauthHandler(() => {
      if (!pending.current) {
        let resolve: (ok: boolean) => void = () => {};
        const promise = new Promise<boolean>((r) => (resolve = r));
        pending.current = { promise, resolve };
        setPassword('');
        setCode('');
        setError(null);
        dialog.current?.showModal();
      }
      return pending.current.promise;
    });
    return () => setReauthHandler(async () => false);
  }, [setError]);

  const finish = (ok: boolean) => {
    dialog.current?.close();
    pending.current?.resolve(ok);
    pending.current = null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await run(() =>
      api(authContract.postAuthReauth, { body: withCode ? { password, code: code.trim() } : { password } }),
    );
    if (ok) finish(true);
    else setCode('');
  };

  return (
    <dialog
      ref={dialog}
      className="reauth-dialog"
      aria-labelledby="reauth-title"
      onCancel={() => finish(false)}
      data-testid="reauth-dialog"
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="reauth-title">{t('security.reauthTitle')}</h2>
        <p className="muted">{t('security.reauthIntro')}</p>
        <TextField
          label={t('auth.password')}
          type="password"
          name="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          required
          autoFocus
          error={detailFor(error, 'password')}
          testId="reauth-password"
        />
        {withCode && (
          <TextField
            label={t('security.codeLabel')}
            name="code"
            value={code}
            onChange={setCode}
            autoComplete="one-time-code"
            hint={t('security.codeHint')}
            required
            error={detailFor(error, 'code')}
            testId="reauth-code"
          />
        )}
        <FormError error={error} fields={['password', 'code']} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="reauth-submit">
            {t('security.reauthSubmit')}
          </button>
          <button type="button" onClick={() => finish(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
