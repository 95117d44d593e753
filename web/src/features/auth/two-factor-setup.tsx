import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TwoFactorEnrolment } from '../../../../core/schemas/auth.ts';
import { accountContract } from '../../../../core/contracts/account.ts';
import { api } from '../../ui/api.ts';
import { FormError, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { TotpQr } from './totp-qr.tsx';

/** Ten recovery codes, shown once, with a copy button. */
export function RecoveryCodesView({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied(true);
    } catch {
      // clipboard refused (plain HTTP): the codes stay selectable
    }
  };
  return (
    <div className="alert alert-secret" role="status" data-testid="recovery-codes">
      <p>
        <strong>{t('security.recoveryTitle')}</strong>
      </p>
      <p>{t('security.recoveryIntro')}</p>
      <ol className="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <p className="secret-row">
        <button type="button" onClick={() => void copy()}>
          {copied ? t('common.copied') : t('common.copy')}
        </button>
        <button type="button" className="primary" onClick={onDone} data-testid="recovery-done">
          {t('security.recoveryDone')}
        </button>
      </p>
    </div>
  );
}

/**
 * Enrolment of an authenticator: the server makes the secret (QR and base32 to type), a code of
 * the app confirms it, then the recovery codes are shown once. `onDone` after they were seen.
 */
export function TwoFactorSetup({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const { error, busy, run } = useFormSubmit();

  const start = () => run(async () => setEnrolment(await api(accountContract.postAuth2faEnrol)));
  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await run(async () => {
      const answer = await api(accountContract.postAuth2faConfirm, { body: { code: code.trim() } });
      setCodes(answer.recoveryCodes);
    });
    if (!ok) setCode('');
  };

  if (codes) return <RecoveryCodesView codes={codes} onDone={onDone} />;
  if (!enrolment) {
    return (
      <div data-testid="totp-setup">
        <FormError error={error} />
        <button type="button" className="primary" disabled={busy} onClick={() => void start()} data-testid="totp-start">
          {t('security.enrolStart')}
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void confirm(e)} noValidate data-testid="totp-setup">
      <p>{t('security.scanQr')}</p>
      <TotpQr uri={enrolment.uri} label={t('security.qrAlt')} />
      <p className="muted">{t('security.manualEntry')}</p>
      <p>
        <code className="secret" data-testid="totp-secret">
          {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
        </code>
      </p>
      <TextField
        label={t('security.typeCode')}
        name="code"
        value={code}
        onChange={setCode}
        autoComplete="one-time-code"
        required
        error={detailFor(error, 'code')}
        testId="totp-code"
      />
      <FormError error={error} fields={['code']} />
      <button type="submit" className="primary" disabled={busy} data-testid="totp-confirm">
        {busy ? t('common.saving') : t('security.confirm')}
      </button>
    </form>
  );
}
