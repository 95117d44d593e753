import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inspectionsContract as c } from '../../../../core/contracts/inspections.ts';
import type { ViolationView } from '../../../../core/schemas/inspections.ts';
import { api } from '../../ui/api.ts';
import { useFormat } from '../../ui/format.ts';
import { isAreaOfficial } from '../../../../core/roles.ts';
import { useUser } from '../auth/session.tsx';

/**
 * On a person's record: their administrative violations (Decree 117/2020), for officials of their
 * area only; the server checks it and writes the read to the person's access log.
 */
export function PersonViolations({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { role } = useUser();
  const [items, setItems] = useState<ViolationView[]>([]);
  const official = isAreaOfficial(role);
  useEffect(() => {
    if (!official) return;
    let live = true;
    api(c.getInspectionsPeopleViolations, { params: { id: personId } }).then(
      (r) => live && setItems(r.items),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [personId, official]);
  if (!official || items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="person-violations-title" data-testid="person-violations">
      <h2 id="person-violations-title">{t('inspections.decide.violations')}</h2>
      <ul>
        {items.map((v) => (
          <li key={v.id}>
            {v.article.code} · {v.article.title} · {fmt.date(v.committedOn)} · {v.unit.name}
            {v.fine &&
              ` · ${v.fine.amountVnd.toLocaleString('vi-VN')} ₫ (${t(`inspections.decide.status.${v.fine.paymentStatus}`)})`}
          </li>
        ))}
      </ul>
    </section>
  );
}
