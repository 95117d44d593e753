import { useEffect, useState } from 'react';
import { unitsContract } from '../../../../core/contracts/units.ts';
import type { UnitRef } from '../../../../core/schemas/units.ts';
import { api } from '../../ui/api.ts';

/**
 * The units a form may name: those of the area (province officials), else the ones the user is an
 * officer of. The server checks the choice again.
 */
export function useUnits(locality: string | undefined): UnitRef[] {
  const [units, setUnits] = useState<UnitRef[]>([]);
  useEffect(() => {
    let live = true;
    api(unitsContract.getUnits, { query: { locality, limit: 500 } })
      .then((p) => p.items)
      .catch(() => api(unitsContract.getUnitsMine).then((m) => m.reportsFor))
      .then(
        (list) => live && setUnits(list.map((u) => ({ id: u.id, code: u.code, name: u.name }))),
        () => live && setUnits([]),
      );
    return () => {
      live = false;
    };
  }, [locality]);
  return units;
}

export const unitOptions = (units: readonly UnitRef[]) => units.map((u) => ({ value: u.id, label: u.name }));
