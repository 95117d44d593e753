import { useCallback, useRef, useState, type FormEvent } from 'react';
import { checkIdNumber, normaliseVietnamesePhone } from '../../../../core/rules/identity-documents.ts';
import type { ResidenceRequest } from '../../../../core/schemas/declarations.ts';
import { api } from '../api.ts';
import { Field, FormError, SubmitButton, today, useSubmit, validBirthYear, type FormErrors } from '../form.tsx';
import { useT } from '../i18n/index.ts';
import { Page } from '../layout.tsx';
import { AddressPicker } from '../address.tsx';
import { checkOrigin, emptyOrigin, originOf, OriginPicker, type OriginValue } from '../origin.tsx';
import { OtpBlock, type Challenge } from '../otp.tsx';

const maxGuests = 50;

interface Guest {
  key: number;
  idType: 'cccd' | 'cmnd' | 'passport';
  idNumber: string;
  fullName: string;
  birthYear: string;
  gender: '' | 'male' | 'female' | 'other';
  nationality: string;
  origin: OriginValue;
  arrivedOn: string;
}

const guestFields = /^guests\.\d+\.(person\.(idType|idNumber|fullName|birthYear|gender|nationality)|originKind|originCode|originCountry|arrivedOn)$/;
const known = (p: string) => ['host.name', 'host.phone', 'host.otp.code', 'communeCode'].includes(p) || guestFields.test(p);
const alias = { phone: 'host.phone', 'otp.code': 'host.otp.code', 'host.otp.challengeId': 'host.otp.code', 'host.otp': 'host.otp.code' };

