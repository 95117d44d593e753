import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ArrivalRequest } from '../../../../core/schemas/declarations.ts';
import { api, isSessionNeeded } from '../api.ts';
import { vehicleTypes, type VehicleType } from '../../../../core/declaration-codes.ts';
import { Field, FormError, SubmitButton, today, useSubmit } from '../form.tsx';
import { useT } from '../i18n/index.ts';
import { Page } from '../layout.tsx';
import { AddressPicker } from '../address.tsx';
import { checkOrigin, emptyOrigin, originOf, OriginPicker, type OriginValue } from '../origin.tsx';
import { navigate } from '../router.tsx';
import { OpenSession } from '../session.tsx';
import { stored } from '../storage.ts';
import { declareArrival } from '../endpoints.ts';

const known = new Set([
  'originKind',
  'originCode',
  'originCountry',
  'route',
  'vehicleType',
  'vehicleNumber',
  'seat',
  'departedOn',
  'arrivedOn',
  'destinationCommuneCode',
]);

interface ArrivalResult {
  arrivalId: string;
  flagged: boolean;
  flagReasons: string[];
}

/** Arrival in the province: declared by the traveller's phone (its session), after their health declaration. */
export function ArrivalPage() {
  const t = useT();
  const [qr] = useState(() => stored.qr());
  const [session, setSession] = useState(() => stored.session());
  useEffect(() => {
    if (!qr) navigate('/c/khai-bao?next=/c/di-chuyen', { replace: true });
  }, [qr]);
  const [origin, setOrigin] = useState<OriginValue>(emptyOrigin);
  const [route, setRoute] = useState('');
  const [vehicleType, setVehicleType] = useState<VehicleType | ''>('');
  const [vehicleNumber, setVehicleNumber] = useState('');
  const [seat, setSeat] = useState('');
  const [departedOn, setDepartedOn] = useState('');
  const [arrivedOn, setArrivedOn] = useState(today);
  const [dest, setDest] = useState({ province: '', commune: '' });
  const [result, setResult] = useState<ArrivalResult | null>(null);
  const form = useSubmit({
    known: (p) => known.has(p),
    // The session ended (expired, erased, phone changed): confirm the phone again, nothing typed is lost.
    onError: (e) => {
      if (isSessionNeeded(e)) setSession(null);
    },
  });
  const err = (p: string) => form.errors.fields[p];
  const onDest = useCallback((v: { province: string; commune: string }) => setDest(v), []);

  if (!qr) return null;
  if (!session) {
    return (
      <Page title={t('arrival.title')}>
        <OpenSession onOpened={setSession} />
      </Page>
    );
  }

  if (result) {
    return (
      <Page title={t('arrival.doneTitle')}>
        <div
          className={result.flagged ? 'result warn' : 'result ok'}
          data-testid="arrival-result"
          data-flagged={String(result.flagged)}
        >
          {result.flagged ? (
            <>
              <p>{t('arrival.flagged')}</p>
              <ul>
                {result.flagReasons.map((r) => (
                  <li key={r} data-testid={`arrival-flag-${r}`}>
                    {t.maybe(`flag.${r}`) ?? r}
                  </li>
                ))}
              </ul>
              <p className="strong">{t('arrival.contact')}</p>
            </>
          ) : (
            <p>{t('arrival.notFlagged')}</p>
          )}
        </div>
        <button type="button" className="btn big" onClick={() => setResult(null)} data-testid="arrival-another">
          {t('arrival.another')}
        </button>
      </Page>
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const o = checkOrigin(origin);
    if (o) problems[o.field] = o.problem === 'country' ? t('arrival.countryInvalid') : t('app.required');
    if (!vehicleType) problems.vehicleType = t('app.required');
    const max = today();
    if (!departedOn || departedOn > max) problems.departedOn = t('arrival.dateInvalid');
    if (!arrivedOn || arrivedOn > max) problems.arrivedOn = t('arrival.dateInvalid');
    else if (departedOn && arrivedOn < departedOn) problems.arrivedOn = t('arrival.beforeDeparture');
    if (!dest.commune) problems.destinationCommuneCode = t('app.required');
    if (Object.keys(problems).length > 0) return form.fail(problems);
    const opt = (v: string) => (v.trim() ? v.trim() : undefined);
    const body: Omit<ArrivalRequest, 'clientKey'> = {
      ...originOf(origin),
      route: opt(route),
      vehicleType: vehicleType as VehicleType,
      vehicleNumber: opt(vehicleNumber),
      seat: opt(seat),
      departedOn,
      arrivedOn,
      destinationCommuneCode: dest.commune,
    };
    const r = await form.submit((clientKey) =>
      api(declareArrival, { body: { clientKey, ...body } }, { session: true }),
    );
    if (r) setResult(r);
  };

  return (
    <Page title={t('arrival.title')}>
      <p className="lead">{t('arrival.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>{t('arrival.origin')}</legend>
          <OriginPicker
            value={origin}
            onChange={(v) => {
              setOrigin(v);
              form.clear('originCode', 'originCountry');
            }}
            testPrefix="arr"
            pathPrefix=""
            errors={form.errors}
          />
        </fieldset>
        <fieldset>
          <legend>{t('arrival.trip')}</legend>
          <Field name="route" label={t('arrival.route')} optional error={err('route')}>
            {(a) => (
              <input
                {...a}
                value={route}
                maxLength={300}
                onChange={(e) => setRoute(e.target.value)}
                data-testid="arr-route"
              />
            )}
          </Field>
          <Field name="vehicleType" label={t('arrival.vehicleType')} error={err('vehicleType')}>
            {(a) => (
              <select
                {...a}
                value={vehicleType}
                onChange={(e) => {
                  setVehicleType(e.target.value as VehicleType);
                  form.clear('vehicleType');
                }}
                data-testid="arr-vehicle-type"
              >
                <option value="">{t('app.choose')}</option>
                {vehicleTypes.map((v) => (
                  <option key={v} value={v}>
                    {t(`vehicle.${v}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="row">
            <Field name="vehicleNumber" label={t('arrival.vehicleNumber')} optional error={err('vehicleNumber')}>
              {(a) => (
                <input
                  {...a}
                  value={vehicleNumber}
                  maxLength={30}
                  autoCapitalize="characters"
                  onChange={(e) => setVehicleNumber(e.target.value)}
                  data-testid="arr-vehicle-number"
                />
              )}
            </Field>
            <Field name="seat" label={t('arrival.seat')} optional error={err('seat')}>
              {(a) => (
                <input
                  {...a}
                  value={seat}
                  maxLength={20}
                  autoCapitalize="characters"
                  onChange={(e) => setSeat(e.target.value)}
                  data-testid="arr-seat"
                />
              )}
            </Field>
          </div>
          <div className="row">
            <Field name="departedOn" label={t('arrival.departedOn')} error={err('departedOn')}>
              {(a) => (
                <input
                  {...a}
                  type="date"
                  value={departedOn}
                  max={today()}
                  onChange={(e) => {
                    setDepartedOn(e.target.value);
                    form.clear('departedOn', 'arrivedOn');
                  }}
                  data-testid="arr-departed-on"
                />
              )}
            </Field>
            <Field name="arrivedOn" label={t('arrival.arrivedOn')} error={err('arrivedOn')}>
              {(a) => (
                <input
                  {...a}
                  type="date"
                  value={arrivedOn}
                  min={departedOn || undefined}
                  max={today()}
                  onChange={(e) => {
                    setArrivedOn(e.target.value);
                    form.clear('arrivedOn');
                  }}
                  data-testid="arr-arrived-on"
                />
              )}
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('arrival.destination')}</legend>
          <AddressPicker
            province={dest.province}
            commune={dest.commune}
            onChange={onDest}
            testPrefix="arr-dest"
            path="destinationCommuneCode"
            error={err('destinationCommuneCode')}
          />
        </fieldset>
        <FormError errors={form.errors} />
        <SubmitButton busy={form.busy} label={t('arrival.submit')} testid="arr-submit" />
      </form>
    </Page>
  );
}
