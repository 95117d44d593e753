import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CapacityInput,
  CapacityKind,
  CreateFacilityRequest,
  FacilityKind,
  FacilityStatus,
  FacilityView,
  UpdateFacilityRequest,
} from '../../../../core/schemas/facilities.ts';
import { facilitiesContract } from '../../../../core/contracts/facilities.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, SelectField, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { useCommuneOptions } from '../../ui/commune-options.ts';
import { capacityKinds, facilityKindOptions, isFacilityKind, lineOf } from './facility-labels.ts';

const fields = [
  'name',
  'kind',
  'communeCode',
  'addressLine',
  'contactPhone',
  'occupancyAlertPercent',
  'status',
  ...capacityKinds,
];

type Counts = Record<CapacityKind, string>;

function countsOf(f: FacilityView | null): Counts {
  const c = {} as Counts;
  for (const k of capacityKinds) {
    const line = f ? lineOf(f, k) : undefined;
    c[k] = line ? String(line.capacity) : '';
  }
  return c;
}

/** Typed counts → the contract's capacity; a bad number → null (the form says so). */
function capacityOf(c: Counts, editing: boolean): CapacityInput | null {
  const out: CapacityInput = {};
  for (const k of capacityKinds) {
    const v = c[k].trim();
    // On edit an emptied kind stops being offered (0); on create it is simply left out.
    if (!v) {
      if (editing) out[k] = 0;
      continue;
    }
    if (!/^\d+$/.test(v)) return null;
    out[k] = Number(v);
  }
  return out;
}

/** Create (POST /api/facilities) or edit (PATCH /api/facilities/:id) a facility and its capacity. */
export function FacilityForm({
  facility,
  onSaved,
  onCancel,
}: {
  facility: FacilityView | null;
  onSaved(f: FacilityView): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const communes = useCommuneOptions();
  const editing = facility !== null;
  const [name, setName] = useState(facility?.name ?? '');
  const [kind, setKind] = useState<FacilityKind>(facility?.kind ?? 'hotel');
  const [commune, setCommune] = useState('');
  const [address, setAddress] = useState(facility?.addressLine ?? '');
  const [phone, setPhone] = useState(facility?.contactPhone ?? '');
  const [alert, setAlert] = useState(String(facility?.occupancyAlertPercent ?? 80));
  const [status, setStatus] = useState<FacilityStatus>(facility?.status ?? 'active');
  const [counts, setCounts] = useState<Counts>(() => countsOf(facility));
  const { error, setError, busy, run } = useFormSubmit();
  const communeCode = communes.some((o) => o.value === commune) ? commune : (communes[0]?.value ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const capacity = capacityOf(counts, editing);
    if (!capacity) return setError(t('facilities.countInvalid'));
    const common = { name, kind, addressLine: address, capacity, occupancyAlertPercent: Number(alert) };
    await run(async () => {
      if (facility) {
        const body: UpdateFacilityRequest = { ...common, contactPhone: phone.trim() || null, status };
        onSaved(await api(facilitiesContract.patchFacilitiesById, { params: { id: facility.id }, body }));
      } else {
        const body: CreateFacilityRequest = {
          ...common,
          communeCode,
          ...(phone.trim() ? { contactPhone: phone.trim() } : {}),
        };
        onSaved(await api(facilitiesContract.postFacilities, { body }));
      }
    });
  };

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="facility-form">
      <h2>{facility ? t('facilities.editTitle', { name: facility.name }) : t('facilities.createTitle')}</h2>
      <TextField
        label={t('facilities.name')}
        value={name}
        onChange={setName}
        required
        error={detailFor(error, 'name')}
        testId="facility-name"
      />
      <SelectField
        label={t('facilities.kindHeader')}
        value={kind}
        onChange={(v) => isFacilityKind(v) && setKind(v)}
        options={facilityKindOptions(t)}
        testId="facility-kind"
      />
      {!editing && (
        <SelectField
          label={t('facilities.commune')}
          value={communeCode}
          onChange={setCommune}
          options={communes}
          error={detailFor(error, 'communeCode')}
          testId="facility-commune"
        />
      )}
      <TextField
        label={t('facilities.address')}
        value={address}
        onChange={setAddress}
        required
        error={detailFor(error, 'addressLine')}
        testId="facility-address"
      />
      <TextField
        label={`${t('facilities.phone')} ${t('common.optional')}`}
        value={phone}
        onChange={setPhone}
        error={detailFor(error, 'contactPhone')}
        testId="facility-phone"
      />
      <TextField
        label={t('facilities.alertPercent')}
        type="number"
        min={1}
        max={100}
        value={alert}
        onChange={setAlert}
        error={detailFor(error, 'occupancyAlertPercent')}
        testId="facility-alert"
      />
      {editing && (
        <SelectField
          label={t('facilities.statusHeader')}
          value={status}
          onChange={(v) => setStatus(v === 'closed' ? 'closed' : 'active')}
          options={(['active', 'closed'] as const).map((s) => ({ value: s, label: t(`facilities.status.${s}`) }))}
          error={detailFor(error, 'status')}
          testId="facility-status"
        />
      )}
      <h3>{t('facilities.capacitySection')}</h3>
      <p className="muted full">{t('facilities.capacityHint')}</p>
      {capacityKinds.map((k) => (
        <TextField
          key={k}
          label={t(`facilities.capacityKind.${k}`)}
          type="number"
          min={0}
          value={counts[k]}
          onChange={(v) => setCounts((c) => ({ ...c, [k]: v }))}
          error={detailFor(error, k)}
          testId={`facility-capacity-${k}`}
        />
      ))}
      <FormError error={error} fields={fields} testId="facility-error" />
      <FormActions
        busy={busy}
        label={facility ? t('facilities.editSubmit') : t('facilities.createSubmit')}
        testId="facility-submit"
        onCancel={onCancel}
        disabled={!editing && !communeCode}
      />
    </form>
  );
}
