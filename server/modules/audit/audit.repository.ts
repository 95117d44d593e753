import { sql } from 'kysely';
import type { ListAuditQuery } from '../../../core/schemas/audit.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  localityCode?: string | null;
  localityPath?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Who did it: a signed-in actor, or an anonymous attempt (failed sign-in) with the name given. */
export type AuditActor = Pick<Actor, 'ip' | 'requestId'> & { userId: string | null; username: string | null };

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** The only writer of `audit_events`. Always pass the transaction handle of the change audited. */
export class AuditRepository {
  async record(db: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
    await db
      .insertInto('audit_events')
      .values({
        actor_id: actor.userId,
        actor_name: actor.username,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        locality_code: entry.localityCode ?? null,
        locality_path: entry.localityPath ?? null,
        before: json(entry.before),
        after: json(entry.after),
        ip: actor.ip,
        request_id: actor.requestId,
      })
      .execute();
  }

  /** Newest first. Events without a locality are visible only to a country-wide scope. */
  async list(db: Db, scopePath: string, q: ListAuditQuery) {
    const cursor = decodeCursor(q.after, 1);
    let query = db.selectFrom('audit_events').selectAll();
    if (scopePath !== 'VN') {
      query = query.where(pathWithinSql('locality_path', scopePath));
    }
    if (q.actorId) query = query.where('actor_id', '=', q.actorId);
    if (q.entityType) query = query.where('entity_type', '=', q.entityType);
    if (q.entityId) query = query.where('entity_id', '=', q.entityId);
    if (q.action) query = query.where('action', '=', q.action);
    if (q.from) query = query.where('at', '>=', new Date(q.from));
    if (q.to) query = query.where('at', '<', new Date(q.to));
    if (cursor) query = query.where('id', '<', String(cursor[0]));
    return query.orderBy('id', 'desc').limit(q.limit + 1).execute();
  }

  async countFor(db: Db, entityType: string, entityId: string): Promise<number> {
    const row = await db
      .selectFrom('audit_events')
      .select(sql<string>`count(*)`.as('n'))
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
