import { useTranslation } from 'react-i18next';
import type { RuleSetDetail } from '../../../../core/schemas/risk-admin.ts';
import type {
  AggregationCondition,
  AggregationRule,
  CommuneRule,
  RiskCondition,
  RiskLevel,
} from '../../../../core/schemas/risk-rule-set.ts';
import { useFormat } from '../../ui/format.ts';
import { comparisonText, indicatorRef } from './rule-text.ts';

/** Read-only views of a rule set's definition: levels, rules, constraints, versions. */

function LevelSwatch({ colour }: { colour: string }) {
  return <span className="rule-swatch" style={{ background: colour }} aria-hidden="true" />;
}

/** A level's name with its colour, or the raw key when the rule set has no such level. */
export function LevelLabel({ levels, levelKey }: { levels: readonly RiskLevel[]; levelKey: string }) {
  const { lang } = useFormat();
  const l = levels.find((x) => x.key === levelKey);
  if (!l) return <code>{levelKey}</code>;
  return (
    <span className="rule-level" data-level-key={l.key}>
      <LevelSwatch colour={l.colour} />
      {l.name[lang]}
    </span>
  );
}

export function LevelsList({ levels }: { levels: readonly RiskLevel[] }) {
  const { t } = useTranslation();
  const { lang } = useFormat();
  return (
    <ol className="rule-levels" data-testid="rule-set-levels">
      {levels.map((l) => (
        <li key={l.key} data-level-key={l.key}>
          <p>
            <LevelSwatch colour={l.colour} />
            <strong>{l.name[lang]}</strong>{' '}
            <span className="muted small">
              ({t('riskRules.levelNumber', { number: l.number })} · <code>{l.key}</code>)
            </span>
          </p>
          {l.measures.length === 0 ? (
            <p className="muted small">{t('riskRules.noMeasures')}</p>
          ) : (
            <>
              <p className="muted small">{t('riskRules.measures')}</p>
              <ul>
                {l.measures.map((m, i) => (
                  <li key={i}>{m[lang]}</li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

/** One condition in words: "Ca cộng đồng mới trong 7 ngày trên 100.000 dân ≥ 150", its key beside. */
export function ConditionText({
  condition,
  levels,
}: {
  condition: RiskCondition | AggregationCondition;
  levels: readonly RiskLevel[];
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { lang } = fmt;
  const ref = indicatorRef(condition.indicator);
  const levelName = (key: string) => levels.find((x) => x.key === key)?.name[lang] ?? key;
  const label =
    ref.kind === 'indicator'
      ? t(`riskRules.indicator.${ref.key}`)
      : ref.kind === 'aggregate'
        ? t(`riskRules.aggregate.${ref.fn}`, { level: levelName(ref.level) })
        : ref.key;
  return (
    <span className="rule-condition">
      {label} <strong>{comparisonText(ref, condition.op, condition.value, fmt.number)}</strong>{' '}
      <code className="muted small">{condition.indicator}</code>
    </span>
  );
}

export function RulesList({
  rules,
  levels,
  testId,
  emptyText,
}: {
  rules: readonly (CommuneRule | AggregationRule)[];
  levels: readonly RiskLevel[];
  testId: string;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const { lang } = useFormat();
  if (rules.length === 0)
    return (
      <p className="muted" data-testid={testId}>
        {emptyText}
      </p>
    );
  return (
    <ol className="rule-list" data-testid={testId}>
      {rules.map((r) => (
        <li key={r.id} data-rule-id={r.id}>
          <p>
            {t('riskRules.ruleGives')} <LevelLabel levels={levels} levelKey={r.level} />{' '}
            {r.match === 'all' ? t('riskRules.matchAll') : t('riskRules.matchAny')}{' '}
            <code className="muted small">{r.id}</code>
          </p>
          {r.description && <p className="muted small">{r.description[lang]}</p>}
          <ul>
            {r.conditions.map((c, i) => (
              <li key={i}>
                <ConditionText condition={c} levels={levels} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** Notice before a raise, and the conditions under which a level may not be lowered. */
export function ConstraintsView({ definition }: { definition: RuleSetDetail['definition'] }) {
  const { t } = useTranslation();
  const hours = definition.constraints?.raiseNoticeHours;
  const cannotLower = definition.constraints?.cannotLowerWhen ?? [];
  return (
    <div data-testid="rule-set-constraints">
      <p>{hours !== undefined && hours > 0 ? t('riskRules.raiseNotice', { hours }) : t('riskRules.noRaiseNotice')}</p>
      {cannotLower.length === 0 ? (
        <p className="muted">{t('riskRules.noCannotLower')}</p>
      ) : (
        <>
          <p>{t('riskRules.cannotLower')}</p>
          <ul>
            {cannotLower.map((c, i) => (
              <li key={i}>
                <ConditionText condition={c} levels={definition.levels} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function VersionsList({ versions }: { versions: RuleSetDetail['versions'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <ol className="timeline" reversed data-testid="rule-set-versions">
      {sorted.map((v) => (
        <li key={v.version}>
          <strong>{t('riskRules.versionN', { version: v.version })}</strong> —{' '}
          {t('riskRules.updatedBy', { at: fmt.dateTime(v.updatedAt), by: v.updatedByName ?? t('riskRules.system') })}
        </li>
      ))}
    </ol>
  );
}
