import type { Db } from '../../db/database.ts';
import type { ExportChunkLog } from '../../shared/excel.ts';
import type { AuditActor, AuditEntry } from './audit-entry.ts';
import type { AuditRepository } from './audit.repository.ts';

export type { AuditActor, AuditEntry } from './audit-entry.ts';

/**
 * What other modules use to write the audit log. Every method takes the transaction handle of the
 * change audited, so the event commits or rolls back with it.
 */
export class AuditTrailService {
  constructor(private readonly audit: AuditRepository) {}

  /** Returns the event's id, for `recordSubjects` of an export that names its people as it streams. */
  record(db: Db, actor: AuditActor, entry: AuditEntry): Promise<string> {
    return this.audit.record(db, actor, entry);
  }

  /** Records an export before its first row leaves; the answer names the people of each chunk. */
  exportLog<T>(
    db: Db,
    actor: AuditActor,
    entry: Omit<AuditEntry, 'action'>,
    personOf: (row: T) => string | null,
  ): Promise<ExportChunkLog<T>> {
    return this.audit.exportLog(db, actor, entry, personOf);
  }

  /** Names more people touched by an event (the next page of an export). */
  recordSubjects(db: Db, eventId: string, personIds: readonly (string | null)[]): Promise<void> {
    return this.audit.recordSubjects(db, eventId, personIds);
  }
}
