import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roleScopeLevels, type Role } from '../../../../core/roles.ts';
import type { CreateUserRequest, UserView } from '../../../../core/schemas/users.ts';
import { ApiError, api } from '../../ui/api.ts';
import { FormError, SelectField, TextField, detailFor, type FormFailure } from '../../ui/form.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';
import { localityOptions } from '../../ui/locality-picker.tsx';
import { roleOptions } from './role-options.ts';

export interface CreatedUser {
  user: UserView;
  temporaryPassword: string | null;
}

const fields = ['username', 'fullName', 'role', 'localityCode', 'password'] as const;

/** POST /api/users. The locality list only offers the levels the chosen role may be scoped to. */
export function UserCreateForm({ onCreated }: { onCreated(result: CreatedUser): void }) {
  const { t } = useTranslation();
  const { entries, selected } = useLocalities();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<Role>('commune_officer');
  const [localityCode, setLocalityCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<FormFailure>(null);
  const [busy, setBusy] = useState(false);

  const options = localityOptions(entries, roleScopeLevels[role]);
  // Keep the choice valid for the role: default to the picker's selection, else the first allowed.
  const effectiveLocality = options.some((o) => o.value === localityCode)
    ? localityCode
    : (options.find((o) => o.value === selected?.code) ?? options[0])?.value ?? '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: CreateUserRequest = {
      username: username.trim().toLowerCase(),
      fullName: fullName.trim(),
      role,
      localityCode: effectiveLocality,
      ...(password ? { password } : {}),
    };
    try {
      const result = await api<CreatedUser>('/api/users', { method: 'POST', json: body });
      setUsername('');
      setFullName('');
      setPassword('');
      onCreated(result);
    } catch (err) {
      setError(err instanceof ApiError ? err : t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
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
      <SelectField
        label={t('users.role')}
        value={role}
        onChange={(v) => setRole(v as Role)}
        options={roleOptions(t)}
        error={detailFor(error, 'role')}
        testId="user-create-role"
      />
      <SelectField
        label={t('users.locality')}
        value={effectiveLocality}
        onChange={setLocalityCode}
        options={options}
        hint={options.length === 0 ? t('users.noLocalityForRole') : undefined}
        error={detailFor(error, 'localityCode')}
        testId="user-create-locality"
      />
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
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !effectiveLocality} data-testid="user-create-submit">
          {busy ? t('common.saving') : t('users.createSubmit')}
        </button>
      </div>
    </form>
  );
}
