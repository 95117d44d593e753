import { teamForces } from '../../../../core/schemas/border.ts';

type Force = (typeof teamForces)[number];
/** The force as typed at a post: its code, or its Vietnamese or English name. */
const forces = new Map<string, Force>([
  ...teamForces.map((f) => [f, f] as const),
  ['biên phòng', 'border_guard'],
  ['bộ đội biên phòng', 'border_guard'],
  ['border guard', 'border_guard'],
  ['y tế', 'health'],
  ['dân quân', 'militia'],
  ['công an', 'police'],
  ['tình nguyện', 'volunteer'],
  ['tình nguyện viên', 'volunteer'],
]);

/**
 * "force: name" lines into team members; a line without a known force counts as a volunteer, so a
 * hurried entry is never lost.
 */
export function parseTeam(text: string): { force: Force; name: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [head, ...rest] = l.split(':');
      const force = forces.get(head!.trim().toLowerCase());
      return force && rest.length > 0
        ? { force, name: rest.join(':').trim() }
        : { force: 'volunteer' as const, name: l };
    })
    .filter((m) => m.name.length > 0);
}
