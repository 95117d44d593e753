import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSetSummary } from '../../../../core/schemas/risk-admin.ts';
import { riskAdminContract } from '../../../../core/contracts/risk-admin.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { RuleSetDetailPanel } from './rule-set-detail.tsx';
import { VaccinationImport } from './vaccination-import.tsx';
import './risk-rules.css';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: RuleSetSummary[] };

/**
 * The rule sets (GET /api/risk/rule-sets) with the one chosen shown below in words; then the
 * vaccination coverage import, whose figures the coverage indicators read.
 */
export function RuleSetsTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    api(riskAdminContract.getRiskRuleSets, { signal: ctrl.signal })
      .then((r) => setLoad({ status: 'ready', items: r.items }))
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setLoad({ status: 'error', message: errorMessage(e) });
      });
    return () => ctrl.abort();
  }, [generation]);

  const items = load.status === 'ready' ? load.items : [];
  // Nothing chosen yet: the active rule set.
  const code = chosen ?? items.find((r) => r.active)?.code ?? items[0]?.code ?? null;
  const columns: Column<RuleSetSummary>[] = [
    { key: 'name', header: t('riskRules.name'), render: (r) => <strong>{r.name[fmt.lang]}</strong> },
    { key: 'code', header: t('riskRules.code'), render: (r) => <code>{r.code}</code> },
    { key: 'version', header: t('riskRules.version'), numeric: true, render: (r) => fmt.number(r.version) },
    {
      key: 'status',
      header: t('riskRules.statusHeader'),
      render: (r) => (
        <span className={r.active ? 'badge badge-ok' : 'badge badge-off'}>
          {r.active ? t('riskRules.active') : t('riskRules.inactive')}
        </span>
      ),
    },
    {
      key: 'origin',
      header: t('riskRules.origin'),
      render: (r) => (r.preset ? t('riskRules.preset') : t('riskRules.edited')),
    },
    {
      key: 'updated',
      header: t('riskRules.updated'),
      render: (r) =>
        t('riskRules.updatedBy', { at: fmt.dateTime(r.updatedAt), by: r.updatedByName ?? t('riskRules.system') }),
    },
    {
      key: 'view',
      header: t('common.actions'),
      render: (r) => (
        <button
          type="button"
          aria-pressed={r.code === code}
          onClick={(e) => {
            e.stopPropagation();
            setChosen(r.code);
          }}
          data-testid={`rule-set-view-${r.code}`}
        >
          {t('riskRules.view')}
        </button>
      ),
    },
  ];

  return (
    <div className="risk-rules" data-testid="risk-rules">
      <p className="muted">{t('riskRules.intro')}</p>
      {load.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {load.status === 'error' && (
        <div className="alert alert-error" role="alert" data-testid="rule-sets-error">
          <p>{load.message}</p>
          <button
            type="button"
            onClick={() => {
              setLoad({ status: 'loading' });
              setGeneration((g) => g + 1);
            }}
          >
            {t('common.retry')}
          </button>
        </div>
      )}
      {load.status === 'ready' && (
        <DataTable
          testId="rule-sets-table"
          caption={t('riskRules.title')}
          columns={columns}
          rows={items}
          rowKey={(r) => r.code}
          rowClassName={(r) => (r.code === code ? 'selected' : undefined)}
          onRowClick={(r) => setChosen(r.code)}
        />
      )}
      {code && <RuleSetDetailPanel key={code} code={code} onChanged={() => setGeneration((g) => g + 1)} />}
      <VaccinationImport />
    </div>
  );
}
