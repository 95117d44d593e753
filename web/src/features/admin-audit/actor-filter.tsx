import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../core/schemas/users.ts';
import { usersContract } from '../../../../core/contracts/users.ts';
import { api } from '../../ui/api.ts';
import { SelectField, TextField } from '../../ui/form.tsx';

/**
 * The "who did it" filter: a select fed by GET /api/users (first 500 of the scope); when the
 * caller may not list users, a plain user-id field instead.
 */
export function ActorFilter({ value, onChange }: { value: string; onChange(v: string): void }) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    api(usersContract.getUsers, { query: { limit: 500 } })
      .then((page) => live && setUsers(page.items))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);

  if (failed) {
    return <TextField label={t('audit.actorIdText')} value={value} onChange={onChange} testId="audit-filter-actor" />;
  }
  return (
    <SelectField
      label={t('audit.actor')}
      value={value}
      onChange={onChange}
      options={[
        { value: '', label: users ? t('audit.actorAll') : t('common.loading') },
        ...(users ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` })),
      ]}
      testId="audit-filter-actor"
    />
  );
}
