import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localitiesContract } from '../../../../core/contracts/localities.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { BoundaryMap, type BoundaryCollection, type BoundaryProps } from '../../ui/map.tsx';
import { Page } from '../../ui/page.tsx';
import { canSeeTodayWork } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { TodayPanel } from '../today/today-panel.tsx';
import { MapPanel } from './map-panel.tsx';

/** Home: the boundaries of the selected locality on a map, a detail panel and a table. */
export function HomePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { role } = useUser();
  const { selected } = useLocalities();
  const code = selected?.code ?? null;
  const [data, setData] = useState<BoundaryCollection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [picked, setPicked] = useState<BoundaryProps | null>(null);

  useEffect(() => {
    if (!code) return;
    let live = true;
    setLoading(true);
    setError(null);
    setPicked(null);
    api(localitiesContract.getLocalitiesBoundaries, { params: { code } })
      // Raw GeoJSON (no answer schema: too big to run through one); its shape is ui/map.tsx's.
      .then((fc) => live && setData(fc as BoundaryCollection))
      .catch((e: unknown) => {
        if (!live) return;
        setData(null);
        setError(errorMessage(e));
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [code]);

  const rows = useMemo(
    () =>
      (data?.features ?? [])
        .map((f) => f.properties)
        .sort((a, b) => a.name.localeCompare(b.name, fmt.lang === 'en' ? 'en' : 'vi')),
    [data, fmt.lang],
  );

  const columns: Column<BoundaryProps>[] = [
    { key: 'name', header: t('home.name'), render: (p) => p.fullName || p.name },
    { key: 'code', header: t('home.code'), render: (p) => <code>{p.code}</code> },
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

  return (
    <Page title={t('home.title')} intro={selected?.fullName}>
      {/* What needs doing comes before the map: the first thing an official sees on signing in. */}
      {canSeeTodayWork(role) && <TodayPanel />}
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <div className="map-layout" aria-busy={loading || undefined}>
        <BoundaryMap data={data} selectedCode={picked?.code ?? null} onSelect={setPicked} label={t('home.mapLabel')} />
        <MapPanel picked={picked} />
      </div>
      {!loading && data && rows.length === 0 && <p className="muted">{t('home.noBoundaries')}</p>}
      <h2>{t('home.communes')}</h2>
      <DataTable<BoundaryProps>
        testId="commune-table"
        columns={columns}
        rows={rows}
        rowKey={(p) => p.code}
        onRowClick={(p) => setPicked(p)}
        rowClassName={(p) => (p.code === picked?.code ? 'selected' : undefined)}
        emptyText={loading ? t('common.loading') : undefined}
      />
    </Page>
  );
}
