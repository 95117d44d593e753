import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GatePolicy, RegisterVenueRequest, VenueType, VenueView } from '../../../../core/schemas/venues.ts';
import { venuesContract } from '../../../../core/contracts/venues.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, SelectField, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';
import { localityOptions } from '../../ui/locality-picker.tsx';
import { policyOptions, typeOptions } from './venue-labels.ts';
import { useLang } from '../../ui/format.ts';

const fields = [
  'organisationName',
  'name',
  'type',
  'addressLine',
  'communeCode',
  'capacity',
  'contactPhone',
  'gatePolicy',
] as const;

/**
 * POST /api/venues. The commune list offers the communes under the picker's selection (all of the
 * scope when the selection has none); the venue stays pending until an official approves it.
 */
export function VenueRegisterForm({ onRegistered }: { onRegistered(v: VenueView): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { entries, selected, byCode } = useLocalities();
  const [organisationName, setOrganisationName] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState<VenueType>('office');
  const [addressLine, setAddressLine] = useState('');
  const [communeCode, setCommuneCode] = useState('');
  const [capacity, setCapacity] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [gatePolicy, setGatePolicy] = useState<GatePolicy>('require_declaration');
  const { error, setError, busy, run } = useFormSubmit();

  const communes = useMemo(() => {
    const all = localityOptions(entries, lang, ['commune']).map((o) => ({ ...o, label: o.label.trim() }));
    if (!selected || selected.level === 'commune') return all;
    const under = (code: string) => {
      for (let c: string | null | undefined = code; c; c = byCode.get(c)?.parentCode)
        if (c === selected.code) return true;
      return false;
    };
    const inside = all.filter((o) => under(o.value));
    return inside.length > 0 ? inside : all;
  }, [entries, selected, byCode, lang]);
  const effectiveCommune = communes.some((o) => o.value === communeCode)
    ? communeCode
    : ((communes.find((o) => o.value === selected?.code) ?? communes[0])?.value ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const cap = capacity.trim();
    if (cap && !/^\d+$/.test(cap)) return setError(t('venues.capacityInvalid'));
    const body: RegisterVenueRequest = {
      organisationName: organisationName.trim(),
      name: name.trim(),
      type,
      addressLine: addressLine.trim(),
      communeCode: effectiveCommune,
      ...(cap ? { capacity: Number(cap) } : {}),
      contactPhone: contactPhone.trim(),
      gatePolicy,
    };
    await run(async () => {
      const venue = await api(venuesContract.postVenues, { body: body });
      setName('');
      setAddressLine('');
      setCapacity('');
      onRegistered(venue);
    });
  };

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="venue-register-form">
      <h2>{t('venues.registerTitle')}</h2>
      <p className="muted full">{t('venues.registerIntro')}</p>
      <TextField
        label={t('venues.organisationName')}
        value={organisationName}
        onChange={setOrganisationName}
        required
        autoComplete="organization"
        error={detailFor(error, 'organisationName')}
        testId="venue-register-organisation"
      />
      <TextField
        label={t('venues.name')}
        value={name}
        onChange={setName}
        required
        autoComplete="off"
        error={detailFor(error, 'name')}
        testId="venue-register-name"
      />
      <SelectField
        label={t('venues.typeHeader')}
        value={type}
        onChange={(v) => setType(v as VenueType)}
        options={typeOptions(t)}
        error={detailFor(error, 'type')}
        testId="venue-register-type"
      />
      <SelectField
        label={t('venues.commune')}
        value={effectiveCommune}
        onChange={setCommuneCode}
        options={communes}
        hint={communes.length === 0 ? t('venues.noCommune') : undefined}
        error={detailFor(error, 'communeCode')}
        testId="venue-register-commune"
      />
      <TextField
        label={t('venues.addressLine')}
        value={addressLine}
        onChange={setAddressLine}
        required
        autoComplete="street-address"
        hint={t('venues.addressHint')}
        error={detailFor(error, 'addressLine')}
        testId="venue-register-address"
      />
      <TextField
        label={t('venues.contactPhone')}
        value={contactPhone}
        onChange={setContactPhone}
        required
        autoComplete="tel"
        placeholder="09xx xxx xxx"
        error={detailFor(error, 'contactPhone')}
        testId="venue-register-phone"
      />
      <TextField
        label={`${t('venues.capacity')} ${t('common.optional')}`}
        type="number"
        min={1}
        value={capacity}
        onChange={setCapacity}
        error={detailFor(error, 'capacity')}
        testId="venue-register-capacity"
      />
      <SelectField
        label={t('venues.gatePolicyHeader')}
        value={gatePolicy}
        onChange={(v) => setGatePolicy(v as GatePolicy)}
        options={policyOptions(t)}
        hint={t('venues.gatePolicyHint')}
        error={detailFor(error, 'gatePolicy')}
        testId="venue-register-gate-policy"
      />
      <FormError error={error} fields={fields} testId="venue-register-error" />
      <FormActions
        busy={busy}
        label={t('venues.registerSubmit')}
        testId="venue-register-submit"
        disabled={!effectiveCommune}
      />
    </form>
  );
}
