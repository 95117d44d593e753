import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationType } from '../../../../core/schemas/assessment-template.ts';
import type { OrganisationView, RegisterOrganisationRequest } from '../../../../core/schemas/organisations.ts';
import { organisationsContract } from '../../../../core/contracts/organisations.ts';
import { api } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import {
  CheckboxField,
  FormActions,
  FormError,
  SelectField,
  TextField,
  detailFor,
  useFormSubmit,
} from '../../ui/form.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';
import { useCommuneOptions } from '../../ui/commune-options.ts';
import { typeOptions } from './organisation-labels.ts';

const fields = [
  'name',
  'type',
  'sector',
  'taxCode',
  'addressLine',
  'communeCode',
  'headName',
  'contactName',
  'contactPhone',
  'headcount',
  'shifts',
] as const;

const shiftOptions = ['1', '2', '3', '4'].map((v) => ({ value: v, label: v }));

/**
 * POST /api/organisations. The commune list offers the communes under the picker's selection; the
 * organisation stays pending until the commune approves it. One client key per filled form: a
 * double tap or a resend after a lost answer registers once.
 */
export function OrganisationRegisterForm({ onRegistered }: { onRegistered(o: OrganisationView): void }) {
  const { t } = useTranslation();
  const { selected } = useLocalities();
  const [clientKey, setClientKey] = useState(newClientKey);
  const [name, setName] = useState('');
  const [type, setType] = useState<OrganisationType>('enterprise');
  const [sector, setSector] = useState('');
  const [taxCode, setTaxCode] = useState('');
  const [communeCode, setCommuneCode] = useState('');
  const [addressLine, setAddressLine] = useState('');
  const [headName, setHeadName] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [headcount, setHeadcount] = useState('');
  const [shifts, setShifts] = useState('1');
  const [runsDormitory, setRunsDormitory] = useState(false);
  const [runsShuttle, setRunsShuttle] = useState(false);
  const { error, setError, busy, run } = useFormSubmit();

  const communes = useCommuneOptions();
  const effectiveCommune = communes.some((o) => o.value === communeCode)
    ? communeCode
    : ((communes.find((o) => o.value === selected?.code) ?? communes[0])?.value ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const count = headcount.trim();
    if (!/^\d+$/.test(count) || Number(count) < 1) return setError(t('organisations.headcountInvalid'));
    const body: RegisterOrganisationRequest = {
      clientKey,
      name: name.trim(),
      type,
      ...(sector.trim() ? { sector: sector.trim() } : {}),
      ...(taxCode.trim() ? { taxCode: taxCode.trim() } : {}),
      addressLine: addressLine.trim(),
      communeCode: effectiveCommune,
      headName: headName.trim(),
      contactName: contactName.trim(),
      contactPhone: contactPhone.trim(),
      headcount: Number(count),
      shifts: Number(shifts),
      runsDormitory,
      runsShuttle,
    };
    await run(async () => {
      const o = await api(organisationsContract.postOrganisations, { body });
      setClientKey(newClientKey());
      onRegistered(o);
    });
  };

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="org-register-form">
      <h2>{t('organisations.registerTitle')}</h2>
      <p className="muted full">{t('organisations.registerIntro')}</p>
      <TextField
        label={t('organisations.name')}
        value={name}
        onChange={setName}
        required
        autoComplete="organization"
        error={detailFor(error, 'name')}
        testId="org-register-name"
      />
      <SelectField
        label={t('organisations.typeHeader')}
        value={type}
        onChange={(v) => setType(v as OrganisationType)}
        options={typeOptions(t)}
        error={detailFor(error, 'type')}
        testId="org-register-type"
      />
      <TextField
        label={`${t('organisations.sector')} ${t('common.optional')}`}
        value={sector}
        onChange={setSector}
        error={detailFor(error, 'sector')}
        testId="org-register-sector"
      />
      <TextField
        label={`${t('organisations.taxCode')} ${t('common.optional')}`}
        value={taxCode}
        onChange={setTaxCode}
        hint={t('organisations.taxCodeHint')}
        error={detailFor(error, 'taxCode')}
        testId="org-register-tax-code"
      />
      <SelectField
        label={t('organisations.commune')}
        value={effectiveCommune}
        onChange={setCommuneCode}
        options={communes}
        hint={communes.length === 0 ? t('organisations.noCommune') : undefined}
        error={detailFor(error, 'communeCode')}
        testId="org-register-commune"
      />
      <TextField
        label={t('organisations.addressLine')}
        value={addressLine}
        onChange={setAddressLine}
        required
        autoComplete="street-address"
        hint={t('organisations.addressHint')}
        error={detailFor(error, 'addressLine')}
        testId="org-register-address"
      />
      <TextField
        label={t('organisations.headName')}
        value={headName}
        onChange={setHeadName}
        required
        error={detailFor(error, 'headName')}
        testId="org-register-head"
      />
      <TextField
        label={t('organisations.contactName')}
        value={contactName}
        onChange={setContactName}
        required
        autoComplete="name"
        error={detailFor(error, 'contactName')}
        testId="org-register-contact"
      />
      <TextField
        label={t('organisations.contactPhone')}
        value={contactPhone}
        onChange={setContactPhone}
        required
        autoComplete="tel"
        placeholder="09xx xxx xxx"
        error={detailFor(error, 'contactPhone')}
        testId="org-register-phone"
      />
      <TextField
        label={t('organisations.headcount')}
        type="number"
        min={1}
        value={headcount}
        onChange={setHeadcount}
        required
        error={detailFor(error, 'headcount')}
        testId="org-register-headcount"
      />
      <SelectField
        label={t('organisations.shifts')}
        value={shifts}
        onChange={setShifts}
        options={shiftOptions}
        error={detailFor(error, 'shifts')}
        testId="org-register-shifts"
      />
      <CheckboxField
        label={t('organisations.runsDormitory')}
        checked={runsDormitory}
        onChange={setRunsDormitory}
        testId="org-register-dormitory"
      />
      <CheckboxField
        label={t('organisations.runsShuttle')}
        checked={runsShuttle}
        onChange={setRunsShuttle}
        testId="org-register-shuttle"
      />
      <FormError error={error} fields={fields} testId="org-register-error" />
      <FormActions
        busy={busy}
        label={t('organisations.registerSubmit')}
        testId="org-register-submit"
        disabled={!effectiveCommune}
      />
    </form>
  );
}
