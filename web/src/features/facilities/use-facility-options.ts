import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityKind, FacilityView } from '../../../../core/schemas/facilities.ts';
import { facilitiesContract } from '../../../../core/contracts/facilities.ts';
import { api } from '../../ui/api.ts';
import type { Option } from '../../ui/form.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';
import { lineOf } from './facility-labels.ts';

/**
 * Open facilities of the selected area offering `kind`, as select options naming their free places
 * ("Khách sạn A · còn 12 chỗ"). One page of 500 is plenty for a province's facilities; a failure
 * leaves the list empty (the form then says a facility is needed).
 */
export function useFacilityOptions(kind: CapacityKind, refresh = 0): Option[] {
  const { t } = useTranslation();
  const { selected } = useLocalities();
  const [items, setItems] = useState<FacilityView[]>([]);
  useEffect(() => {
    let live = true;
    api(facilitiesContract.getFacilities, { query: { locality: selected?.code, status: 'active', limit: 500 } })
      .then((p) => live && setItems(p.items))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [selected?.code, refresh]);
  return items.flatMap((f) => {
    const line = lineOf(f, kind);
    if (!line || line.capacity === 0) return [];
    const label =
      line.free > 0
        ? t('facilities.freePlaces', { name: f.name, free: line.free })
        : t('facilities.noFreePlaces', { name: f.name });
    return [{ value: f.id, label }];
  });
}
