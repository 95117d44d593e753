import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workforceContract } from '../../../../core/contracts/workforce.ts';
import type { ComplianceFigures, OrganisationCompliance } from '../../../../core/schemas/workforce.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';

const figureKeys = ['expected', 'arrived', 'arrivedValid', 'refused', 'missing'] as const;

/**
 * "No declaration, no work": the organisation's gate figures of the day (Viet Nam), per
 * department, and the last seven days. The organisation sees its own; officials of the place too.
 */
export function WorkforceCompliance({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [data, setData] = useState<OrganisationCompliance | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    api(workforceContract.getOrganisationsCompliance, {
      params: { id: organisationId },
      query: { days: 7 },
      signal: ctl.signal,
    })
      .then(setData)
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setError(errorMessage(e));
      });
    return () => ctl.abort();
  }, [organisationId]);

  const figureColumns = <T extends ComplianceFigures>(): Column<T>[] =>
    figureKeys.map((k) => ({
      key: k,
      header: t(`workforce.figure.${k}`),
      numeric: true,
      render: (r: T) => fmt.number(r[k]),
    }));
  type Department = OrganisationCompliance['departments'][number];
  type Day = OrganisationCompliance['trend'][number];
  const departmentColumns: Column<Department>[] = [
    { key: 'department', header: t('workforce.department'), render: (r) => r.department || t('common.empty') },
    ...figureColumns<Department>(),
  ];
  const dayColumns: Column<Day>[] = [
    { key: 'day', header: t('workforce.day'), render: (r) => fmt.date(r.day) },
    ...figureColumns<Day>(),
  ];

  return (
    <section className="card" aria-labelledby="org-compliance-title" data-testid="org-compliance">
      <h2 id="org-compliance-title">{t('workforce.complianceTitle')}</h2>
      <p className="muted small">{t('workforce.complianceIntro')}</p>
      {error && (
        <div className="alert alert-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {!data && !error && <p className="muted">{t('common.loading')}</p>}
      {data && (
        <>
          <p>{t('workforce.dayOf', { day: fmt.date(data.day) })}</p>
          <dl className="org-figures">
            {figureKeys.map((k) => (
              <div key={k} data-testid={`compliance-${k}`} data-value={data.totals[k]}>
                <dt>{t(`workforce.figure.${k}`)}</dt>
                <dd>{fmt.number(data.totals[k])}</dd>
              </div>
            ))}
          </dl>
          <h3>{t('workforce.byDepartment')}</h3>
          <DataTable
            testId="compliance-departments"
            columns={departmentColumns}
            rows={data.departments}
            rowKey={(r) => r.department}
            emptyText={t('workforce.noRoster')}
          />
          <h3>{t('workforce.trend')}</h3>
          <DataTable
            testId="compliance-trend"
            columns={dayColumns}
            rows={[...data.trend].reverse()}
            rowKey={(r) => r.day}
            emptyText={t('workforce.noRoster')}
          />
        </>
      )}
    </section>
  );
}
