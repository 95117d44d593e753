import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

/**
 * Means, supplies, forces and donations (issue 18). Officials read what the units of their area
 * have; the health service and communes keep the stores of their area; steering committees, health
 * and communes keep rosters; steering committees and communes record donations and who received
 * support. Everything within the actor's locality subtree (a store, member or donation carries the
 * area of its unit). Reinforcement is assigned by the level the request was addressed to: an
 * actor whose area holds that upper unit.
 */
export const resourcesPolicy = {
  read: (a: Actor) => can(a.role, 'resources.read'),
  readAt: (a: Actor, path: string) => can(a.role, 'resources.read') && inScope(a, path),
  keepStockAt: (a: Actor, path: string) => can(a.role, 'resources.stock') && inScope(a, path),
  keepForcesAt: (a: Actor, path: string) => can(a.role, 'resources.forces') && inScope(a, path),
  /** Sending people: the upper unit lies in the actor's area and so does each member's unit. */
  assignReinforcement: (a: Actor, askedOfPath: string) => can(a.role, 'resources.forces') && inScope(a, askedOfPath),
  keepSupportAt: (a: Actor, path: string) => can(a.role, 'resources.support') && inScope(a, path),
  /** Named recipients of support: only those who hand it out. */
  readRecipients: (a: Actor) => can(a.role, 'resources.support'),
};
