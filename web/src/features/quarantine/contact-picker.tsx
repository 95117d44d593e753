import { useTranslation } from 'react-i18next';
import type { ContactView } from '../../../../core/schemas/cases.ts';
import { tracingContract } from '../../../../core/contracts/tracing.ts';
import { PagerFooter } from '../../ui/data-table.tsx';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';

/**
 * Pick one confirmed contact (GET /api/contacts?status=confirmed) of the selected area: the people
 * tracing asked to quarantine and not admitted yet. Paged with "load more" like every list.
 */
export function ContactPicker({ value, onChange }: { value: ContactView | null; onChange(c: ContactView): void }) {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const { selected } = useLocalities();
  const list = usePagedList(
    selected ? tracingContract.getContacts : null,
    // People already in quarantine are not offered (their stay is open).
    { locality: selected?.code, status: 'confirmed', awaitingQuarantine: 'true' },
    { limit: 20 },
  );
  return (
    <fieldset className="full picker" data-testid="admit-contact-picker">
      <legend>{t('quarantine.pickContact')}</legend>
      {list.items.length === 0 && !list.loading ? (
        <p className="muted">{t('quarantine.noContacts')}</p>
      ) : (
        <ul className="picker-list">
          {list.items.map((c) => (
            <li key={c.id}>
              <label>
                <input
                  type="radio"
                  name="admit-contact"
                  checked={value?.id === c.id}
                  onChange={() => onChange(c)}
                  data-testid={`admit-contact-${c.personId}`}
                />
                <span>
                  <strong>{c.fullName}</strong>{' '}
                  <span className="muted small">
                    · {c.birthYear} · {t('quarantine.contactOf', { level: c.level, caseNumber: c.caseNumber })}
                  </span>
                  {c.communeName && <span className="muted small"> · {nameOf(c.communeCode, c.communeName)}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <PagerFooter list={list} />
    </fieldset>
  );
}
