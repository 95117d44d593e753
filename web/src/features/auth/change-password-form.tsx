import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, Notice, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { useSession } from './session.tsx';

/** POST /api/auth/password. Used when the account must change its password, and from the menu. */
export function ChangePasswordForm({ onDone }: { onDone?(): void }) {
  const { t } = useTranslation();
  const { changePassword } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { error, setError, busy, run } = useFormSubmit();
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if ([...next].length < 12) return setError(t('auth.passwordTooShort'));
    if (next !== confirm) return setError(t('auth.passwordMismatch'));
    await run(async () => {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
      onDone?.();
    });
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="change-password-form">
      <TextField
        label={t('auth.currentPassword')}
        type="password"
        name="currentPassword"
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
        required
        error={detailFor(error, 'currentPassword')}
        testId="password-current"
      />
      <TextField
        label={t('auth.newPassword')}
        type="password"
        name="newPassword"
        value={next}
        onChange={setNext}
        autoComplete="new-password"
        hint={t('auth.newPasswordHint')}
        required
        error={detailFor(error, 'newPassword')}
        testId="password-new"
      />
      <TextField
        label={t('auth.confirmPassword')}
        type="password"
        name="confirmPassword"
        value={confirm}
        onChange={setConfirm}
        autoComplete="new-password"
        required
        testId="password-confirm"
      />
      <FormError error={error} fields={['currentPassword', 'newPassword']} testId="password-error" />
      {done && <Notice>{t('auth.passwordChanged')}</Notice>}
      <button type="submit" className="primary" disabled={busy} data-testid="password-submit">
        {busy ? t('common.saving') : t('auth.changePassword')}
      </button>
    </form>
  );
}
