import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../../core/schemas/testing.ts';
import { testingContract } from '../../../../core/contracts/testing.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { canPlanCampaigns } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { BatchSamplesForm } from './batch-samples-form.tsx';
import { ResultsEntry } from './results-entry.tsx';
import '../quarantine/quarantine.css';
import { usePlaceName } from '../../ui/locality-context.tsx';

interface Day {
  day: string;
  sampled: number;
  resulted: number;
  positive: number;
  positivity: number | null;
}
interface Progress {
  campaign: CampaignView;
  coverage: number;
  days: Day[];
}

/** Per day: sampled, resulted, positive and positivity, with an inline bar of the sampled count. */
function ProgressTable({ p }: { p: Progress }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const max = Math.max(1, ...p.days.map((d) => d.sampled));
  const pct = (v: number | null) => (v === null ? t('common.empty') : `${fmt.number(Math.round(v * 1000) / 10)}%`);
  const columns: Column<Day>[] = [
    { key: 'day', header: t('testing.day'), render: (d) => fmt.date(d.day) },
    {
      key: 'sampled',
      header: t('testing.sampled'),
      render: (d) => (
        <span className="bar-cell">
          <span className="inline-bar" style={{ width: `${(d.sampled / max) * 8}rem` }} aria-hidden="true" />
          {fmt.number(d.sampled)}
        </span>
      ),
    },
    { key: 'resulted', header: t('testing.resulted'), numeric: true, render: (d) => fmt.number(d.resulted) },
    {
      key: 'positive',
      header: t('testing.positive'),
      numeric: true,
      render: (d) => <strong>{fmt.number(d.positive)}</strong>,
    },
    { key: 'positivity', header: t('testing.positivity'), numeric: true, render: (d) => pct(d.positivity) },
  ];
  return (
    <section className="card" aria-labelledby="progress-title" data-testid="campaign-progress">
      <h2 id="progress-title">{t('testing.progress')}</h2>
      <p data-testid="campaign-coverage">
        {t('testing.coverage', {
          sampled: fmt.number(p.campaign.sampled),
          target: fmt.number(p.campaign.targetPopulation),
          pct: pct(p.coverage),
        })}
      </p>
      <DataTable testId="progress-table" columns={columns} rows={p.days} rowKey={(d) => d.day} />
    </section>
  );
}

/** One campaign: its progress per day, batch sample entry (pooled by the server) and pool results. */
export function CampaignPage({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const fmt = useFormat();
  const { role } = useUser();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api(testingContract.getTestingCampaignsProgress, { params: { id: campaignId } })
      .then((p) => {
        setProgress(p);
        setError(null);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [campaignId]);
  useEffect(load, [load]);

  const c = progress?.campaign;
  return (
    <Page title={c ? `${t('testing.campaign')}: ${c.name}` : t('testing.campaign')}>
      <p className="page-links">
        <Link to="/testing?tab=campaigns" data-testid="campaign-back">
          ← {t('testing.campaigns')}
        </Link>
      </p>
      {error && (
        <div className="alert alert-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {!progress || !c ? (
        !error && <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <p className="muted">
            {nameOf(c.localityCode, c.localityName)} · {fmt.date(c.startsOn)} – {fmt.date(c.endsOn)} ·{' '}
            {t('testing.poolOf', { n: c.poolSize })}
          </p>
          <ProgressTable p={progress} />
          {canPlanCampaigns(role) && c.status === 'active' && (
            <>
              <BatchSamplesForm campaignId={campaignId} onSaved={load} />
              <section className="card" aria-labelledby="pool-results-title">
                <h2 id="pool-results-title">{t('testing.poolResultsTitle')}</h2>
                <p className="muted">{t('testing.poolResultsHint')}</p>
                <ResultsEntry target="pools" onSaved={load} />
              </section>
            </>
          )}
        </>
      )}
    </Page>
  );
}
