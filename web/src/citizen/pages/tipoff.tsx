import { useCallback, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { AddressPicker } from '../address.tsx';
import { sendTipoff } from '../endpoints.ts';
import { Field, FormError, SubmitButton, useSubmit } from '../form.tsx';
import { useT } from '../i18n/index.ts';
import '../i18n/vi-pages.ts';
import { Page } from '../layout.tsx';
import { OtpBlock, type Challenge } from '../otp.tsx';

const kinds = ['illegal_entry', 'undeclared'] as const;
const known = (p: string) =>
  ['kind', 'communeCode', 'place', 'description', 'reporterName', 'reporterPhone', 'otp.code'].includes(p);

/**
 * A citizen reports a suspected illegal entrant or someone who has not declared, without an
 * account. A phone is optional; given, it is confirmed with a one-time code so the commune can call
 * back (the reporter is shown only to the officer who investigates).
 */
export function TipoffPage() {
  const t = useT();
  const [kind, setKind] = useState<(typeof kinds)[number]>('illegal_entry');
  const [commune, setCommune] = useState({ province: '', commune: '' });
  const [place, setPlace] = useState('');
  const [description, setDescription] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [code, setCode] = useState('');
  const [reference, setReference] = useState<string | null>(null);
  const form = useSubmit({ known, alias: { 'otp.challengeId': 'otp.code', otp: 'otp.code', phone: 'reporterPhone' } });
  const err = (p: string) => form.errors.fields[p];
  const onCommune = useCallback((v: { province: string; commune: string }) => setCommune(v), []);

  if (reference)
    return (
      <Page title={t('tipoff.doneTitle')}>
        <div className="result ok" data-testid="tipoff-done">
          <p>{t('tipoff.done', { reference })}</p>
        </div>
      </Page>
    );

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!commune.commune) problems.communeCode = t('app.required');
    if (place.trim().length < 1) problems.place = t('app.required');
    if (description.trim().length < 5) problems.description = t('tipoff.describe');
    if (phone.trim() && (!challenge || !/^\d{6}$/.test(code))) problems['otp.code'] = t('otp.needSend');
    if (Object.keys(problems).length > 0) return form.fail(problems);
    const r = await form.submit((clientKey) =>
      api(sendTipoff, {
        body: {
          clientKey,
          kind,
          communeCode: commune.commune,
          place: place.trim(),
          description: description.trim(),
          ...(name.trim() ? { reporterName: name.trim() } : {}),
          ...(phone.trim() && challenge
            ? { reporterPhone: phone.trim(), otp: { challengeId: challenge.challengeId, code } }
            : {}),
        },
      }),
    );
    if (r) setReference(r.reference);
  };

  const text = (path: string, value: string, set: (v: string) => void, testid: string, optional = false) => (
    <Field name={path} label={t(`tipoff.${path}` as 'tipoff.place')} error={err(path)} optional={optional}>
      {(a) => (
        <input
          {...a}
          value={value}
          maxLength={300}
          onChange={(e) => {
            set(e.target.value);
            form.clear(path);
          }}
          data-testid={testid}
        />
      )}
    </Field>
  );
  return (
    <Page title={t('tipoff.title')}>
      <p className="lead">{t('tipoff.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="checks">
          <legend>{t('tipoff.kind')}</legend>
          {kinds.map((k) => (
            <label key={k} className="check">
              <input
                type="radio"
                name="kind"
                checked={kind === k}
                onChange={() => setKind(k)}
                data-testid={`tipoff-${k}`}
              />
              <span>{t(`tipoff.kinds.${k}`)}</span>
            </label>
          ))}
        </fieldset>
        <AddressPicker
          province={commune.province}
          commune={commune.commune}
          onChange={onCommune}
          testPrefix="tipoff"
          path="communeCode"
          error={err('communeCode')}
        />
        {text('place', place, setPlace, 'tipoff-place')}
        <Field name="description" label={t('tipoff.description')} error={err('description')}>
          {(a) => (
            <textarea
              {...a}
              rows={5}
              maxLength={2000}
              value={description}
              onChange={(e) => {
                setDescription(e.target.value);
                form.clear('description');
              }}
              data-testid="tipoff-description"
            />
          )}
        </Field>
        {text('reporterName', name, setName, 'tipoff-name', true)}
        {text('reporterPhone', phone, setPhone, 'tipoff-phone', true)}
        {phone.trim() && (
          <OtpBlock
            phone={phone}
            purpose="tipoff"
            challenge={challenge}
            onChallenge={setChallenge}
            code={code}
            onCode={setCode}
            form={form}
            phonePath="reporterPhone"
            codePath="otp.code"
          />
        )}
        <p className="hint">{t('tipoff.privacy')}</p>
        <FormError errors={form.errors} />
        <SubmitButton busy={form.busy} label={t('tipoff.submit')} testid="tipoff-submit" />
      </form>
    </Page>
  );
}