/** A host (hotel, guest house, landlord) declares the guests staying: each becomes an arrival. */
export function ResidencePage() {
  const t = useT();
  const nextKey = useRef(1);
  const newGuest = (): Guest => ({
    key: nextKey.current++, idType: 'cccd', idNumber: '', fullName: '', birthYear: '', gender: '', nationality: 'VN', origin: emptyOrigin, arrivedOn: today(),
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
      const by = validBirthYear(g.birthYear) ? Number(g.birthYear) : undefined;
      const id = checkIdNumber(g.idType, g.idNumber, by, g.gender || undefined);
      if (id) problems[`${p}person.idNumber`] = t(`idProblem.${id}`);
      if (g.fullName.trim().length < 2) problems[`${p}person.fullName`] = t('app.required');
      if (!by) problems[`${p}person.birthYear`] = t('person.birthYearInvalid');
      if (!g.gender) problems[`${p}person.gender`] = t('app.required');
      if (!/^[A-Z]{2}$/.test(g.nationality.trim())) problems[`${p}person.nationality`] = t('person.nationalityInvalid');
      const o = checkOrigin(g.origin);
      if (o) problems[`${p}${o.field}`] = o.problem === 'country' ? t('arrival.countryInvalid') : o.problem === 'code' ? t('address.codeInvalid') : t('app.required');
      if (!g.arrivedOn || g.arrivedOn > today()) problems[`${p}arrivedOn`] = t('arrival.dateInvalid');
    });
    if (Object.keys(problems).length > 0 || !challenge) return form.fail(problems);
    const body: Omit<ResidenceRequest, 'clientKey'> = {
      host: { name: hostName.trim(), phone: hostPhone.trim(), otp: { challengeId: challenge.challengeId, code } },
      communeCode: commune.commune,
      guests: guests.map((g) => ({
        person: {
          idType: g.idType,
          idNumber: g.idNumber.trim(),
          fullName: g.fullName.trim(),
          birthYear: Number(g.birthYear),
          gender: g.gender as 'male' | 'female' | 'other',
          nationality: g.nationality.trim(),
        },
        ...originOf(g.origin),
        arrivedOn: g.arrivedOn,
      })),
    };
    const r = await form.submit((clientKey) => api<{ arrivals: number; repeated: boolean }>('/residence', { clientKey, ...body }));
    if (r) setDone(r.arrivals);
  };

  return (
    <Page title={t('residence.title')}>
      <p className="lead">{t('residence.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>{t('residence.host')}</legend>
          <Field name="host.name" label={t('residence.hostName')} error={err('host.name')}>
            {(a) => <input {...a} value={hostName} maxLength={160} autoComplete="organization" onChange={(e) => { setHostName(e.target.value); form.clear('host.name'); }} data-testid="res-host-name" />}
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
          <button type="button" className="btn" onClick={() => setGuests((gs) => [...gs, newGuest()])} data-testid="res-add-guest">
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
      <div className="row">
        <Field name={`${p}person.idType`} label={t('idType.label')} error={err('person.idType')}>
          {(a) => (
            <select {...a} value={g.idType} onChange={(e) => props.onChange({ idType: e.target.value as Guest['idType'] }, `${p}person.idNumber`)} data-testid={`${tp}-id-type`}>
              <option value="cccd">{t('idType.cccd')}</option>
              <option value="cmnd">{t('idType.cmnd')}</option>
              <option value="passport">{t('idType.passport')}</option>
            </select>
          )}
        </Field>
        <Field name={`${p}person.idNumber`} label={t('person.idNumber')} error={err('person.idNumber')}>
          {(a) => <input {...a} value={g.idNumber} maxLength={20} autoCapitalize="characters" autoComplete="off" onChange={(e) => props.onChange({ idNumber: e.target.value }, `${p}person.idNumber`)} data-testid={`${tp}-id-number`} />}
        </Field>
      </div>
      <Field name={`${p}person.fullName`} label={t('person.fullName')} error={err('person.fullName')}>
        {(a) => <input {...a} value={g.fullName} maxLength={120} autoComplete="off" onChange={(e) => props.onChange({ fullName: e.target.value }, `${p}person.fullName`)} data-testid={`${tp}-full-name`} />}
      </Field>
      <div className="row">
        <Field name={`${p}person.birthYear`} label={t('person.birthYear')} error={err('person.birthYear')}>
          {(a) => <input {...a} value={g.birthYear} inputMode="numeric" maxLength={4} onChange={(e) => props.onChange({ birthYear: e.target.value.replace(/\D/g, '') }, `${p}person.birthYear`, `${p}person.idNumber`)} data-testid={`${tp}-birth-year`} />}
        </Field>
        <Field name={`${p}person.gender`} label={t('gender.label')} error={err('person.gender')}>
          {(a) => (
            <select {...a} value={g.gender} onChange={(e) => props.onChange({ gender: e.target.value as Guest['gender'] }, `${p}person.gender`, `${p}person.idNumber`)} data-testid={`${tp}-gender`}>
              <option value="">{t('app.choose')}</option>
              <option value="male">{t('gender.male')}</option>
              <option value="female">{t('gender.female')}</option>
              <option value="other">{t('gender.other')}</option>
            </select>
          )}
        </Field>
      </div>
      <Field name={`${p}person.nationality`} label={t('person.nationality')} error={err('person.nationality')}>
        {(a) => <input {...a} value={g.nationality} maxLength={2} autoCapitalize="characters" onChange={(e) => props.onChange({ nationality: e.target.value.toUpperCase() }, `${p}person.nationality`)} data-testid={`${tp}-nationality`} />}
      </Field>
      <OriginPicker value={g.origin} onChange={(origin) => props.onChange({ origin }, `${p}originCode`, `${p}originCountry`)} testPrefix={tp} pathPrefix={p} errors={props.errors} />
      <Field name={`${p}arrivedOn`} label={t('residence.arrivedOn')} error={err('arrivedOn')}>
        {(a) => <input {...a} type="date" value={g.arrivedOn} max={today()} onChange={(e) => props.onChange({ arrivedOn: e.target.value }, `${p}arrivedOn`)} data-testid={`${tp}-arrived-on`} />}
      </Field>
      {props.onRemove && (
        <button type="button" className="btn danger-outline" onClick={props.onRemove} data-testid={`res-remove-guest-${i}`}>
          {t('residence.removeGuest')}
        </button>
      )}
    </fieldset>
  );
}
