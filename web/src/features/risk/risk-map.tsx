import type { PathOptions } from 'leaflet';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommuneOnMap, RiskMapView } from '../../../../core/schemas/risk-map.ts';
import { useFormat } from '../../ui/format.ts';
import { BoundaryMap, type BoundaryCollection, type BoundaryProps } from '../../ui/map.tsx';
import { levelName, levelOf } from './risk-labels.ts';

declare global {
  interface Window {
    /** performance.now() when the coloured layer was first on the map (read by the benchmark). */
    __riskMapFirstColour?: number;
  }
}

const noData = '#e5e7eb';

/**
 * The choropleth of levels: the boundary map with each commune filled with the colour of its
 * effective level, a thick dashed outline inside an active zone, and on each SVG path
 * `class="commune commune-<code>"` and `data-level="<levelKey>"` (communes the view lacks have no
 * `data-level`).
 */
export function RiskMap({
  view,
  boundaries,
  selectedCode,
  onSelect,
}: {
  view: RiskMapView;
  boundaries: BoundaryCollection;
  selectedCode: string | null;
  onSelect(p: BoundaryProps): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const byCode = useMemo(() => new Map<string, CommuneOnMap>(view.communes.map((c) => [c.code, c])), [view]);
  const levels = view.ruleSet.levels;

  const styleFor = useCallback(
    (code: string, selected: boolean): PathOptions => {
      const c = byCode.get(code);
      const fillColor = levelOf(levels, c?.level)?.colour ?? noData;
      return {
        fillColor,
        fillOpacity: selected ? 0.9 : 0.72,
        color: selected ? '#111827' : c?.inZone ? '#1f2937' : '#475569',
        weight: selected ? 3.5 : c?.inZone ? 3 : 1,
        opacity: 1,
        dashArray: c?.inZone ? '7 5' : undefined,
      };
    },
    [byCode, levels],
  );

  const dataAttributes = useCallback(
    (code: string): Record<string, string> => {
      const c = byCode.get(code);
      return c ? { 'data-level': c.level, 'data-in-zone': String(c.inZone) } : {};
    },
    [byCode],
  );

  const describe = useCallback(
    (code: string) => {
      const c = byCode.get(code);
      if (!c) return t('risk.legendNoData');
      const level = levelName(levels, c.level, fmt.lang);
      return c.decidedLevel && c.decidedLevel !== c.computedLevel
        ? t('risk.tooltipDecided', { level, computed: levelName(levels, c.computedLevel, fmt.lang) })
        : t('risk.tooltipLevel', { level });
    },
    [byCode, levels, fmt.lang, t],
  );

  const raised = useCallback((code: string) => byCode.get(code)?.inZone === true, [byCode]);

  const onStyled = useCallback(() => {
    if (window.__riskMapFirstColour === undefined) window.__riskMapFirstColour = performance.now();
  }, []);

  return (
    <BoundaryMap
      data={boundaries}
      selectedCode={selectedCode}
      onSelect={onSelect}
      label={t('risk.mapLabel')}
      styleFor={styleFor}
      dataAttributes={dataAttributes}
      describe={describe}
      raised={raised}
      onStyled={onStyled}
    />
  );
}
