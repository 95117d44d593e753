import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roleScopeLevels, type Role } from '../../../../core/roles.ts';
import type { CreateUserRequest, UserView } from '../../../../core/schemas/users.ts';
import { usersContract } from '../../../../core/contracts/users.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';
import { localityOptions } from '../../ui/locality-picker.tsx';
import { FacilityPicker } from './facility-picker.tsx';
import { RoleLocalityFields } from './role-locality-fields.tsx';
import { useLang } from '../../ui/format.ts';

export interface CreatedUser {
  user: UserView;
  temporaryPassword: string | null;
}

const fields = ['username', 'fullName', 'role', 'localityCode', 'password', 'facilityIds'] as const;

/** POST /api/users. The locality list only offers the levels the chosen role may be scoped to. */
export function UserCreateForm({ onCreated }: { onCreated(result: CreatedUser): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { entries, selected } = useLocalities();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<Role>('commune_officer');
  const [localityCode, setLocalityCode] = useState('');
  const [password, setPassword] = useState('');
  const [facilityIds, setFacilityIds] = useState<string[]>([]);
  const { error, busy, run } = useFormSubmit();

  const options = localityOptions(entries, lang, roleScopeLevels[role]);
  // Keep the choice valid for the role: default to the picker's selection, else the first allowed.
  const effectiveLocality = options.some((o) => o.value === localityCode)
    ? localityCode
    : ((options.find((o) => o.value === selected?.code) ?? options[0])?.value ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: CreateUserRequest = {
      username: username.trim().toLowerCase(),
      fullName: fullName.trim(),
      role,
      localityCode: effectiveLocality,
      ...(password ? { password } : {}),
      ...(role === 'facility_staff' ? { facilityIds } : {}),
    };
    await run(async () => {
      const result = await api(usersContract.postUsers, { body: body });
      setUsername('');
      setFullName('');
      setPassword('');
      setFacilityIds([]);
      onCreated(result);
    });
  };

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="user-create-form">
      <h2>{t('users.createTitle')}</h2>
      <TextField
        label={t('users.username')}
        value={username}
        onChange={setUsername}
        hint={t('users.usernameHint')}
        autoComplete="off"
        required
        error={detailFor(error, 'username')}
        testId="user-create-username"
      />
      <TextField
        label={t('users.fullName')}
        value={fullName}
        onChange={setFullName}
        autoComplete="off"
        required
        error={detailFor(error, 'fullName')}
        testId="user-create-fullname"
      />
      <RoleLocalityFields
        role={role}
        onRole={setRole}
        localityCode={effectiveLocality}
        onLocality={setLocalityCode}
        localities={options}
        localityHint={options.length === 0 ? t('users.noLocalityForRole') : undefined}
        error={error}
        testIdPrefix="user-create"
      />
      {role === 'facility_staff' && (
        <FacilityPicker
          localityCode={effectiveLocality}
          value={facilityIds}
          onChange={setFacilityIds}
          error={error}
          testIdPrefix="user-create"
        />
      )}
      <TextField
        label={`${t('users.password')} ${t('common.optional')}`}
        type="password"
        value={password}
        onChange={setPassword}
        hint={t('users.passwordHint')}
        autoComplete="new-password"
        error={detailFor(error, 'password')}
        testId="user-create-password"
      />
      <FormError error={error} fields={fields} testId="user-create-error" />
      <FormActions
        busy={busy}
        label={t('users.createSubmit')}
        testId="user-create-submit"
        disabled={!effectiveLocality}
      />
    </form>
  );
}
