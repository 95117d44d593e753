import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Located = { path: string };
type Venue = { locality_path: string; owner_user_id: string | null };

const owns = (a: Actor, v: Venue) => a.role === 'organisation_admin' && v.owner_user_id === a.userId;

/**
 * Venues: organisations register and keep their own; officials of the place see every venue of
 * their subtree (with its contact phone and owner) and decide. Inspectors read check-in counts only.
 */
export const venuesPolicy = {
  mayRegister: (a: Actor) => can(a.role, 'venues.register'),
  register: (a: Actor, commune: Located) => can(a.role, 'venues.register') && inScope(a, commune.path),
  list: (a: Actor) => can(a.role, 'venues.list'),
  listOnlyOwn: (a: Actor) => a.role === 'organisation_admin',
  read: (a: Actor, v: Venue) => inScope(a, v.locality_path) && (can(a.role, 'venues.readAny') || owns(a, v)),
  update: (a: Actor, v: Venue) => inScope(a, v.locality_path) && (can(a.role, 'venues.updateAny') || owns(a, v)),
  decide: (a: Actor, v: Venue) => can(a.role, 'venues.decide') && inScope(a, v.locality_path),
  /** Poster and QR image: whoever may see the venue (the owner prints it, officials check it). */
  print: (a: Actor, v: Venue) => inScope(a, v.locality_path) && (can(a.role, 'venues.readAny') || owns(a, v)),
};
