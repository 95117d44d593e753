import { can } from '../../../core/roles.ts';
import type { Actor } from '../../shared/actor.ts';

/** Referrals carry a person's details: the officials who trace contacts write, read and accept them. */
export const federationPolicy = {
  refer: (a: Actor) => can(a.role, 'cases.investigate'),
  readIncoming: (a: Actor) => can(a.role, 'cases.investigate'),
  accept: (a: Actor) => can(a.role, 'cases.investigate'),
  /** The hub's provinces and their replication (aggregates): those who read risk, each the provinces of their area. */
  readNational: (a: Actor) => can(a.role, 'risk.read'),
  /** National directives are acknowledged by the province's steering committee or health department. */
  acknowledgeDirective: (a: Actor) => can(a.role, 'risk.decide') || a.role === 'health_department',
};
