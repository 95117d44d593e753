import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultsOutcome, TestResultValue } from '../../../../core/schemas/testing.ts';
import { testingContract } from '../../../../core/contracts/testing.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, useFormSubmit } from '../../ui/form.tsx';
import { isTestResult, resultOptions } from './testing-labels.ts';

export type ResultTarget = 'samples' | 'pools';

interface Row {
  code: string;
  result: TestResultValue;
  ct: string;
}

const blank = (): Row => ({ code: '', result: 'negative', ct: '' });

/** What the server did with a batch of results, in words (and its per-row errors). */
export function OutcomeNotice({ outcome, testId }: { outcome: ResultsOutcome; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className={outcome.errors.length ? 'alert alert-warn' : 'alert alert-ok'} role="status" data-testid={testId}>
      <p>
        {t('testing.outcome', { updated: outcome.updated, positives: outcome.positives })}
        {outcome.retestOrders > 0 && ` ${t('testing.outcomeRetests', { count: outcome.retestOrders })}`}
        {outcome.caseProposals > 0 && ` ${t('testing.outcomeProposals', { count: outcome.caseProposals })}`}
      </p>
      {outcome.errors.length > 0 && (
        <ul>
          {outcome.errors.map((e, i) => (
            <li key={i}>{e.path ? `${e.path}: ${e.message}` : e.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A small table of code + result (+ Ct for individual samples): POST /api/testing/results or
 * /api/testing/pools/results. Empty rows are skipped; the server answers row by row.
 */
export function ResultsEntry({ target, onSaved }: { target: ResultTarget; onSaved?(o: ResultsOutcome): void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => [blank(), blank(), blank()]);
  const [outcome, setOutcome] = useState<ResultsOutcome | null>(null);
  const { error, setError, busy, run } = useFormSubmit();
  const p = target === 'pools' ? 'pool' : 'result';
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const filled = rows.filter((r) => r.code.trim());
    if (filled.length === 0) return setError(t('testing.noRows'));
    const items = filled.map((r) => ({
      code: r.code.trim(),
      result: r.result,
      ...(target === 'samples' && r.ct.trim() && Number.isFinite(Number(r.ct)) ? { ctValue: Number(r.ct) } : {}),
    }));
    await run(async () => {
      const o = await api(
        target === 'pools' ? testingContract.postTestingPoolsResults : testingContract.postTestingResults,
        { body: { items } },
      );
      setOutcome(o);
      setRows([blank(), blank(), blank()]);
      onSaved?.(o);
    });
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid={`${p}-entry`}>
      <div className="table-wrap">
        <table className="data-table result-rows">
          <thead>
            <tr>
              <th scope="col">{target === 'pools' ? t('testing.poolCode') : t('testing.sampleCode')}</th>
              <th scope="col">{t('testing.resultHeader')}</th>
              {target === 'samples' && <th scope="col">{t('testing.ctValue')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td data-label={target === 'pools' ? t('testing.poolCode') : t('testing.sampleCode')}>
                  <input
                    value={r.code}
                    onChange={(e) => set(i, { code: e.target.value })}
                    aria-label={`${t('testing.sampleCode')} ${i + 1}`}
                    data-testid={`${p}-code-${i}`}
                  />
                </td>
                <td data-label={t('testing.resultHeader')}>
                  <select
                    value={r.result}
                    onChange={(e) => isTestResult(e.target.value) && set(i, { result: e.target.value })}
                    aria-label={`${t('testing.resultHeader')} ${i + 1}`}
                    data-testid={`${p}-value-${i}`}
                  >
                    {resultOptions(t).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </td>
                {target === 'samples' && (
                  <td data-label={t('testing.ctValue')}>
                    <input
                      type="number"
                      min={0}
                      max={50}
                      step="0.1"
                      value={r.ct}
                      onChange={(e) => set(i, { ct: e.target.value })}
                      aria-label={`${t('testing.ctValue')} ${i + 1}`}
                      data-testid={`${p}-ct-${i}`}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="action-row">
        <button type="button" onClick={() => setRows((rs) => [...rs, blank()])} data-testid={`${p}-add-row`}>
          {t('testing.addRow')}
        </button>
      </div>
      <FormError error={error} testId={`${p}-error`} />
      {outcome && <OutcomeNotice outcome={outcome} testId={`${p}-outcome`} />}
      <FormActions
        busy={busy}
        label={target === 'pools' ? t('testing.savePoolResults') : t('testing.saveResults')}
        testId={`${p}-submit`}
      />
    </form>
  );
}
