import { useCallback, useRef, useState, type FormEvent } from 'react';
import { normaliseVietnamesePhone } from '../../../../core/rules/identity-documents.ts';
import type { ResidenceRequest } from '../../../../core/schemas/declarations.ts';
import { api } from '../api.ts';
import { Field, FormError, SubmitButton, today, useSubmit, type FormErrors } from '../form.tsx';
import { useT } from '../i18n/index.ts';
import { Page } from '../layout.tsx';
import { AddressPicker } from '../address.tsx';
import { IdentityFields, identityOf, identityProblems } from '../identity.tsx';
import { checkOrigin, emptyOrigin, originOf, OriginPicker, type OriginValue } from '../origin.tsx';
import { OtpBlock, type Challenge } from '../otp.tsx';
import type { Identity } from '../storage.ts';
import { declareResidence } from '../endpoints.ts';

const maxGuests = 50;

interface Guest extends Identity {
  key: number;
  origin: OriginValue;
  arrivedOn: string;
}

const guestFields =
  /^guests\.\d+\.(person\.(idType|idNumber|fullName|birthYear|gender|nationality)|originKind|originCode|originCountry|arrivedOn)$/;
const known = (p: string) =>
  ['host.name', 'host.phone', 'host.otp.code', 'communeCode'].includes(p) || guestFields.test(p);
const alias = {
  phone: 'host.phone',
  'otp.code': 'host.otp.code',
  'host.otp.challengeId': 'host.otp.code',
  'host.otp': 'host.otp.code',
};

