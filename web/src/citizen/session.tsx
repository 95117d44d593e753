import { useState, type FormEvent } from 'react';
import type { OpenSessionRequest } from '../../../core/schemas/citizen.ts';
import { api } from './api.ts';
import { Field, FormError, SubmitButton, useSubmit } from './form.tsx';
import { useT } from './i18n/index.ts';
import './i18n/vi-pages.ts';
import { OtpBlock, type Challenge } from './otp.tsx';
import { rememberSession, stored, type StoredSession } from './storage.ts';
import { openSession } from './endpoints.ts';

/**
 * Confirms the phone with a one-time code to open a session: what reading or acting as the person
 * takes (the QR alone does not). The QR kept on this phone says who; without one, the document.
 */
export function OpenSession({ onOpened }: { onOpened: (s: StoredSession) => void }) {
  const t = useT();
  const qr = stored.qr();
  const person = stored.person();
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [idType, setIdType] = useState<'cccd' | 'cmnd' | 'passport'>(person?.idType ?? 'cccd');
  const [idNumber, setIdNumber] = useState(person?.idNumber ?? '');
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [code, setCode] = useState('');
  const form = useSubmit({
    known: (p) => ['phone', 'idNumber', 'otp.code'].includes(p),
    alias: { otp: 'otp.code', 'otp.challengeId': 'otp.code' },
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!challenge) return form.fail({ 'otp.code': t('otp.needSend') });
    if (!/^\d{6}$/.test(code)) return form.fail({ 'otp.code': t('otp.codeInvalid') });
    if (!qr && idNumber.trim().length < 6) return form.fail({ idNumber: t('app.required') });
    const otp = { challengeId: challenge.challengeId, code };
    const body: OpenSessionRequest = qr
      ? { phone: phone.trim(), otp, qrToken: qr.qrToken }
      : { phone: phone.trim(), otp, idType, idNumber: idNumber.trim() };
    const r = await form.submit(() => api(openSession, { body }));
    if (r) onOpened(rememberSession(r, phone));
  };

  return (
    <section className="session" data-testid="session-open">
      <h2>{t('session.title')}</h2>
      <p>{t('session.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        {!qr && (
          <div className="row">
            <Field name="idType" label={t('idType.label')}>
              {(a) => (
                <select
                  {...a}
                  value={idType}
                  onChange={(e) => setIdType(e.target.value as typeof idType)}
                  data-testid="session-id-type"
                >
                  <option value="cccd">{t('idType.cccd')}</option>
                  <option value="cmnd">{t('idType.cmnd')}</option>
                  <option value="passport">{t('idType.passport')}</option>
                </select>
              )}
            </Field>
            <Field name="idNumber" label={t('person.idNumber')} error={form.errors.fields.idNumber}>
              {(a) => (
                <input
                  {...a}
                  value={idNumber}
                  maxLength={20}
                  autoComplete="off"
                  onChange={(e) => {
                    setIdNumber(e.target.value);
                    form.clear('idNumber');
                  }}
                  data-testid="session-id-number"
                />
              )}
            </Field>
          </div>
        )}
        <Field name="phone" label={t('session.phone')} error={form.errors.fields.phone}>
          {(a) => (
            <input
              {...a}
              type="tel"
              value={phone}
              autoComplete="tel"
              maxLength={20}
              onChange={(e) => {
                setPhone(e.target.value);
                form.clear('phone');
                setChallenge(null);
                setCode('');
              }}
              data-testid="session-phone"
            />
          )}
        </Field>
        <OtpBlock
          phone={phone}
          purpose="session"
          challenge={challenge}
          onChallenge={setChallenge}
          code={code}
          onCode={setCode}
          form={form}
          phonePath="phone"
          codePath="otp.code"
        />
        <FormError errors={form.errors} />
        <SubmitButton busy={form.busy} label={t('session.submit')} testid="session-submit" />
      </form>
    </section>
  );
}
