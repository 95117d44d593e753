/**
 * What a level change does to a unit's activated plan sections (issue 18). Levels are cumulative,
 * like the rule set's measures: at level 3 the sections of levels 1–3 may be open; going up opens the
 * new level's section and keeps the lower ones; going down closes every section above the new level.
 */

export interface OpenSection {
  levelKey: string;
  levelNumber: number;
}

export interface LevelChange {
  /** The section to open, when the plan has one for the new level and it is not open yet. */
  open: OpenSection | null;
  /** The open sections that no longer apply (above the new level). */
  close: OpenSection[];
}

export function levelChange(
  open: readonly OpenSection[],
  newLevel: OpenSection,
  planHasSection: (levelKey: string) => boolean,
): LevelChange {
  const already = open.some((s) => s.levelKey === newLevel.levelKey);
  return {
    open: !already && planHasSection(newLevel.levelKey) ? newLevel : null,
    close: open.filter((s) => s.levelNumber > newLevel.levelNumber),
  };
}

const HOUR_MS = 3_600_000;

/** A task's deadline: so many hours after the section was activated (the decision's effective moment). */
export function taskDeadline(activatedAt: Date, dueAfterHours: number): Date {
  if (!Number.isInteger(dueAfterHours) || dueAfterHours < 0) throw new RangeError('dueAfterHours');
  return new Date(activatedAt.getTime() + dueAfterHours * HOUR_MS);
}

export type ActivationTaskStanding = 'done' | 'open' | 'overdue' | 'closed';

/** Where an activation task stands at `now`: overdue once its deadline passed without being done. */
export function taskStanding(
  t: { status: 'open' | 'done' | 'closed'; dueAt: Date },
  now: Date,
): ActivationTaskStanding {
  if (t.status !== 'open') return t.status;
  return now.getTime() > t.dueAt.getTime() ? 'overdue' : 'open';
}

/** Progress of an activation: the share of its tasks done, whole percent (100 without tasks). */
export function activationProgress(tasks: readonly { status: 'open' | 'done' | 'closed' }[]): number {
  const live = tasks.filter((t) => t.status !== 'closed');
  if (live.length === 0) return 100;
  return Math.floor((live.filter((t) => t.status === 'done').length / live.length) * 100);
}
