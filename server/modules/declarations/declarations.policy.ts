import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

/** Health declarations and arrivals are sensitive personal data: officials of the place only. */
export const declarationsPolicy = {
  list: (a: Actor) => can(a.role, 'declarations.read'),
  followUp: (a: Actor, arrival: { locality_path: string }) =>
    can(a.role, 'arrivals.followUp') && inScope(a, arrival.locality_path),
};
