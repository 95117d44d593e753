import type { Role } from '../../../../core/roles.ts';

/**
 * What the navigation offers to each role. The server decides for real (its policies answer
 * FORBIDDEN); these only keep the menu honest.
 */
export const canAdminUsers = (role: Role) => role === 'system_admin';
export const canAdminLocalities = (role: Role) => role === 'system_admin' || role === 'steering_committee';
export const canViewAudit = (role: Role) => role === 'system_admin' || role === 'steering_committee';
