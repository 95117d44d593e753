import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../core/schemas/users.ts';
import { usersContract } from '../../../../core/contracts/users.ts';
import { api, ApiError, apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { FormError, Notice, OneTimeSecret, SelectField, TextField, type FormFailure } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, useLocalityLabel, usePlaceName } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { useDebounced } from '../../ui/use-debounced.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { PosterAddressWarning, usePosterAddress } from '../venues/poster-address-warning.tsx';
import { roleOptions } from './role-options.ts';
import { UserCreateForm, type CreatedUser } from './user-create-form.tsx';
import { UserEditForm } from './user-edit-form.tsx';

/** Admin → Users: filtered keyset list, export, create, edit, disable/enable, reset password or two-factor, end sessions. */
export function UsersPage() {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const placeLabel = useLocalityLabel();
  const posterAddress = usePosterAddress();
  const [role, setRole] = useState('');
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim());
  const [showCreate, setShowCreate] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<FormFailure>(null);

  const query = { locality: selected?.code, role: role || undefined, q: debouncedQ || undefined };
  const list = usePagedList(selected ? usersContract.getUsers : null, query);

  const run = async (action: () => Promise<void>) => {
    setNotice(null);
    setActionError(null);
    try {
      await action();
    } catch (e) {
      setActionError(e instanceof ApiError ? e : t('errors.unexpected'));
    }
  };

  const applyUpdate = (id: string, answer: UserView | null) => {
    if (answer) list.replace((u) => u.id === id, answer);
    else list.reload();
  };

  const toggleDisabled = (u: UserView) =>
    run(async () => {
      const question = u.disabled
        ? t('users.confirmEnable', { username: u.username })
        : t('users.confirmDisable', { username: u.username });
      if (!window.confirm(question)) return;
      const answer = await api(usersContract.patchUsersById, { params: { id: u.id }, body: { disabled: !u.disabled } });
      applyUpdate(u.id, answer);
      setNotice(t('users.saved'));
    });

  const resetPassword = (u: UserView) =>
    run(async () => {
      if (!window.confirm(t('users.confirmReset', { username: u.username }))) return;
      const answer = await api(usersContract.postUsersResetPassword, { params: { id: u.id } });
      setSecret({ username: u.username, password: answer.temporaryPassword });
      window.scrollTo(0, 0);
    });

  const resetTwoFactor = (u: UserView) =>
    run(async () => {
      if (!window.confirm(t('security.confirmResetTwoFactor', { username: u.username }))) return;
      const answer = await api(usersContract.postUsersReset2fa, { params: { id: u.id } });
      applyUpdate(u.id, answer);
      setNotice(t('security.twoFactorReset', { username: u.username }));
    });

  const endSessions = (u: UserView) =>
    run(async () => {
      if (!window.confirm(t('security.confirmEndSessions', { username: u.username }))) return;
      const { ended } = await api(usersContract.postUsersEndSessions, { params: { id: u.id } });
      setNotice(t('security.sessionsEnded', { count: ended, username: u.username }));
    });

  const onCreated = (result: CreatedUser) => {
    setNotice(t('users.created', { username: result.user.username }));
    setSecret(result.temporaryPassword ? { username: result.user.username, password: result.temporaryPassword } : null);
    setShowCreate(false);
    list.reload();
  };

  const status = (u: UserView) => {
    if (u.disabled) return <span className="badge badge-off">{t('users.statusDisabled')}</span>;
    return <span className="badge badge-ok">{t('users.statusActive')}</span>;
  };

  const columns: Column<UserView>[] = [
    { key: 'username', header: t('users.username'), render: (u) => <code>{u.username}</code> },
    { key: 'fullName', header: t('users.fullName'), render: (u) => u.fullName },
    { key: 'role', header: t('users.role'), render: (u) => t(`roles.${u.role}`) },
    { key: 'locality', header: t('users.locality'), render: (u) => nameOf(u.localityCode, u.localityName) },
    { key: 'status', header: t('users.status'), render: status },
    {
      key: 'twoFactor',
      header: t('security.twoFactorColumn'),
      render: (u) =>
        u.twoFactorEnabled ? (
          <span className="badge badge-ok">{t('security.twoFactorOn')}</span>
        ) : (
          <span className="badge">{t('security.twoFactorOff')}</span>
        ),
    },
    { key: 'createdAt', header: t('users.createdAt'), render: (u) => fmt.dateTime(u.createdAt) },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (u) => (
        <div className="row-actions">
          <button
            type="button"
            onClick={() => setEditing(editing === u.id ? null : u.id)}
            aria-expanded={editing === u.id}
            data-testid="user-edit"
          >
            {t('users.edit')}
          </button>
          <button type="button" onClick={() => void toggleDisabled(u)} data-testid="user-toggle-disabled">
            {u.disabled ? t('users.enable') : t('users.disable')}
          </button>
          <button type="button" onClick={() => void resetPassword(u)} data-testid="user-reset-password">
            {t('users.resetPassword')}
          </button>
          {u.twoFactorEnabled && (
            <button type="button" onClick={() => void resetTwoFactor(u)} data-testid="user-reset-2fa">
              {t('security.resetTwoFactor')}
            </button>
          )}
          <button type="button" onClick={() => void endSessions(u)} data-testid="user-end-sessions">
            {t('security.endSessions')}
          </button>
        </div>
      ),
    },
  ];

  return (
    <Page title={t('users.title')}>
      <PosterAddressWarning address={posterAddress} audience="admin" />
      {secret && (
        <OneTimeSecret
          title={t('users.tempPasswordTitle', { username: secret.username })}
          secret={secret.password}
          onClose={() => setSecret(null)}
        />
      )}
      <Notice>{notice}</Notice>
      <FormError error={actionError} />

      <div className="toolbar">
        <button
          type="button"
          className="primary"
          aria-expanded={showCreate}
          onClick={() => setShowCreate((s) => !s)}
          data-testid="user-create-toggle"
        >
          {showCreate ? t('common.close') : t('users.createTitle')}
        </button>
        <a
          className="button"
          href={apiHref(usersContract.getUsersExport, { query: query })}
          download
          data-testid="users-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(usersContract.getUsersExportCsv, { query: query })}
          download
          data-testid="users-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      {showCreate && <UserCreateForm onCreated={onCreated} />}

      <div className="filters">
        <p className="muted">
          {t('users.filterLocality', { name: selected ? placeLabel(selected) : t('common.empty') })}
        </p>
        <SelectField
          label={t('users.filterRole')}
          value={role}
          onChange={setRole}
          options={[{ value: '', label: t('common.all') }, ...roleOptions(t)]}
          testId="users-filter-role"
        />
        <TextField label={t('users.filterQ')} type="search" value={q} onChange={setQ} testId="users-filter-q" />
      </div>

      <DataTable
        testId="users-table"
        columns={columns}
        rows={list.items}
        rowKey={(u) => u.id}
        rowClassName={(u) => (u.disabled ? 'muted-row' : undefined)}
        renderDetail={(u) =>
          editing === u.id ? (
            <UserEditForm
              user={u}
              onCancel={() => setEditing(null)}
              onSaved={(answer) => {
                applyUpdate(u.id, answer);
                setEditing(null);
                setNotice(t('users.saved'));
              }}
            />
          ) : null
        }
      />
      <PagerFooter list={list} />
    </Page>
  );
}
