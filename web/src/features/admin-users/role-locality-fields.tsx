import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../core/roles.ts';
import { SelectField, detailFor, type FormFailure, type Option } from '../../ui/form.tsx';
import { roleOptions } from './role-options.ts';

/**
 * An account's role and the locality it is scoped to (`role`, `localityCode`). The caller makes the
 * locality list, as it depends on the role and on what the form keeps when the role changes.
 */
export function RoleLocalityFields(p: {
  role: Role;
  onRole(role: Role): void;
  localityCode: string;
  onLocality(code: string): void;
  localities: readonly Option[];
  localityHint?: string;
  error: FormFailure;
  /** `user-create` → `user-create-role`, `user-create-locality`. */
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        label={t('users.role')}
        value={p.role}
        onChange={(v) => p.onRole(v as Role)}
        options={roleOptions(t)}
        error={detailFor(p.error, 'role')}
        testId={`${p.testIdPrefix}-role`}
      />
      <SelectField
        label={t('users.locality')}
        value={p.localityCode}
        onChange={p.onLocality}
        options={p.localities}
        hint={p.localityHint}
        error={detailFor(p.error, 'localityCode')}
        testId={`${p.testIdPrefix}-locality`}
      />
    </>
  );
}
