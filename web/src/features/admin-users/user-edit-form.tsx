import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roleScopeLevels, type Role } from '../../../../core/roles.ts';
import type { UpdateUserRequest, UserView } from '../../../../core/schemas/users.ts';
import { usersContract } from '../../../../core/contracts/users.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';
import { localityOptions } from '../../ui/locality-picker.tsx';
import { FacilityPicker } from './facility-picker.tsx';
import { RoleLocalityFields } from './role-locality-fields.tsx';
import { useLang } from '../../ui/format.ts';

const fields = ['fullName', 'role', 'localityCode', 'facilityIds'] as const;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** PATCH /api/users/:id with only the fields that changed. */
export function UserEditForm(p: { user: UserView; onSaved(user: UserView | null): void; onCancel(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { entries } = useLocalities();
  const [fullName, setFullName] = useState(p.user.fullName);
  const [role, setRole] = useState<Role>(p.user.role);
  const [localityCode, setLocalityCode] = useState(p.user.localityCode);
  const [facilityIds, setFacilityIds] = useState<string[]>([...(p.user.facilityIds ?? [])]);
  const { error, setError, busy, run } = useFormSubmit();

  const options = localityOptions(entries, lang, roleScopeLevels[role]);
  if (!options.some((o) => o.value === localityCode)) {
    const known = entries.find((e) => e.locality.code === localityCode)?.locality;
    options.unshift({ value: localityCode, label: `${known?.fullName ?? p.user.localityName} (${localityCode})` });
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: UpdateUserRequest = {};
    if (fullName.trim() !== p.user.fullName) body.fullName = fullName.trim();
    if (role !== p.user.role) body.role = role;
    if (localityCode !== p.user.localityCode) body.localityCode = localityCode;
    if (role === 'facility_staff' && !sameSet(facilityIds, p.user.facilityIds ?? [])) body.facilityIds = facilityIds;
    if (Object.keys(body).length === 0) return setError(t('users.nothingChanged'));
    await run(async () => {
      const answer = await api(usersContract.patchUsersById, { params: { id: p.user.id }, body });
      p.onSaved(answer);
    });
  };

  return (
    <form className="form-grid inline-form" onSubmit={(e) => void submit(e)} noValidate data-testid="user-edit-form">
      <h3>{t('users.editTitle', { username: p.user.username })}</h3>
      <TextField
        label={t('users.fullName')}
        value={fullName}
        onChange={setFullName}
        required
        error={detailFor(error, 'fullName')}
        testId="user-edit-fullname"
      />
      <RoleLocalityFields
        role={role}
        onRole={setRole}
        localityCode={localityCode}
        onLocality={setLocalityCode}
        localities={options}
        error={error}
        testIdPrefix="user-edit"
      />
      {role === 'facility_staff' && (
        <FacilityPicker
          localityCode={localityCode}
          value={facilityIds}
          onChange={setFacilityIds}
          error={error}
          testIdPrefix="user-edit"
        />
      )}
      <FormError error={error} fields={fields} />
      <FormActions busy={busy} label={t('common.save')} testId="user-edit-save" onCancel={p.onCancel} />
    </form>
  );
}
