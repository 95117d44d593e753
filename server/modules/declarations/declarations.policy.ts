import { inScope, type Actor } from '../../shared/actor.ts';

const readers = new Set(['system_admin', 'steering_committee', 'health_department', 'commune_officer']);

/** Health declarations and arrivals are sensitive personal data: officials of the place only. */
export const declarationsPolicy = {
  list: (a: Actor) => readers.has(a.role),
  followUp: (a: Actor, arrival: { locality_path: string }) =>
    (a.role === 'commune_officer' || a.role === 'health_department' || a.role === 'system_admin') && inScope(a, arrival.locality_path),
};