/** A host (hotel, guest house, landlord) declares the guests staying: each becomes an arrival. */
export function ResidencePage() {
  const t = useT();
  const nextKey = useRef(1);
  const newGuest = (): Guest => ({
    key: nextKey.current++,
    idType: 'cccd',
    idNumber: '',
    fullName: '',
    birthYear: '',
    gender: '',
    nationality: 'VN',
    origin: emptyOrigin,
    arrivedOn: today(),
  });
  const [hostName, setHostName] = useState('');
  const [hostPhone, setHostPhone] = useState('');
  const [commune, setCommune] = useState({ province: '', commune: '' });
  const [guests, setGuests] = useState<Guest[]>(() => [newGuest()]);
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [code, setCode] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const form = useSubmit({ known, alias });
  const err = (p: string) => form.errors.fields[p];
  const onCommune = useCallback((v: { province: string; commune: string }) => setCommune(v), []);

  const updateGuest = (key: number, patch: Partial<Guest>, ...paths: string[]) => {
    setGuests((gs) => gs.map((g) => (g.key === key ? { ...g, ...patch } : g)));
    form.clear(...paths);
  };

  if (done !== null) {
    return (
      <Page title={t('residence.doneTitle')}>
        <div className="result ok" data-testid="res-done">
          <p>{t('residence.done', { n: done })}</p>
        </div>
        <button
          type="button"
          className="btn big"
          onClick={() => {
            setGuests([newGuest()]);
            setChallenge(null);
            setCode('');
            setDone(null);
          }}
        >
          {t('residence.another')}
        </button>
      </Page>
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (hostName.trim().length < 2) problems['host.name'] = t('app.required');
    if (!normaliseVietnamesePhone(hostPhone)) problems['host.phone'] = t('person.phoneInvalid');
    if (!commune.commune) problems.communeCode = t('app.required');
    if (!challenge) problems['host.otp.code'] = t('otp.needSend');
    else if (!/^\d{6}$/.test(code)) problems['host.otp.code'] = t('otp.codeInvalid');
    guests.forEach((g, i) => {
      const p = `guests.${i}.`;
      Object.assign(problems, identityProblems(g, t, p));
      if (g.fullName.trim().length < 2) problems[`${p}person.fullName`] = t('app.required');
      const o = checkOrigin(g.origin);
      if (o) problems[`${p}${o.field}`] = o.problem === 'country' ? t('arrival.countryInvalid') : t('app.required');
      if (!g.arrivedOn || g.arrivedOn > today()) problems[`${p}arrivedOn`] = t('arrival.dateInvalid');
    });
    if (Object.keys(problems).length > 0 || !challenge) return form.fail(problems);
    const body: Omit<ResidenceRequest, 'clientKey'> = {
      host: { name: hostName.trim(), phone: hostPhone.trim(), otp: { challengeId: challenge.challengeId, code } },
      communeCode: commune.commune,
      guests: guests.map((g) => ({
        person: identityOf(g),
        ...originOf(g.origin),
        arrivedOn: g.arrivedOn,
      })),
    };
    const r = await form.submit((clientKey) => api(declareResidence, { body: { clientKey, ...body } }));
    if (r) setDone(r.arrivals);
  };

  return (
    <Page title={t('residence.title')}>
      <p className="lead">{t('residence.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>{t('residence.host')}</legend>
          <Field name="host.name" label={t('residence.hostName')} error={err('host.name')}>
            {(a) => (
              <input
                {...a}
                value={hostName}
                maxLength={160}
                autoComplete="organization"
                onChange={(e) => {
                  setHostName(e.target.value);
                  form.clear('host.name');
                }}
                data-testid="res-host-name"
              />
            )}
          </Field>
          <Field name="host.phone" label={t('residence.hostPhone')} error={err('host.phone')}>
            {(a) => (
              <input
                {...a}
                type="tel"
                value={hostPhone}
                maxLength={20}
                autoComplete="tel"
                onChange={(e) => {
                  setHostPhone(e.target.value);
                  form.clear('host.phone');
                  if (challenge) {
                    setChallenge(null);
                    setCode('');
                  }
                }}
                data-testid="res-host-phone"
              />
            )}
          </Field>
          <AddressPicker
            province={commune.province}
            commune={commune.commune}
            onChange={onCommune}
            testPrefix="res"
            path="communeCode"
            error={err('communeCode')}
            communeLabel={t('residence.hostCommune')}
          />
        </fieldset>

        <h2>{t('residence.guests', { n: guests.length })}</h2>
        {guests.map((g, i) => (
          <GuestRow
            key={g.key}
            guest={g}
            index={i}
            errors={form.errors}
            onChange={(patch, ...paths) => updateGuest(g.key, patch, ...paths)}
            onRemove={guests.length > 1 ? () => setGuests((gs) => gs.filter((x) => x.key !== g.key)) : undefined}
          />
        ))}
        {guests.length < maxGuests && (
          <button
            type="button"
            className="btn"
            onClick={() => setGuests((gs) => [...gs, newGuest()])}
            data-testid="res-add-guest"
          >
            {t('residence.addGuest')}
          </button>
        )}

        <OtpBlock
          phone={hostPhone}
          purpose="declaration"
          challenge={challenge}
          onChallenge={setChallenge}
          code={code}
          onCode={setCode}
          form={form}
          phonePath="host.phone"
          codePath="host.otp.code"
        />
        <FormError errors={form.errors} />
        <SubmitButton busy={form.busy} label={t('residence.submit')} testid="res-submit" />
      </form>
    </Page>
  );
}

function GuestRow(props: {
  guest: Guest;
  index: number;
  errors: FormErrors;
  onChange: (patch: Partial<Guest>, ...paths: string[]) => void;
  onRemove: (() => void) | undefined;
}) {
  const t = useT();
  const { guest: g, index: i } = props;
  const p = `guests.${i}.`;
  const tp = `res-guest-${i}`;
  const err = (name: string) => props.errors.fields[`${p}${name}`];
  return (
    <fieldset className="guest" data-testid={tp}>
      <legend>{t('residence.guest', { n: i + 1 })}</legend>
      <IdentityFields
        value={g}
        onChange={props.onChange}
        error={(path) => props.errors.fields[path]}
        testPrefix={tp}
        pathPrefix={p}
        inputs={{ fullName: { autoComplete: 'off' } }}
        idRow
        recheckId
      />
      <OriginPicker
        value={g.origin}
        onChange={(origin) => props.onChange({ origin }, `${p}originCode`, `${p}originCountry`)}
        testPrefix={tp}
        pathPrefix={p}
        errors={props.errors}
      />
      <Field name={`${p}arrivedOn`} label={t('residence.arrivedOn')} error={err('arrivedOn')}>
        {(a) => (
          <input
            {...a}
            type="date"
            value={g.arrivedOn}
            max={today()}
            onChange={(e) => props.onChange({ arrivedOn: e.target.value }, `${p}arrivedOn`)}
            data-testid={`${tp}-arrived-on`}
          />
        )}
      </Field>
      {props.onRemove && (
        <button
          type="button"
          className="btn danger-outline"
          onClick={props.onRemove}
          data-testid={`res-remove-guest-${i}`}
        >
          {t('residence.removeGuest')}
        </button>
      )}
    </fieldset>
  );
}
