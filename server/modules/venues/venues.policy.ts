import type { Role } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Located = { path: string };
type Venue = { locality_path: string; owner_user_id: string | null };

/**
 * Officials who see every venue of their locality subtree, with its contact phone and owner.
 * Inspectors read check-in counts per venue only, until an inspection grants what it targets.
 */
const officials: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer'];
/** Officials who approve, reject, suspend and reinstate venues. */
const deciders: readonly Role[] = ['system_admin', 'steering_committee', 'health_department', 'commune_officer'];

const owns = (a: Actor, v: Venue) => a.role === 'organisation_admin' && v.owner_user_id === a.userId;

/** Venues: organisations register and keep their own; officials of the place see and decide. */
export const venuesPolicy = {
  mayRegister: (a: Actor) => a.role === 'organisation_admin' || a.role === 'system_admin',
  register: (a: Actor, commune: Located) => (a.role === 'organisation_admin' || a.role === 'system_admin') && inScope(a, commune.path),
  list: (a: Actor) => officials.includes(a.role) || a.role === 'organisation_admin',
  listOnlyOwn: (a: Actor) => a.role === 'organisation_admin',
  read: (a: Actor, v: Venue) => inScope(a, v.locality_path) && (officials.includes(a.role) || owns(a, v)),
  update: (a: Actor, v: Venue) => inScope(a, v.locality_path) && (a.role === 'system_admin' || owns(a, v)),
  decide: (a: Actor, v: Venue) => deciders.includes(a.role) && inScope(a, v.locality_path),
  /** Poster and QR image: whoever may see the venue (the owner prints it, officials check it). */
  print: (a: Actor, v: Venue) => inScope(a, v.locality_path) && (officials.includes(a.role) || owns(a, v)),
};
