import { useTranslation } from 'react-i18next';
import type { ContactStatus } from '../../../../core/schemas/cases.ts';
import { SelectField } from '../../ui/form.tsx';
import { contactStatuses, isContactStatus } from './case-labels.ts';

/** "All / proposed / confirmed / rejected", as a case's contacts and the follow-up list filter them. */
export function ContactStatusFilter({
  value,
  onChange,
  testId,
}: {
  value: ContactStatus | '';
  onChange: (v: ContactStatus | '') => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="filters compact-filters">
      <SelectField
        label={t('contacts.statusHeader')}
        value={value}
        onChange={(v) => onChange(isContactStatus(v) ? v : '')}
        options={[
          { value: '', label: t('common.all') },
          ...contactStatuses.map((s) => ({ value: s, label: t(`contacts.status.${s}`) })),
        ]}
        testId={testId}
      />
    </div>
  );
}
