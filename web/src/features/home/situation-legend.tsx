import { useTranslation } from 'react-i18next';
import type { SituationView } from '../../../../core/schemas/situation.ts';
import { useFormat } from '../../ui/format.ts';

type Levels = NonNullable<SituationView['levels']>;

/** The rule set's levels, lowest first, with their colour and how many of the area's communes are at each. */
export function SituationLegend({ levels }: { levels: Levels }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const counts = new Map<string, number>();
  for (const c of levels.communes) counts.set(c.level, (counts.get(c.level) ?? 0) + 1);
  return (
    <section className="situation-legend" aria-labelledby="situation-legend-title" data-testid="situation-legend">
      <h3 id="situation-legend-title">{t('situation.legendTitle')}</h3>
      <ul>
        {levels.ruleSet.levels.map((l) => (
          <li key={l.key} data-level-key={l.key}>
            <span className="situation-swatch" style={{ background: l.colour }} aria-hidden="true" />
            <span>{l.name[fmt.lang]}</span>{' '}
            <span className="muted small" data-testid={`situation-legend-count-${l.key}`}>
              {t('risk.legendCount', { count: counts.get(l.key) ?? 0 })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
