import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../../core/roles.ts';
import type { AuditActorView } from '../../../../core/schemas/audit.ts';
import { auditContract } from '../../../../core/contracts/audit.ts';
import { SelectField, TextField } from '../../ui/form.tsx';
import { useDebounced } from '../../ui/use-debounced.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';

const isRole = (r: string): r is Role => (roles as readonly string[]).includes(r);

/**
 * The "who did it" filter: type part of a name (diacritics optional), pick the account among the
 * matches of the reader's area (GET /api/audit/actors). The picked account stays listed while the
 * search changes.
 */
export function ActorFilter({ value, onChange }: { value: string; onChange(v: string): void }) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const [picked, setPicked] = useState<AuditActorView | null>(null);
  const q = useDebounced(term.trim());
  const list = usePagedList(auditContract.getAuditActors, { q: q || undefined }, { limit: 30 });
  const label = (a: AuditActorView) =>
    `${a.fullName} (${a.username}${isRole(a.role) ? ` · ${t(`roles.${a.role}`)}` : ''} · ${a.localityName})`;
  const shown =
    picked && value === picked.id && !list.items.some((a) => a.id === picked.id) ? [picked, ...list.items] : list.items;

  return (
    <>
      <TextField
        label={t('audit.actorSearch')}
        value={term}
        onChange={setTerm}
        placeholder={t('audit.actorSearchHint')}
        testId="audit-filter-actor-search"
      />
      <SelectField
        label={t('audit.actor')}
        value={value}
        onChange={(id) => {
          setPicked(shown.find((a) => a.id === id) ?? null);
          onChange(id);
        }}
        options={[
          { value: '', label: list.loading && list.items.length === 0 ? t('common.loading') : t('audit.actorAll') },
          ...shown.map((a) => ({ value: a.id, label: label(a) })),
        ]}
        testId="audit-filter-actor"
      />
    </>
  );
}
