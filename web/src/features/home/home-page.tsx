import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localitiesContract } from '../../../../core/contracts/localities.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, useLocalityLabel, usePlaceName } from '../../ui/locality-context.tsx';
import type { BoundaryProps } from '../../ui/map.tsx';
import { useBoundaries } from '../../ui/use-boundaries.ts';
import { Page } from '../../ui/page.tsx';
import { canSeeTodayWork } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { levelName } from '../risk/risk-labels.ts';
import { TodayPanel } from '../today/today-panel.tsx';
import { MapPanel } from './map-panel.tsx';
import { SituationFigures } from './situation-figures.tsx';
import { SituationLegend } from './situation-legend.tsx';
import { useSituation } from './use-situation.ts';
import './home.css';

// The map (Leaflet) is its own chunk: the figures and today's work do not wait for it to load and run.
const SituationMap = lazy(() => import('./situation-map.tsx').then((m) => ({ default: m.SituationMap })));

/**
 * Home: the situation room of the selected area. Headline figures beside yesterday's (each a link
 * to its list), today's work, the communes coloured by risk level with a detail panel, and the
 * communes' table. Figures and levels come in one answer, fetched beside the boundaries.
 */
export function HomePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { role } = useUser();
  const { selected, selectedCode } = useLocalities();
  const placeLabel = useLocalityLabel();
  const nameOf = usePlaceName();
  // Known before the locality tree arrives: the situation and the boundaries are asked for at once.
  const code = selectedCode;
  const situation = useSituation(code);
  const boundaries = useBoundaries(code);
  const [picked, setPicked] = useState<BoundaryProps | null>(null);
  useEffect(() => setPicked(null), [code]);
  const levels = situation.view?.levels ?? null;
  const levelByCode = useMemo(() => new Map((levels?.communes ?? []).map((c) => [c.code, c])), [levels]);

  const rows = useMemo(
    () =>
      (boundaries.data?.features ?? [])
        .map((f) => f.properties)
        .sort((a, b) => a.name.localeCompare(b.name, fmt.lang === 'en' ? 'en' : 'vi')),
    [boundaries.data, fmt.lang],
  );

  const levelText = (code: string) => {
    const c = levelByCode.get(code);
    return c && levels ? levelName(levels.ruleSet.levels, c.level, fmt.lang) : t('situation.noLevel');
  };
  const columns: Column<BoundaryProps>[] = [
    { key: 'name', header: t('home.name'), render: (p) => nameOf(p.code, p.fullName || p.name) },
    ...(levels
      ? [{ key: 'level', header: t('situation.levelHeader'), render: (p: BoundaryProps) => levelText(p.code) }]
      : []),
    {
      key: 'population',
      header: t('home.population'),
      numeric: true,
      render: (p) => (
        <>
          {fmt.number(p.population)}
          {p.population !== null && p.populationIsDemo && <span className="demo-mark"> {t('common.demoFigure')}</span>}
        </>
      ),
    },
  ];
  const error = situation.error ?? boundaries.error;

  return (
    <Page title={t('situation.title')} intro={selected ? placeLabel(selected) : undefined}>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <SituationFigures figures={situation.view?.figures ?? (situation.error ? [] : null)} />
      {canSeeTodayWork(role) && <TodayPanel />}
      <h2>{levels ? t('situation.mapTitle') : t('home.communes')}</h2>
      <div className="map-layout" aria-busy={boundaries.loading || situation.loading || undefined}>
        <Suspense fallback={<div className="map" aria-busy="true" />}>
          <SituationMap
            boundaries={boundaries.data}
            levels={levels}
            selectedCode={picked?.code ?? null}
            onSelect={setPicked}
          />
        </Suspense>
        <MapPanel picked={picked} level={picked && levels ? levelText(picked.code) : null} />
      </div>
      {levels && <SituationLegend levels={levels} />}
      {!boundaries.loading && boundaries.data && rows.length === 0 && <p className="muted">{t('home.noBoundaries')}</p>}
      <h2>{t('home.communes')}</h2>
      <DataTable<BoundaryProps>
        testId="commune-table"
        columns={columns}
        rows={rows}
        rowKey={(p) => p.code}
        onRowClick={(p) => setPicked(p)}
        rowClassName={(p) => (p.code === picked?.code ? 'selected' : undefined)}
        emptyText={boundaries.loading ? t('common.loading') : undefined}
      />
    </Page>
  );
}
