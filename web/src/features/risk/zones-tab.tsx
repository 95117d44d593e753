import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZoneView } from '../../../../core/schemas/risk-admin.ts';
import { riskAdminContract } from '../../../../core/contracts/risk-admin.ts';
import { api, apiHref, errorMessage } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { Notice, SelectField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { canDecideRisk } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { narrowerThanProvince, useBoundaries } from './use-risk-data.ts';
import { ZoneForm } from './zone-form.tsx';

type State = 'active' | 'all';

/** "Xã A, Xã B và 3 xã khác" style: the first names, then the count. */
function CommuneNames({ z, names }: { z: ZoneView; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const shown = z.communeCodes.slice(0, 4).map((c) => names.get(c) ?? c);
  return (
    <span>
      <span data-testid={`zone-commune-count-${z.id}`}>
        {t('riskZones.communeCount', { count: z.communeCodes.length })}
      </span>
      {z.polygon && <span className="muted small"> · {t('riskZones.drawnArea')}</span>}
      {shown.length > 0 && (
        <>
          <br />
          <span className="muted small">
            {shown.join(', ')}
            {z.communeCodes.length > shown.length ? ', …' : ''}
          </span>
        </>
      )}
    </span>
  );
}

/**
 * Containment and lockdown zones of the province: the list (in force, or all), its Excel export,
 * and for the steering committee the form to declare one and a button to end one.
 */
export function ZonesTab({ province }: { province: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const nameOf = usePlaceName();
  const { role } = useUser();
  const { root } = useLocalities();
  const mayDecide = canDecideRisk(role);
  const [state, setState] = useState<State>('active');
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const boundaries = useBoundaries(province, narrowerThanProvince(root));
  const communes = useMemo(
    () => (boundaries?.features ?? []).map((f) => f.properties).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    [boundaries],
  );
  const names = useMemo(
    () => new Map(communes.map((c) => [c.code, nameOf(c.code, c.fullName || c.name)])),
    [communes, nameOf],
  );
  const query = { province, state };
  const list = usePagedList(riskAdminContract.getRiskZones, query);

  const end = async (z: ZoneView) => {
    if (!window.confirm(t('riskZones.confirmEnd', { name: z.name }))) return;
    setNotice(null);
    setError(null);
    try {
      const ended = await api(riskAdminContract.postRiskZonesEnd, { params: { id: z.id }, body: {} });
      setNotice(t('riskZones.ended', { name: ended.name }));
      if (state === 'active') list.reload();
      else list.replace((x) => x.id === ended.id, ended);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const columns: Column<ZoneView>[] = [
    {
      key: 'name',
      header: t('riskZones.name'),
      render: (z) => (
        <span>
          <strong>{z.name}</strong>
          {z.decisionRef && <span className="muted small"> · {z.decisionRef}</span>}
        </span>
      ),
    },
    {
      key: 'kind',
      header: t('riskZones.kindHeader'),
      render: (z) => (
        <span className={z.kind === 'phong_toa' ? 'badge badge-alert' : 'badge badge-warn'}>
          {t(`riskZones.kind.${z.kind}`)}
        </span>
      ),
    },
    { key: 'communes', header: t('riskZones.communes'), render: (z) => <CommuneNames z={z} names={names} /> },
    {
      key: 'population',
      header: t('riskZones.population'),
      numeric: true,
      render: (z) => <span data-testid={`zone-population-${z.id}`}>{fmt.number(z.populationCovered)}</span>,
    },
    {
      key: 'period',
      header: t('riskZones.period'),
      render: (z) => (
        <span>
          {t('riskZones.from', { time: fmt.dateTime(z.startsAt) })}
          {z.endsAt && (
            <>
              <br />
              {t('riskZones.until', { time: fmt.dateTime(z.endsAt) })}
            </>
          )}
        </span>
      ),
    },
    {
      key: 'measures',
      header: t('riskZones.measures'),
      render: (z) =>
        z.measures.length === 0 ? (
          t('common.empty')
        ) : (
          <ul className="risk-zone-measures">
            {z.measures.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        ),
    },
    {
      key: 'status',
      header: t('riskZones.state'),
      render: (z) => (
        <span className={z.active ? 'badge badge-ok' : 'badge badge-off'}>
          {z.active ? t('riskZones.statusActive') : t('riskZones.statusEnded')}
        </span>
      ),
    },
    ...(mayDecide
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (z: ZoneView) =>
              z.active ? (
                <button type="button" onClick={() => void end(z)} data-testid={`zone-end-${z.id}`}>
                  {t('riskZones.end')}
                </button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <section aria-labelledby="risk-zones-title">
      <h2 id="risk-zones-title">{t('riskZones.title')}</h2>
      <div className="toolbar">
        {mayDecide && (
          <button
            type="button"
            className="primary"
            aria-expanded={creating}
            onClick={() => setCreating((c) => !c)}
            data-testid="zone-create-toggle"
          >
            {creating ? t('common.close') : t('riskZones.newZone')}
          </button>
        )}
        <a
          className="button"
          href={apiHref(riskAdminContract.getRiskZonesExport, { query: query })}
          download
          data-testid="zones-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(riskAdminContract.getRiskZonesExportCsv, { query: query })}
          download
          data-testid="zones-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      <div data-testid="zones-notice">
        <Notice>{notice}</Notice>
      </div>
      {error && (
        <div className="alert alert-error" role="alert" data-testid="zone-end-error">
          {error}
        </div>
      )}
      {creating && (
        <ZoneForm
          province={province}
          communes={communes}
          boundaries={boundaries}
          onCancel={() => setCreating(false)}
          onCreated={(z) => {
            setCreating(false);
            setNotice(
              t('riskZones.created', {
                name: z.name,
                communes: fmt.number(z.communeCodes.length),
                population: fmt.number(z.populationCovered),
              }),
            );
            list.reload();
          }}
        />
      )}
      <div className="filters">
        <SelectField
          label={t('riskZones.state')}
          value={state}
          onChange={(v) => setState(v === 'all' ? 'all' : 'active')}
          options={[
            { value: 'active', label: t('riskZones.stateActive') },
            { value: 'all', label: t('riskZones.stateAll') },
          ]}
          testId="zones-filter-state"
        />
      </div>
      <DataTable
        testId="zones-table"
        columns={columns}
        rows={list.items}
        rowKey={(z) => z.id}
        rowClassName={(z) => (z.active ? undefined : 'muted-row')}
      />
      <PagerFooter list={list} />
    </section>
  );
}
