import { sql } from 'kysely';
import type { ListAuditQuery } from '../../../core/schemas/audit.ts';
import type { Db } from '../../db/database.ts';
import { pathCodes, scopeWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';
import type { ExportChunkLog } from '../../shared/excel.ts';
import type { AuditActor, AuditEntry } from './audit-entry.ts';

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** The only writer of `audit_events`. Always pass the transaction handle of the change audited. */
export class AuditRepository {
  /** Returns the event's id, for `recordSubjects` of an export that names its people as it streams. */
  async record(db: Db, actor: AuditActor, entry: AuditEntry): Promise<string> {
    const { id } = await db
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
        actor_role: actor.role ?? (actor.userId === null && actor.username === 'citizen' ? 'citizen' : null),
        actor_locality_code: actor.scope?.code ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (entry.subjectIds?.length) await this.recordSubjects(db, id, entry.subjectIds);
    return id;
  }

  /**
   * Records an export before its first row leaves, and returns what names the people of each chunk
   * as it streams (the second argument of `allPages`): one event, however many pages it has.
   */
  async exportLog<T>(
    db: Db,
    actor: AuditActor,
    entry: Omit<AuditEntry, 'action'>,
    personOf: (row: T) => string | null,
  ): Promise<ExportChunkLog<T>> {
    const eventId = await this.record(db, actor, { ...entry, action: 'export' });
    return (rows) => this.recordSubjects(db, eventId, rows.map(personOf));
  }

  /** Names more people touched by an event (the next chunk of an export). Duplicates are dropped. */
  async recordSubjects(db: Db, eventId: string, personIds: readonly (string | null)[]): Promise<void> {
    const unique = [...new Set(personIds.filter((id): id is string => id !== null))];
    if (unique.length === 0) return;
    await db.insertInto('audit_event_subjects').values({ event_id: eventId, person_ids: unique }).execute();
  }

  /**
   * Events that touched a person, newest first: those naming them as a subject, and those about
   * the person record itself. Only officials' and the system's events: a person's own acts are not
   * "access by an agency".
   */
  async accessesOf(db: Db, personId: string, q: { after?: string; limit: number }) {
    const cursor = decodeCursor(q.after, ['integer']);
    let query = db
      .selectFrom('audit_events as e')
      .leftJoin('localities as l', 'l.code', 'e.actor_locality_code')
      .select([
        'e.id',
        'e.at',
        'e.action',
        'e.entity_type',
        'e.actor_role',
        'e.actor_locality_code',
        'l.name as actor_locality_name',
        'l.name_en as actor_locality_name_en',
      ])
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('audit_event_subjects as s')
              .select('s.id')
              .whereRef('s.event_id', '=', 'e.id')
              .where(sql<boolean>`s.person_ids @> array[${personId}]::uuid[]`),
          ),
          eb.and([eb('e.entity_type', '=', 'person'), eb('e.entity_id', '=', personId)]),
        ]),
      )
      .where('e.actor_id', 'is not', null);
    if (cursor) query = query.where('e.id', '<', String(cursor[0]));
    return query
      .orderBy('e.id', 'desc')
      .limit(q.limit + 1)
      .execute();
  }

  /**
   * Newest first, with the locality's names. Events without a locality are visible only to a
   * country-wide scope, and only while no locality is picked.
   */
  async list(db: Db, within: string, q: ListAuditQuery) {
    const cursor = decodeCursor(q.after, ['integer']);
    let query = db
      .selectFrom('audit_events')
      // Some events carry only the path: its last segment is the locality's code.
      .leftJoin('localities', (join) =>
        join.on(
          sql<boolean>`localities.code = coalesce(audit_events.locality_code, regexp_replace(audit_events.locality_path, '^.*/', ''))`,
        ),
      )
      .selectAll('audit_events')
      .select(['localities.name as locality_name', 'localities.name_en as locality_name_en']);
    if (within !== 'VN') {
      query = query.where(
        scopeWithinSql({ path: 'audit_events.locality_path', ...pathCodes('audit_events.locality_path') }, within),
      );
    }
    if (q.actorId) query = query.where('actor_id', '=', q.actorId);
    if (q.entityType) query = query.where('entity_type', '=', q.entityType);
    if (q.entityId) query = query.where('entity_id', '=', q.entityId);
    if (q.action) query = query.where('action', '=', q.action);
    if (q.from) query = query.where('audit_events.at', '>=', new Date(q.from));
    if (q.to) query = query.where('audit_events.at', '<', new Date(q.to));
    if (cursor) query = query.where('audit_events.id', '<', String(cursor[0]));
    return query
      .orderBy('audit_events.id', 'desc')
      .limit(q.limit + 1)
      .execute();
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
