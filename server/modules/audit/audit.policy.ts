import { can } from '../../../core/roles.ts';
import type { Actor } from '../../shared/actor.ts';

/**
 * The audit log names officials, what they read and whom: only system administrators read it,
 * its alerts and the breach register (a person reads their own access log through the citizens' pages).
 */
export const auditPolicy = {
  list: (a: Actor) => can(a.role, 'audit.read'),
  alerts: (a: Actor) => can(a.role, 'audit.read'),
};
