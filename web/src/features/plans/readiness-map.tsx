import type { PathOptions } from 'leaflet';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaReadinessView } from '../../../../core/schemas/plans.ts';
import { BoundaryMap, type BoundaryCollection } from '../../ui/map.tsx';
import { readinessColour } from './labels.ts';

/** The area's communes coloured by the readiness of their unit for the level (grey: no plan). */
export default function ReadinessMap({
  boundaries,
  units,
}: {
  boundaries: BoundaryCollection | null;
  units: AreaReadinessView['units'];
}) {
  const { t } = useTranslation();
  // A commune's own unit (its People's Committee) is the one whose area is the commune.
  const byCode = useMemo(
    () => new Map(units.filter((u) => u.hasPlan).map((u) => [u.localityCode, u.readinessPercent])),
    [units],
  );
  const styleFor = useCallback(
    (code: string): PathOptions => ({
      fillColor: readinessColour(byCode.get(code)),
      fillOpacity: 0.8,
      color: '#475569',
      weight: 1,
      opacity: 1,
    }),
    [byCode],
  );
  const dataAttributes = useCallback(
    (code: string): Record<string, string> => {
      const p = byCode.get(code);
      return p === undefined ? {} : { 'data-readiness': String(p) };
    },
    [byCode],
  );
  const describe = useCallback(
    (code: string) => {
      const p = byCode.get(code);
      return p === undefined ? t('plans.noPlan') : t('plans.readinessPercent', { n: p });
    },
    [byCode, t],
  );
  return (
    <BoundaryMap
      data={boundaries}
      selectedCode={null}
      onSelect={() => {}}
      label={t('plans.mapLabel')}
      styleFor={styleFor}
      dataAttributes={dataAttributes}
      describe={describe}
    />
  );
}
