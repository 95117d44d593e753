import { useTranslation } from 'react-i18next';
import type { LevelLegend } from '../../../../core/schemas/risk-map.ts';
import type { EvaluationView } from '../../../../core/schemas/risk.ts';
import { useFormat } from '../../ui/format.ts';
import { LevelBadge } from './level-badge.tsx';
import { inkOn, isRiskIndicator, riskIndicatorKeys, round1 } from './risk-labels.ts';

/** An indicator's label, or its raw name when the rule set tests one this page does not know. */
function useIndicatorLabel() {
  const { t } = useTranslation();
  return (key: string) => (isRiskIndicator(key) ? t(`risk.indicators.${key}`) : key);
}

/** The level given, why (the rule, its conditions with the actual values), what is missing, the measures. */
export function EvaluationDetails({ evaluation: e, levels }: { evaluation: EvaluationView; levels: LevelLegend }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = useIndicatorLabel();
  const value = (n: number | null | undefined) =>
    n === null || n === undefined ? t('common.empty') : fmt.number(round1(n));
  const level = e.level;

  return (
    <div className="risk-evaluation" data-testid="risk-evaluation">
      <p
        className="risk-level-banner"
        style={{ background: level.colour, color: inkOn(level.colour) }}
        data-level-key={level.key}
        data-testid="risk-evaluated-level"
      >
        {level.name[fmt.lang]}
      </p>
      <p className="small muted">
        {t('risk.computedLevel')} · {e.ruleSet.name[fmt.lang]}
      </p>
      <p data-testid="risk-decided-level">
        {t('risk.decidedLevel')}:{' '}
        {e.decidedLevel ? <LevelBadge levels={levels} levelKey={e.decidedLevel} /> : t('risk.noDecision')}
      </p>
      {e.childLevels && (
        <ul className="risk-child-levels" data-testid="risk-child-levels">
          {levels.map((l) => (
            <li key={l.key}>
              <LevelBadge levels={levels} levelKey={l.key} />{' '}
              {t('risk.legendCount', { count: e.childLevels?.[l.key] ?? 0 })}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('risk.matchedRule')}</h3>
      <p data-testid="risk-matched-rule">
        {e.matchedRule ? (e.matchedRule.description?.[fmt.lang] ?? e.matchedRule.id) : t('risk.noRuleMatched')}
      </p>
      {e.reasons.length > 0 && (
        <ul className="risk-reasons">
          {e.reasons.map((r, i) => (
            <li key={i}>{r[fmt.lang]}</li>
          ))}
        </ul>
      )}

      {e.conditions.length > 0 && (
        <>
          <h3>{t('risk.conditions')}</h3>
          <ul className="risk-conditions" data-testid="risk-conditions">
            {e.conditions.map((c, i) => (
              <li key={i} className={c.met ? 'met' : 'not-met'} data-met={c.met}>
                <span className={c.met ? 'badge badge-ok' : 'badge badge-off'}>
                  {c.met ? t('risk.met') : t('risk.notMet')}
                </span>{' '}
                {label(c.indicator)} {c.op} {fmt.number(c.value)}
                <span className="muted small">
                  {' '}
                  · {t('risk.actual')}: {value(c.actual)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}

      {e.missingIndicators.length > 0 && (
        <div className="alert alert-warn" role="status" data-testid="risk-missing">
          <p>
            <strong>{t('risk.missingTitle')}</strong> {t('risk.missingWarn')}
          </p>
          <ul>
            {e.missingIndicators.map((k) => (
              <li key={k}>{label(k)}</li>
            ))}
          </ul>
        </div>
      )}

      <h3>{t('risk.measures')}</h3>
      {level.measures.length > 0 ? (
        <ol className="risk-measures" data-testid="risk-measures">
          {level.measures.map((m, i) => (
            <li key={i}>{m[fmt.lang]}</li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('risk.noMeasures')}</p>
      )}

      <h3>{t('risk.indicatorsTitle', { date: fmt.date(e.indicators.date) })}</h3>
      <dl className="risk-facts" data-testid="risk-indicators">
        <dt>{t('risk.population')}</dt>
        <dd>
          {fmt.number(e.indicators.population)}
          {e.indicators.population !== null && e.indicators.populationIsDemo && (
            <span className="demo-mark"> {t('common.demoFigure')}</span>
          )}
        </dd>
        {riskIndicatorKeys
          .filter((k) => e.indicators.indicators[k] !== undefined)
          .map((k) => (
            <IndicatorRow
              key={k}
              label={label(k)}
              value={value(e.indicators.indicators[k])}
              testId={`risk-indicator-${k}`}
            />
          ))}
      </dl>
    </div>
  );
}

function IndicatorRow({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
}
