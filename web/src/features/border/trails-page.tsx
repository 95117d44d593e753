import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { borderContract as c } from '../../../../core/contracts/border.ts';
import type { TrailView } from '../../../../core/schemas/border.ts';
import { KeptNotice, OutboxStatus } from '../../offline/outbox-status.tsx';
import { useKeptData } from '../../offline/kept-data.ts';
import { useFieldWorker } from '../../offline/field-worker.ts';
import { enqueue, onOutboxChange } from '../../offline/outbox.ts';
import { api, apiHref, errorMessage } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { Notice, TextField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';
import { useBoundaries } from '../../ui/use-boundaries.ts';
import { canRecordBorder } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { BorderNav } from './border-list.tsx';
import { BORDER_GROUP } from './border-outbox.ts';
import { coverageOf, TrailsMap } from './trails-map.tsx';

const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/**
 * The trails and openings of the area with their patrol coverage; a patrol logged with its GPX
 * track. Patrols end where there is often no signal: the trails are kept from the last time online,
 * and a patrol goes to the border outbox with its client key, sent once whenever the network is there.
 */
export function TrailsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { role } = useUser();
  const { selectedCode } = useLocalities();
  useFieldWorker();
  const boundaries = useBoundaries(selectedCode);
  const kept = useKeptData(`border/trails/${selectedCode ?? ''}`, () =>
    selectedCode ? api(c.getBorderTrails, { query: { locality: selectedCode } }) : Promise.resolve([]),
  );
  const trails: TrailView[] = kept.data ?? [];
  // A patrol sent from the outbox changes the coverage: read the trails again.
  const reload = kept.reload;
  useEffect(() => onOutboxChange(reload), [reload]);
  const error = kept.error ? errorMessage(kept.error) : null;
  const [patrolOf, setPatrolOf] = useState<TrailView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const patrolled = trails.filter((x) => x.patrolledWithin72h).length;
  return (
    <Page title={t('border.trails.title')} intro={t('border.trails.intro')}>
      <BorderNav />
      <OutboxStatus group={BORDER_GROUP} />
      <KeptNotice keptAt={kept.keptAt} />
      <Notice>{notice}</Notice>
      {error && <p role="alert">{error}</p>}
      <p>
        <span data-testid="trails-patrolled">{t('border.trails.patrolled', { count: patrolled })}</span> ·{' '}
        <span data-testid="trails-unpatrolled">
          {t('border.trails.unpatrolled', { count: trails.length - patrolled })}
        </span>
      </p>
      <TrailsMap boundaries={boundaries.data} trails={trails} label={t('border.trails.title')} />
      <ul className="trail-list" data-testid="trail-list">
        {trails.map((trail) => (
          <li key={trail.id} data-testid="trail" data-coverage={coverageOf(trail)}>
            <strong>{trail.name}</strong> · {t('border.trails.risk')}: {t(`border.trails.risks.${trail.risk}`)} ·{' '}
            {trail.patrolledWithin24h
              ? t('border.trails.within24h')
              : trail.patrolledWithin72h
                ? t('border.trails.within72h')
                : t('border.trails.notPatrolled')}
            {' · '}
            {t('border.trails.lastPatrol')}:{' '}
            {trail.lastPatrolEndedAt ? fmt.dateTime(trail.lastPatrolEndedAt) : t('border.trails.never')}{' '}
            {canRecordBorder(role) && (
              <button type="button" className="link-button" onClick={() => setPatrolOf(trail)}>
                {t('border.trails.logPatrol')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {patrolOf && (
        <PatrolForm
          trail={patrolOf}
          onDone={() => {
            setPatrolOf(null);
            setNotice(t('border.trails.patrolQueued'));
            kept.reload();
          }}
        />
      )}
    </Page>
  );
}

/** A patrol of one trail: its times and, optionally, the GPX track a phone recorded (read as text). */
function PatrolForm({ trail, onDone }: { trail: TrailView; onDone(): void }) {
  const { t } = useTranslation();
  const now = new Date();
  const [startedAt, setStartedAt] = useState(local(new Date(now.getTime() - 2 * 3600_000)));
  const [endedAt, setEndedAt] = useState(local(now));
  const [gpx, setGpx] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const key = newClientKey();
      // Kept on the phone first; a resend after a lost answer is the same patrol (its client key).
      await enqueue({
        key,
        label: `${t('border.trails.logPatrol')}: ${trail.name}`,
        method: 'POST',
        path: apiHref(c.postBorderTrailsPatrols, { params: { id: trail.id } }),
        body: {
          clientKey: key,
          startedAt: new Date(startedAt).toISOString(),
          endedAt: new Date(endedAt).toISOString(),
          team: [],
          ...(gpx ? { gpx } : {}),
        },
        group: BORDER_GROUP,
      });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="card"
      data-testid="patrol-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>
        {t('border.trails.logPatrol')}: {trail.name}
      </h2>
      <TextField label={t('border.trails.startedAt')} type="datetime-local" value={startedAt} onChange={setStartedAt} />
      <TextField label={t('border.trails.endedAt')} type="datetime-local" value={endedAt} onChange={setEndedAt} />
      <label className="field">
        <span>{t('border.trails.gpx')}</span>
        <input
          type="file"
          accept=".gpx,application/gpx+xml,application/xml,text/xml"
          data-testid="patrol-gpx"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then(setGpx);
          }}
        />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="patrol-save">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
