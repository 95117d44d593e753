import { can } from '../../../core/roles.ts';
import { inScope, isSystemActor, type Actor } from '../../shared/actor.ts';

type Located = { locality_path: string };

/**
 * Border and entry control (issue 19). Everything is scoped to the actor's area; checkpoint staff
 * act only at the posts whose team they are on; interceptions name people (sensitive: read by those
 * who record them and the officials of the place, every read audited); a tip-off's reporter is
 * shown to its investigating officer only.
 */
export const borderPolicy = {
  read: (a: Actor) => can(a.role, 'border.read'),
  readAt: (a: Actor, place: Located) => can(a.role, 'border.read') && inScope(a, place.locality_path),
  manageAt: (a: Actor, place: Located) => can(a.role, 'border.manage') && inScope(a, place.locality_path),
  /** Whether the actor's post list is limited to the posts they are members of. */
  onlyOwnPosts: (a: Actor) => a.role === 'checkpoint_staff',
  recordAt: (a: Actor, post: Located, member: boolean) =>
    can(a.role, 'border.record') && inScope(a, post.locality_path) && (a.role !== 'checkpoint_staff' || member),
  /** Who hands people over to a quarantine facility: those who record at posts or intercept. */
  handOver: (a: Actor) => can(a.role, 'border.record') || can(a.role, 'border.intercept'),
  intercept: (a: Actor) => can(a.role, 'border.intercept'),
  interceptAt: (a: Actor, place: Located) => can(a.role, 'border.intercept') && inScope(a, place.locality_path),
  /** Tip-offs go to the commune police and health: those of the place read and work them. */
  tipoffs: (a: Actor) => can(a.role, 'border.tipoffs'),
  tipoffAt: (a: Actor, t: Located) => can(a.role, 'border.tipoffs') && inScope(a, t.locality_path),
  seeReporter: (a: Actor, t: { investigator_id: string | null }) =>
    !isSystemActor(a) && t.investigator_id !== null && t.investigator_id === a.userId,
};
