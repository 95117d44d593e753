import { sql } from 'kysely';
import { compiledOnce } from '../../db/compiled-once.ts';
import type { Db } from '../../db/database.ts';
import { latestDeclaration, qrStatusColumns } from './qr-status.query.ts';

/** Citizen sessions: bearer tokens stored as hashes, bound to a person and a verified phone. */
export class CitizenSessionsRepository {
  async insert(db: Db, s: { id: string; personId: string; phone: string; expiresAt: Date }): Promise<void> {
    await db
      .insertInto('citizen_sessions')
      .values({ id: s.id, person_id: s.personId, phone: s.phone, expires_at: s.expiresAt })
      .execute();
  }

  /**
   * The person behind a live session and what their QR colour depends on, in one round trip: the
   * check-in path's only look-up (the session's primary key, then the person's latest declaration).
   */
  async holderBySessionId(db: Db, sessionId: string, now: Date) {
    return (await holderBySession(db, sessionId, now))[0];
  }

  /**
   * The same for many sessions in one statement (concurrent check-ins share it): answers in the
   * order of `sessionIds`, null where the session is missing, expired or revoked.
   */
  async holdersBySessionIds(db: Db, sessionIds: readonly string[], now: Date) {
    const rows = await holdersBySessions(db, sessionIds, now);
    const byId = new Map(rows.map((r) => [r.session_id, r]));
    return sessionIds.map((id) => byId.get(id) ?? null);
  }

  /** Ends the person's sessions, except those bound to `keepPhone` when given (its phone changed). */
  async revokeForPerson(db: Db, personId: string, keepPhone?: string): Promise<void> {
    let q = db
      .updateTable('citizen_sessions')
      .set({ revoked_at: new Date() })
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null);
    if (keepPhone) q = q.where('phone', '<>', keepPhone);
    await q.execute();
  }

  async purgeExpired(db: Db, before: Date): Promise<number> {
    const r = await db.deleteFrom('citizen_sessions').where('expires_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

/** A live session's person and latest declaration; the caller says which sessions. */
const liveHolders = (db: Db, now: Date) =>
  db
    .selectFrom('citizen_sessions as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .leftJoinLateral(latestDeclaration, (join) => join.onTrue())
    .select([...qrStatusColumns, 'p.locality_path', 's.phone as session_phone'])
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('p.erased_at', 'is', null)
    .where('p.merged_into', 'is', null);

/** Compiled once: the check-in path runs it for every request. */
const holderBySession = compiledOnce((db: Db, sessionId: string, now: Date) =>
  liveHolders(db, now).where('s.id', '=', sessionId),
);

const holdersBySessions = compiledOnce((db: Db, sessionIds: readonly string[], now: Date) =>
  liveHolders(db, now)
    .select('s.id as session_id')
    .where('s.id', '=', sql<string>`any(${sessionIds}::text[])`),
);
