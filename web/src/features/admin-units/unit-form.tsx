import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unitsContract } from '../../../../core/contracts/units.ts';
import { unitKinds, type UnitKindValue, type UnitView } from '../../../../core/schemas/units.ts';
import { api } from '../../ui/api.ts';
import {
  CheckboxField,
  FormActions,
  FormError,
  SelectField,
  TextField,
  detailFor,
  useFormSubmit,
} from '../../ui/form.tsx';

const fields = ['name', 'nameEn', 'kind', 'supervisorUnitId', 'contactPhone', 'contactEmail', 'active'] as const;

/** The kinds a unit may take: a commune's or district's unit keeps its area's kind; the others choose among theirs. */
function kindsFor(u: UnitView): readonly UnitKindValue[] {
  if (u.kind === 'commune' || u.kind === 'district') return [u.kind];
  return unitKinds.filter((k) => k !== 'commune' && k !== 'district');
}

/** PATCH /api/units/:id with every field and the version read; a stale copy is answered 409 and shown. */
export function UnitForm(p: {
  unit: UnitView;
  supervisors: readonly UnitView[];
  onDone(u: UnitView): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const u = p.unit;
  const [name, setName] = useState(u.names.vi);
  const [nameEn, setNameEn] = useState(u.names.en);
  const [kind, setKind] = useState<UnitKindValue>(u.kind);
  const [supervisor, setSupervisor] = useState(u.supervisor?.id ?? '');
  const [phone, setPhone] = useState(u.contactPhone ?? '');
  const [email, setEmail] = useState(u.contactEmail ?? '');
  const [active, setActive] = useState(u.active);
  const { error, busy, run } = useFormSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const saved = await api(unitsContract.patchUnitsById, {
        params: { id: u.id },
        body: {
          baseVersion: u.version,
          name: name.trim(),
          nameEn: nameEn.trim(),
          kind,
          supervisorUnitId: supervisor || null,
          contactPhone: phone.trim() || null,
          contactEmail: email.trim() || null,
          active,
        },
      });
      p.onDone(saved);
    });
  };

  const supervisorOptions = [
    { value: '', label: t('units.noSupervisor') },
    ...p.supervisors
      .filter((s) => s.id !== u.id && (s.active || s.id === u.supervisor?.id))
      .map((s) => ({ value: s.id, label: `${s.name} (${s.code})` })),
  ];

  return (
    <form className="form-grid inline-form" onSubmit={(e) => void submit(e)} noValidate data-testid="unit-form">
      <h3>{t('units.editTitle', { name: u.name })}</h3>
      <TextField
        label={t('units.nameVi')}
        value={name}
        onChange={setName}
        required
        error={detailFor(error, 'name')}
        testId="unit-name"
      />
      <TextField
        label={t('units.nameEn')}
        value={nameEn}
        onChange={setNameEn}
        required
        error={detailFor(error, 'nameEn')}
        testId="unit-name-en"
      />
      <SelectField
        label={t('units.kind')}
        value={kind}
        onChange={(v) => setKind(v as UnitKindValue)}
        options={kindsFor(u).map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
        error={detailFor(error, 'kind')}
        testId="unit-kind"
      />
      <SelectField
        label={t('units.supervisor')}
        value={supervisor}
        onChange={setSupervisor}
        options={supervisorOptions}
        error={detailFor(error, 'supervisorUnitId')}
        testId="unit-supervisor"
      />
      <TextField
        label={t('units.contactPhone')}
        type="tel"
        value={phone}
        onChange={setPhone}
        error={detailFor(error, 'contactPhone')}
        testId="unit-phone"
      />
      <TextField
        label={t('units.contactEmail')}
        type="email"
        value={email}
        onChange={setEmail}
        error={detailFor(error, 'contactEmail')}
        testId="unit-email"
      />
      <CheckboxField label={t('units.activeField')} checked={active} onChange={setActive} testId="unit-active" />
      <FormError error={error} fields={fields} />
      <FormActions busy={busy} label={t('common.save')} testId="unit-save" onCancel={p.onCancel} />
    </form>
  );
}
