import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityKind, OccupancyView } from '../../../../core/schemas/facilities.ts';
import { treatmentContract } from '../../../../core/contracts/treatment.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { capacityKinds, lineOf, occupancyBadge } from '../facilities/facility-labels.ts';
import { barTone, defaultAlertPercent } from './treatment-labels.ts';

type FacilityLine = OccupancyView['facilities'][number];
type Total = OccupancyView['totals'][number];

/**
 * The occupancy response carries every active facility of the area at once (a province has tens,
 * not thousands); the table still shows them a page at a time so a city does not render hundreds.
 */
const FACILITY_PAGE = 25;

/** A horizontal bar of the share in use; the number beside it is what screen readers get. */
function Bar({ percent, threshold }: { percent: number; threshold: number }) {
  const width = Math.min(100, Math.max(0, percent));
  return (
    <span className="occ-bar" aria-hidden="true">
      <span className={`occ-fill occ-${barTone(percent, threshold)}`} style={{ width: `${width}%` }} />
    </span>
  );
}

function TotalsCard({ totals, threshold }: { totals: Total[]; threshold: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const shown = totals.filter((l) => l.capacity > 0 || l.occupied > 0);
  return (
    <section className="card" aria-labelledby="occ-totals-title">
      <h2 id="occ-totals-title">{t('treatment.totalsTitle')}</h2>
      {shown.length === 0 ? (
        <p className="muted">{t('treatment.noFacilities')}</p>
      ) : (
        <ul className="occ-totals">
          {shown.map((l) => (
            <li key={l.kind} data-testid={`occupancy-total-${l.kind}`}>
              <span className="occ-kind">{t(`facilities.capacityKind.${l.kind}`)}</span>
              <Bar percent={l.percent} threshold={threshold} />
              <span className="occ-figures">
                <strong data-testid={`occupancy-total-${l.kind}-used`}>
                  {fmt.number(l.occupied)}/{fmt.number(l.capacity)}
                </strong>{' '}
                <span className="muted small">
                  · {fmt.number(l.percent)}% · {t('treatment.free')} {fmt.number(l.free)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "Giường bệnh": alerts first (what needs a decision), then totals by kind, then each facility. */
export function OccupancyBoard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const nameOf = usePlaceName();
  const [data, setData] = useState<OccupancyView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(FACILITY_PAGE);
  const code = selected?.code;

  useEffect(() => {
    if (!code) return;
    let live = true;
    setError(null);
    setShown(FACILITY_PAGE);
    api(treatmentContract.getTreatmentOccupancy, { query: { locality: code } })
      .then((v) => live && setData(v))
      .catch((e: unknown) => {
        if (!live) return;
        setData(null);
        setError(errorMessage(e));
      });
    return () => {
      live = false;
    };
  }, [code]);

  if (error) {
    return (
      <div className="alert alert-error" role="alert">
        {error}
      </div>
    );
  }
  if (!data) return <p className="muted">{t('common.loading')}</p>;

  // Only the kinds somebody offers get a column: most provinces have no negative-pressure rooms.
  const kinds: CapacityKind[] = capacityKinds.filter((k) =>
    data.facilities.some((f) => (lineOf(f, k)?.capacity ?? 0) > 0),
  );
  const columns: Column<FacilityLine>[] = [
    {
      key: 'name',
      header: t('treatment.facility'),
      render: (f) => (
        <span>
          <strong>{f.name}</strong>
          {f.alert && (
            <>
              {' '}
              <span className="badge badge-alert" data-testid={`occupancy-facility-alert-${f.id}`}>
                {t('facilities.alertBadge')}
              </span>
            </>
          )}
          <br />
          <span className="muted small">
            {t(`facilities.kind.${f.kind}`)} · {t('treatment.threshold', { percent: f.occupancyAlertPercent })}
          </span>
        </span>
      ),
    },
    { key: 'commune', header: t('treatment.commune'), render: (f) => nameOf(f.communeCode, f.communeName) },
    ...kinds.map((k) => ({
      key: k,
      header: t(`facilities.capacityKind.${k}`),
      render: (f: FacilityLine) => {
        const line = lineOf(f, k);
        if (!line || line.capacity === 0) return <span className="muted">{t('common.empty')}</span>;
        return (
          <span className="occ-cell">
            <span className={occupancyBadge(line)} data-testid={`occupancy-cell-${f.id}-${k}`}>
              {fmt.number(line.occupied)}/{fmt.number(line.capacity)}
            </span>{' '}
            <span className="muted small">
              {t('treatment.free')} {fmt.number(line.free)}
            </span>
          </span>
        );
      },
    })),
  ];

  return (
    <div className="occ-board" data-testid="occupancy-board">
      <section
        className={data.alerts.length ? 'alert alert-error' : 'alert alert-ok'}
        aria-labelledby="occ-alerts-title"
        data-testid="occupancy-alerts"
      >
        <h2 id="occ-alerts-title" className="occ-alerts-title">
          {t('treatment.alertsTitle')}{' '}
          {data.alerts.length > 0 && <span className="badge badge-alert">{fmt.number(data.alerts.length)}</span>}
        </h2>
        {data.alerts.length === 0 ? (
          <p>{t('treatment.noAlerts')}</p>
        ) : (
          <ul>
            {data.alerts.map((a) => (
              <li key={`${a.facilityId}-${a.kind}`} data-testid={`occupancy-alert-${a.facilityId}-${a.kind}`}>
                {t('treatment.alertLine', {
                  facility: a.facilityName,
                  commune: nameOf(a.communeCode, a.communeName),
                  kind: t(`facilities.capacityKind.${a.kind}`),
                  occupied: fmt.number(a.occupied),
                  capacity: fmt.number(a.capacity),
                  percent: fmt.number(a.percent),
                  threshold: a.thresholdPercent,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* The totals mix facilities with different thresholds: the default one colours their bars. */}
      <TotalsCard totals={data.totals} threshold={defaultAlertPercent} />
      <h2>{t('treatment.facilitiesTitle')}</h2>
      <DataTable
        testId="occupancy-facilities"
        columns={columns}
        rows={data.facilities.slice(0, shown)}
        rowKey={(f) => f.id}
        rowClassName={(f) => (f.alert ? 'row-alert' : undefined)}
        emptyText={t('treatment.noFacilities')}
      />
      <div className="pager">
        <span className="muted">{t('common.shownCount', { count: Math.min(shown, data.facilities.length) })}</span>
        {shown < data.facilities.length && (
          <button type="button" onClick={() => setShown((n) => n + FACILITY_PAGE)} data-testid="occupancy-more">
            {t('treatment.showMoreFacilities')}
          </button>
        )}
      </div>
    </div>
  );
}
