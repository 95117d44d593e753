import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workplaceScreeningContract as c } from '../../../../core/contracts/workplace-screening.ts';
import type {
  OrderScreeningResult,
  ScreeningCoverage,
  ScreeningDueRow,
} from '../../../../core/schemas/workplace-screening.ts';
import { ApiError, api, apiHref } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { FormError, type FormFailure } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { ScreeningSettings } from './screening-settings.tsx';

type Totals = {
  day: string;
  serviceContact: number;
  highRisk: number;
  highRiskOnSite: number;
  coverage: ScreeningCoverage;
  rule: { screens: boolean; intervalDays: number; highRiskSharePercent: number };
};

/** A share as a whole percent, or the empty mark when there is no such worker. */
export const sharePercent = (v: number | null, empty: string) => (v === null ? empty : `${Math.round(v * 100)}%`);

/**
 * The organisation's workers due a screening test today (Decision 2787), filterable by role,
 * exportable; those who plan tests for the place order them in one click (one client key per click,
 * so a double click orders once).
 */
export function WorkforceScreening({
  organisationId,
  canOrder,
  canEditSettings,
}: {
  organisationId: string;
  canOrder: boolean;
  canEditSettings: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [role, setRole] = useState<'' | ScreeningDueRow['role']>('');
  const [totals, setTotals] = useState<Totals | null>(null);
  const [result, setResult] = useState<OrderScreeningResult | null>(null);
  const [error, setError] = useState<FormFailure>(null);
  const [busy, setBusy] = useState(false);
  const [clientKey, setClientKey] = useState(newClientKey);
  const query = role ? { role } : {};
  const list = usePagedList(c.getOrganisationsScreeningDue, query, { params: { id: organisationId } });
  const [version, setVersion] = useState(0);
  // The day's totals are the whole list's, whatever the page and the role filter.
  useEffect(() => {
    let live = true;
    api(c.getOrganisationsScreeningDue, { params: { id: organisationId }, query: { limit: 1 } })
      .then((r) => live && setTotals({ day: r.day, ...r.totals, coverage: r.coverage, rule: r.rule }))
      .catch(() => live && setTotals(null));
    return () => {
      live = false;
    };
  }, [organisationId, version]);

  const order = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api(c.postOrganisationsScreeningOrders, { params: { id: organisationId }, body: { clientKey } }));
      setClientKey(newClientKey());
      list.reload();
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<ScreeningDueRow>[] = [
    { key: 'name', header: t('workforce.name'), render: (w) => w.fullName },
    { key: 'department', header: t('workforce.department'), render: (w) => w.department || t('common.empty') },
    { key: 'role', header: t('screening.role'), render: (w) => t(`workforce.roles.${w.role}`) },
    {
      key: 'last',
      header: t('screening.lastTested'),
      render: (w) => (w.lastTestedOn ? fmt.date(w.lastTestedOn) : t('screening.never')),
    },
    {
      key: 'file',
      header: t('screening.onFile'),
      render: (w) => (w.onFile ? '✓' : <span className="badge badge-warn">{t('screening.notOnFile')}</span>),
    },
  ];
  return (
    <section className="card" aria-labelledby="org-screening-title" data-testid="org-screening">
      <h2 id="org-screening-title">{t('screening.title')}</h2>
      {totals && (
        <p className="muted">
          {totals.rule.screens
            ? t('screening.intro', { days: totals.rule.intervalDays, share: totals.rule.highRiskSharePercent })
            : t('screening.settings.off')}
        </p>
      )}
      <ScreeningSettings
        organisationId={organisationId}
        canEdit={canEditSettings}
        onSaved={() => {
          list.reload();
          setVersion((v) => v + 1);
        }}
      />
      {totals && (
        <p data-testid="screening-totals">
          {t('screening.totals', {
            day: fmt.date(totals.day),
            sc: fmt.number(totals.serviceContact),
            hr: fmt.number(totals.highRisk),
            onSite: fmt.number(totals.highRiskOnSite),
          })}
        </p>
      )}
      {totals && (
        <p data-testid="screening-coverage">
          {t('screening.coverage', {
            from: fmt.date(totals.coverage.from),
            ordered: fmt.number(totals.coverage.ordered),
            sampled: fmt.number(totals.coverage.sampled),
            tested: fmt.number(totals.coverage.tested),
            sc: sharePercent(totals.coverage.serviceContactTestedShare, t('common.empty')),
            hr: sharePercent(totals.coverage.highRiskSampledShare, t('common.empty')),
          })}{' '}
          {!totals.coverage.highRiskShareMet && <span className="badge badge-warn">{t('screening.shareNotMet')}</span>}
        </p>
      )}
      <div className="row-actions">
        <label>
          {t('screening.role')}{' '}
          <select value={role} onChange={(e) => setRole(e.target.value as typeof role)} data-testid="screening-role">
            <option value="">{t('screening.allRoles')}</option>
            <option value="service_contact">{t('workforce.roles.service_contact')}</option>
            <option value="high_risk">{t('workforce.roles.high_risk')}</option>
          </select>
        </label>
        <a
          className="button"
          href={apiHref(c.getOrganisationsScreeningDueExport, { params: { id: organisationId }, query })}
          download
          data-testid="screening-export"
        >
          {t('common.exportExcel')}
        </a>
        {canOrder && (
          <button
            type="button"
            className="primary"
            disabled={busy || list.items.length === 0}
            onClick={() => void order()}
            data-testid="screening-order"
          >
            {t('screening.order')}
          </button>
        )}
      </div>
      <FormError error={error} />
      {result && (
        <div className="alert alert-ok" role="status" data-testid="screening-ordered">
          {t('screening.ordered', { ordered: fmt.number(result.ordered), notOnFile: fmt.number(result.notOnFile) })}
        </div>
      )}
      <DataTable
        testId="screening-table"
        columns={columns}
        rows={list.items}
        rowKey={(w) => w.workerId}
        emptyText={t('screening.none')}
      />
      <PagerFooter list={list} />
    </section>
  );
}
