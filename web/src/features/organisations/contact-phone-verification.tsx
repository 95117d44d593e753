import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationsContract } from '../../../../core/contracts/organisations.ts';
import { api, ApiError } from '../../ui/api.ts';
import { FormError, TextField, type FormFailure } from '../../ui/form.tsx';

/**
 * Proves the COVID-safety contact's phone answers: a code is sent to it, and whoever holds the
 * phone reads it out to be typed here (the organisation, or the commune for it).
 */
export function ContactPhoneVerification({
  organisationId,
  onVerified,
}: {
  organisationId: string;
  onVerified(at: string): void;
}) {
  const { t } = useTranslation();
  const [challengeId, setChallengeId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormFailure>(null);

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e instanceof ApiError ? e : t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };
  const send = () =>
    run(async () => {
      const r = await api(organisationsContract.postOrganisationsPhoneOtp, { params: { id: organisationId } });
      setChallengeId(r.challengeId);
      setCode('');
    });
  const verify = (e: FormEvent) => {
    e.preventDefault();
    if (!challengeId) return;
    void run(async () => {
      const r = await api(organisationsContract.postOrganisationsVerifyPhone, {
        params: { id: organisationId },
        body: { challengeId, code: code.trim() },
      });
      onVerified(r.verifiedAt);
    });
  };

  return (
    <div className="org-phone-verify" data-testid="org-phone-verify">
      <FormError error={error} />
      {challengeId ? (
        <form className="form-inline" onSubmit={verify}>
          <TextField
            label={t('organisations.phoneVerify.code')}
            value={code}
            onChange={setCode}
            testId="org-phone-code"
          />
          <button type="submit" className="primary" disabled={busy || !/^\d{6}$/.test(code.trim())}>
            {t('organisations.phoneVerify.verify')}
          </button>
          <button type="button" className="link-button" disabled={busy} onClick={() => void send()}>
            {t('organisations.phoneVerify.resend')}
          </button>
        </form>
      ) : (
        <button type="button" disabled={busy} onClick={() => void send()} data-testid="org-phone-send">
          {t('organisations.phoneVerify.send')}
        </button>
      )}
    </div>
  );
}
