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
  /** The National Steering Committee (a steering committee, or the system, of the whole country) issues them. */
  issueNational: (a: Actor) => can(a.role, 'risk.decide') && a.scope.path === 'VN',
  /** National directives are read by those who follow directives (the province's health and steering officials). */
  readNationalDirectives: (a: Actor) => can(a.role, 'reports.overview') || can(a.role, 'risk.decide'),
  /** A rule-set version from the hub becomes the active rules the way a rule set always does: by those who administer rule sets. */
  adoptRuleSet: (a: Actor) => can(a.role, 'risk.administer'),
  /** A disease-profile version from the hub becomes the province's profile by those who edit profiles (its system administrator). */
  adoptDiseaseProfile: (a: Actor) => can(a.role, 'diseaseProfiles.edit'),
};
