import { useTranslation } from 'react-i18next';
import type { RiskMapView } from '../../../../core/schemas/risk-map.ts';
import { useFormat } from '../../ui/format.ts';
import { LevelBadge } from './level-badge.tsx';
import { round1 } from './risk-labels.ts';

/** The rule set's levels, lowest first, with their colour and how many communes are at each. */
export function MapLegend({ view }: { view: RiskMapView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <section className="risk-legend" aria-labelledby="risk-legend-title" data-testid="risk-legend">
      <h2 id="risk-legend-title">{t('risk.legendTitle')}</h2>
      <ul>
        {view.ruleSet.levels.map((l) => (
          <li key={l.key} data-level-key={l.key}>
            <span className="risk-swatch" style={{ background: l.colour }} aria-hidden="true" />
            <span className="risk-legend-name">{l.name[fmt.lang]}</span>
            <span className="muted small" data-testid={`risk-legend-count-${l.key}`}>
              {t('risk.legendCount', { count: view.levelCounts[l.key] ?? 0 })}
            </span>
          </li>
        ))}
        <li>
          <span className="risk-swatch risk-swatch-zone" aria-hidden="true" />
          <span className="small">{t('risk.legendZone')}</span>
        </li>
      </ul>
    </section>
  );
}

/** The province at a glance: its computed and decided level and its main figures. */
export function ProvinceOverview({ view, onEvaluate }: { view: RiskMapView; onEvaluate: (() => void) | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = view.province;
  const levels = view.ruleSet.levels;
  const pct = (v: number | null) =>
    v === null ? t('common.empty') : t('risk.percent', { value: fmt.number(round1(v)) });
  return (
    <section className="card risk-overview" aria-labelledby="risk-overview-title" data-testid="risk-province-card">
      <h2 id="risk-overview-title">{t('risk.provinceTitle', { name: p.name })}</h2>
      <p>
        <LevelBadge levels={levels} levelKey={p.level} testId="risk-province-level" />
      </p>
      <dl className="risk-facts">
        <dt>{t('risk.computedLevel')}</dt>
        <dd>
          <LevelBadge levels={levels} levelKey={p.computedLevel} />
        </dd>
        <dt>{t('risk.decidedLevel')}</dt>
        <dd>{p.decidedLevel ? <LevelBadge levels={levels} levelKey={p.decidedLevel} /> : t('risk.noDecision')}</dd>
        <dt>{t('risk.cases7d')}</dt>
        <dd data-testid="risk-province-cases7d">{fmt.number(p.cases7d)}</dd>
        <dt>{t('risk.cases14d')}</dt>
        <dd>{fmt.number(p.cases14d)}</dd>
        <dt>{t('risk.per100k')}</dt>
        <dd>{p.per100k7d === null ? t('common.empty') : fmt.number(round1(p.per100k7d))}</dd>
        <dt>{t('risk.peopleInQuarantine')}</dt>
        <dd>{fmt.number(p.peopleInQuarantine)}</dd>
        <dt>{t('risk.bedOccupancy')}</dt>
        <dd>{pct(p.bedOccupancy)}</dd>
      </dl>
      {onEvaluate && (
        <button type="button" onClick={onEvaluate} data-testid="risk-province-evaluate">
          {t('risk.provinceEvaluate')}
        </button>
      )}
    </section>
  );
}
