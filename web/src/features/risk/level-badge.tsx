import type { LevelLegend } from '../../../../core/schemas/risk-map.ts';
import { useFormat } from '../../ui/format.ts';
import { inkOn, levelOf } from './risk-labels.ts';

/** A level as a label in its own colour (its name says its number); an unknown key shows as is. */
export function LevelBadge({ levels, levelKey, testId }: { levels: LevelLegend; levelKey: string; testId?: string }) {
  const fmt = useFormat();
  const l = levelOf(levels, levelKey);
  if (!l) {
    return (
      <span className="badge" data-level-key={levelKey} data-testid={testId}>
        {levelKey}
      </span>
    );
  }
  return (
    <span
      className="badge risk-level-badge"
      style={{ background: l.colour, color: inkOn(l.colour) }}
      data-level-key={l.key}
      data-testid={testId}
    >
      {l.name[fmt.lang]}
    </span>
  );
}
