import { Suspense, lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plansContract } from '../../../../core/contracts/plans.ts';
import type { AreaReadinessItem, ReadinessView } from '../../../../core/schemas/plans.ts';
import { api, apiHref, errorMessage } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { CheckboxField, SelectField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { Link } from '../../ui/router.tsx';
import { useBoundaries } from '../../ui/use-boundaries.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { readinessBadge, useResourceName } from './labels.ts';

// Leaflet is its own chunk: the table does not wait for the map.
const ReadinessMap = lazy(() => import('./readiness-map.tsx'));

export const levelOptions = (label: (n: number) => string) =>
  [1, 2, 3, 4].map((n) => ({ value: String(n), label: label(n) }));

/** The shortfalls of one unit, one line each: "Kit test nhanh: thiếu 500 (cần 500, có 0)". */
export function Shortfalls({ view }: { view: Pick<ReadinessView, 'shortfalls' | 'hasPlan'> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const nameOf = useResourceName();
  if (!view.hasPlan) return <span className="muted">{t('plans.noPlan')}</span>;
  if (view.shortfalls.length === 0) return <span data-testid="no-shortfall">{t('plans.noShortfall')}</span>;
  return (
    <ul className="plain-list">
      {view.shortfalls.map((s) => (
        <li key={`${s.kind}:${s.code}`} data-testid={`shortfall-${s.code}`}>
          {t('plans.shortfallLine', {
            name: nameOf(s),
            missing: fmt.number(s.quantity),
            required: fmt.number(s.required),
            available: fmt.number(s.available),
          })}
        </li>
      ))}
    </ul>
  );
}

type Row = AreaReadinessItem;

/** Every unit of the area for the map, walked page by page (500 at a time) as the export walks them. */
function useAllUnits(locality: string | undefined, level: number): { units: Row[] | null; error: string | null } {
  const [units, setUnits] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!locality) return;
    let live = true;
    setUnits(null);
    setError(null);
    (async () => {
      const all: Row[] = [];
      let after: string | undefined;
      do {
        const page = await api(plansContract.getPlansReadinessArea, { query: { locality, level, limit: 500, after } });
        all.push(...page.items);
        after = page.nextCursor ?? undefined;
      } while (after && live);
      return all;
    })().then(
      (all) => live && setUnits(all),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [locality, level]);
  return { units, error };
}

/**
 * "If level N is declared tomorrow, which communes lack what": the units of the selected area,
 * required (its approved plan) against available, as a keyset-paged table (exportable) and a map of
 * the communes.
 */
export function ReadinessTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const boundaries = useBoundaries(selected?.code ?? null);
  const [level, setLevel] = useState('3');
  const [onlyShort, setOnlyShort] = useState(false);
  const query = {
    locality: selected?.code,
    level: Number(level),
    shortOnly: onlyShort ? ('true' as const) : undefined,
  };
  const list = usePagedList(selected ? plansContract.getPlansReadinessArea : null, query);
  const map = useAllUnits(selected?.code, Number(level));
  const columns: Column<Row>[] = [
    {
      key: 'unit',
      header: t('plans.unit'),
      render: (u) => <Link to={`/plans/units/${encodeURIComponent(u.unit.id)}`}>{u.unit.name}</Link>,
    },
    {
      key: 'percent',
      header: t('plans.readiness'),
      numeric: true,
      render: (u) =>
        u.hasPlan ? (
          <span className={readinessBadge(u.readinessPercent)} data-testid="readiness-percent">
            {fmt.number(u.readinessPercent)}%
          </span>
        ) : (
          t('common.empty')
        ),
    },
    { key: 'required', header: t('plans.requiredLines'), numeric: true, render: (u) => fmt.number(u.required.length) },
    { key: 'shortfalls', header: t('plans.shortfalls'), render: (u) => <Shortfalls view={u} /> },
  ];
  return (
    <>
      <div className="filters">
        <SelectField
          label={t('plans.ifLevel')}
          value={level}
          onChange={setLevel}
          options={levelOptions((n) => t('plans.levelN', { n }))}
          testId="readiness-level"
        />
        <CheckboxField label={t('plans.onlyShort')} checked={onlyShort} onChange={setOnlyShort} />
      </div>
      <div className="toolbar">
        <a className="button" href={apiHref(plansContract.getPlansReadinessAreaExport, { query })} download>
          {t('common.exportExcel')}
        </a>
        <a className="button" href={apiHref(plansContract.getPlansReadinessAreaExportCsv, { query })} download>
          {t('common.exportCsv')}
        </a>
      </div>
      {map.error && (
        <p className="alert alert-error" role="alert">
          {map.error}
        </p>
      )}
      {map.units && (
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <ReadinessMap boundaries={boundaries.data} units={map.units} />
        </Suspense>
      )}
      <DataTable
        testId="readiness-table"
        columns={columns}
        rows={list.items}
        rowKey={(u) => u.unit.id}
        emptyText={list.loading ? t('common.loading') : t('plans.noUnits')}
      />
      <PagerFooter list={list} />
    </>
  );
}
