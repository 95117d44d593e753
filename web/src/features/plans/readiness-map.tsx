import type { PathOptions } from 'leaflet';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaReadinessItem } from '../../../../core/schemas/plans.ts';
import { BoundaryMap, type BoundaryCollection } from '../../ui/map.tsx';
import { readinessColour } from './labels.ts';

/** The area's communes coloured by the readiness of their unit for the level (grey: no plan). */
export default function ReadinessMap({
  boundaries,
  units,
}: {
  boundaries: BoundaryCollection | null;
  units: readonly AreaReadinessItem[];
}) {
  const { t } = useTranslation();
  // Several units may share a commune (its committee, its health station): the least ready shows.
  const byCode = useMemo(() => {
    const m = new Map<string, number>();
    for (const u of units)
      if (u.hasPlan) m.set(u.localityCode, Math.min(u.readinessPercent, m.get(u.localityCode) ?? 100));
    return m;
  }, [units]);
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
  const legend = [
    { colour: readinessColour(100), label: t('plans.legendReady') },
    { colour: readinessColour(50), label: t('plans.legendPartly') },
    { colour: readinessColour(0), label: t('plans.legendShort') },
    { colour: readinessColour(undefined), label: t('plans.noPlan') },
  ];
  return (
    <>
      <ul className="plain-list map-legend" aria-label={t('plans.mapLabel')}>
        {legend.map((l) => (
          <li key={l.label}>
            <span aria-hidden="true" style={{ display: 'inline-block', width: 12, height: 12, background: l.colour }} />{' '}
            {l.label}
          </li>
        ))}
      </ul>
      <BoundaryMap
        data={boundaries}
        selectedCode={null}
        onSelect={() => {}}
        label={t('plans.mapLabel')}
        styleFor={styleFor}
        dataAttributes={dataAttributes}
        describe={describe}
      />
    </>
  );
}
