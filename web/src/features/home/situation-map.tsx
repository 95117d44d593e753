import type { PathOptions } from 'leaflet';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SituationView } from '../../../../core/schemas/situation.ts';
import { useFormat } from '../../ui/format.ts';
import { BoundaryMap, type BoundaryCollection, type BoundaryProps } from '../../ui/map.tsx';
import { levelName, levelOf } from '../risk/risk-labels.ts';

declare global {
  interface Window {
    /** performance.now() when the home page's map was first drawn coloured (read by the benchmark). */
    __homeMapColoured?: number;
  }
}

type Levels = NonNullable<SituationView['levels']>;

const noData = '#e5e7eb';

/**
 * The area's communes coloured by the level in force (the decision, else the computed level), as
 * on the risk page: each path keeps `class="commune commune-<code>"` and gets `data-level`. Without
 * levels (a role that does not read them) it is the plain boundary map.
 */
export function SituationMap({
  boundaries,
  levels,
  selectedCode,
  onSelect,
}: {
  boundaries: BoundaryCollection | null;
  levels: Levels | null;
  selectedCode: string | null;
  onSelect(p: BoundaryProps): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const byCode = useMemo(() => new Map((levels?.communes ?? []).map((c) => [c.code, c])), [levels]);
  const legend = levels?.ruleSet.levels ?? [];

  const styleFor = useCallback(
    (code: string, selected: boolean): PathOptions => ({
      fillColor: levelOf(legend, byCode.get(code)?.level)?.colour ?? noData,
      fillOpacity: selected ? 0.9 : 0.72,
      color: selected ? '#111827' : '#475569',
      weight: selected ? 3.5 : 1,
      opacity: 1,
    }),
    [byCode, legend],
  );
  const dataAttributes = useCallback(
    (code: string): Record<string, string> => {
      const c = byCode.get(code);
      return c ? { 'data-level': c.level } : {};
    },
    [byCode],
  );
  const describe = useCallback(
    (code: string) => {
      const c = byCode.get(code);
      return c ? `${t('situation.levelHeader')}: ${levelName(legend, c.level, fmt.lang)}` : undefined;
    },
    [byCode, legend, fmt.lang, t],
  );
  const onStyled = useCallback(() => {
    if (window.__homeMapColoured === undefined && byCode.size > 0) window.__homeMapColoured = performance.now();
  }, [byCode]);

  return (
    <BoundaryMap
      data={boundaries}
      selectedCode={selectedCode}
      onSelect={onSelect}
      label={levels ? t('situation.mapLabel') : t('home.mapLabel')}
      {...(levels ? { styleFor, dataAttributes, describe, onStyled } : {})}
    />
  );
}
