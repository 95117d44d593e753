import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plansContract } from '../../../../core/contracts/plans.ts';
import type { WhatIfView } from '../../../../core/schemas/plans.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { SelectField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { readinessBadge } from './labels.ts';
import { levelOptions, Shortfalls } from './readiness-tab.tsx';

/** "What if level N tomorrow": what would open and close for the unit, and what it would lack. */
export function WhatIfPanel({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [level, setLevel] = useState('3');
  const [view, setView] = useState<WhatIfView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    api(plansContract.getPlansWhatIf, { query: { unit: unitId, level: Number(level) } }).then(
      (v) => live && setView(v),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [unitId, level]);
  return (
    <section aria-labelledby="what-if-title" data-testid="what-if">
      <h2 id="what-if-title">{t('plans.whatIf')}</h2>
      <SelectField
        label={t('plans.ifLevel')}
        value={level}
        onChange={setLevel}
        options={levelOptions((n) => t('plans.levelN', { n }))}
        testId="what-if-level"
      />
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {view && (
        <>
          <p>
            {view.wouldOpen
              ? t('plans.wouldOpen', { level: view.levelName, at: fmt.dateTime(view.at) })
              : t('plans.wouldNotOpen', { level: view.levelName })}
          </p>
          {view.wouldClose.length > 0 && (
            <p>{t('plans.wouldClose', { levels: view.wouldClose.map((c) => c.levelName).join(', ') })}</p>
          )}
          {view.wouldOpen && view.tasks.length > 0 && (
            <ul>
              {view.tasks.map((x, i) => (
                <li key={i}>
                  {t('plans.whatIfTask', {
                    title: x.title,
                    unit: x.responsibleUnit.name,
                    due: fmt.dateTime(x.dueAt),
                  })}
                </li>
              ))}
            </ul>
          )}
          <p>
            {t('plans.readiness')}:{' '}
            {view.readiness.hasPlan ? (
              <span className={readinessBadge(view.readiness.readinessPercent)}>
                {fmt.number(view.readiness.readinessPercent)}%
              </span>
            ) : (
              t('common.empty')
            )}
          </p>
          <Shortfalls view={view.readiness} />
        </>
      )}
    </section>
  );
}
