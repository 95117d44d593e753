import { useEffect, useState } from 'react';
import { normaliseVietnamesePhone } from '../../../core/rules/identity-documents.ts';
import { api } from './api.ts';
import { Field, type Submitter } from './form.tsx';
import { formatDateTime } from './format.ts';
import { useT } from './i18n/index.ts';
import { sendOtp } from './endpoints.ts';

export interface Challenge {
  challengeId: string;
  expiresAt: string;
  phone: string;
}

/**
 * "Send code" and the 6-digit code field. The challenge belongs to the phone it was sent to:
 * the page forgets it when the phone changes.
 */
export function OtpBlock(props: {
  phone: string;
  purpose: 'declaration' | 'erase' | 'session' | 'my_data' | 'tipoff';
  challenge: Challenge | null;
  onChallenge: (c: Challenge) => void;
  code: string;
  onCode: (code: string) => void;
  form: Submitter;
  /** Paths of the phone and code fields on this page. */
  phonePath: string;
  codePath: string;
}) {
  const t = useT();
  const [sending, setSending] = useState(false);
  const [wait, setWait] = useState(0);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const send = async () => {
    if (sending || wait > 0) return;
    if (!normaliseVietnamesePhone(props.phone)) {
      props.form.fail({ [props.phonePath]: t('person.phoneInvalid') });
      return;
    }
    setSending(true);
    props.form.clear(props.phonePath, props.codePath);
    try {
      const r = await api(sendOtp, { body: { phone: props.phone.trim(), purpose: props.purpose } });
      props.onChallenge({ challengeId: r.challengeId, expiresAt: r.expiresAt, phone: props.phone });
      setWait(r.resendAfterSeconds);
    } catch (e) {
      props.form.report(e, { phone: props.phonePath });
    } finally {
      setSending(false);
    }
  };

  return (
    <fieldset className="otp">
      <legend>{t('otp.section')}</legend>
      <p className="hint">{t('otp.hint')}</p>
      <button type="button" className="btn" onClick={send} disabled={sending || wait > 0} data-testid="otp-send">
        {sending
          ? t('app.sending')
          : wait > 0
            ? t('otp.resendIn', { s: wait })
            : props.challenge
              ? t('otp.resend')
              : t('otp.send')}
      </button>
      {props.challenge && (
        <p className="ok-note" role="status" data-testid="otp-sent">
          {t('otp.sent', {
            phone: props.challenge.phone,
            time: formatDateTime(props.challenge.expiresAt, t.lang, true),
          })}
        </p>
      )}
      <Field name={props.codePath} label={t('otp.code')} error={props.form.errors.fields[props.codePath]}>
        {(a) => (
          <input
            {...a}
            className="otp-code"
            value={props.code}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            pattern="[0-9]*"
            onChange={(e) => {
              props.onCode(e.target.value.replace(/\D/g, '').slice(0, 6));
              props.form.clear(props.codePath);
            }}
            data-testid="otp-code"
          />
        )}
      </Field>
    </fieldset>
  );
}
