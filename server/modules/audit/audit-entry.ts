import type { Actor } from '../../shared/actor.ts';
import type { AuditAction, AuditEntityType } from '../../../core/audit-vocabulary.ts';

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  localityCode?: string | null;
  localityPath?: string | null;
  before?: unknown;
  after?: unknown;
  /**
   * The people whose data the event read or changed, for their own access log (Law 91/2025).
   * Nulls (a row without a person record, e.g. an imported case) are skipped.
   */
  subjectIds?: readonly (string | null)[];
}

/**
 * Who did it: a signed-in actor (its role and scope name the agency a person is later told of),
 * a citizen, or an anonymous attempt (failed sign-in) with the name given.
 */
export type AuditActor = Pick<Actor, 'ip' | 'requestId'> & {
  userId: string | null;
  username: string | null;
  role?: Actor['role'];
  scope?: Pick<Actor['scope'], 'code'>;
};
