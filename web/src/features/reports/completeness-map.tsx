import type { PathOptions } from 'leaflet';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletenessView } from '../../../../core/schemas/reports.ts';
import { BoundaryMap, type BoundaryCollection } from '../../ui/map.tsx';
import { stateColours } from './completeness-trend.tsx';

const colourOf = { on_time: stateColours.onTime, late: stateColours.late, missing: stateColours.missing } as const;
const label = { on_time: 'reports.onTime', late: 'reports.late', missing: 'reports.missing' } as const;

/** The area's communes coloured by their report of the period: on time, late, missing (grey: not a reporting unit). */
export default function CompletenessMap({
  boundaries,
  communes,
}: {
  boundaries: BoundaryCollection | null;
  communes: CompletenessView['communes'];
}) {
  const { t } = useTranslation();
  const byCode = useMemo(() => new Map(communes.map((c) => [c.code, c.state])), [communes]);
  const styleFor = useCallback(
    (code: string): PathOptions => {
      const state = byCode.get(code);
      return {
        fillColor: state ? colourOf[state] : '#f1f5f9',
        fillOpacity: 0.8,
        color: '#475569',
        weight: 1,
        opacity: 1,
      };
    },
    [byCode],
  );
  const dataAttributes = useCallback(
    (code: string): Record<string, string> => {
      const state = byCode.get(code);
      return state ? { 'data-report-state': state } : {};
    },
    [byCode],
  );
  const describe = useCallback(
    (code: string) => {
      const state = byCode.get(code);
      return state ? t(label[state]) : undefined;
    },
    [byCode, t],
  );
  return (
    <BoundaryMap
      data={boundaries}
      selectedCode={null}
      onSelect={() => {}}
      label={t('reports.mapLabel')}
      styleFor={styleFor}
      dataAttributes={dataAttributes}
      describe={describe}
    />
  );
}
