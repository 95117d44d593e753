import { createHash } from 'node:crypto';
import type { Role } from '../../../core/roles.ts';
import type { ListUsersQuery } from '../../../core/schemas/users.ts';
import type { Db } from '../../db/database.ts';
import type { UserUpdate } from '../../db/schema.ts';
import { decodeCursor } from '../../shared/cursor.ts';
import { escapeLike, pathWithinSql } from '../../db/path-scope.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const userColumns = [
  'users.id',
  'users.username',
  'users.full_name',
  'users.password_hash',
  'users.role',
  'users.locality_code',
  'users.disabled_at',
  'users.must_change_password',
  'users.totp_secret',
  'users.totp_enabled_at',
  'users.totp_last_step',
  'users.totp_pending_secret',
  'users.totp_pending_at',
  'users.created_at',
  'localities.name as locality_name',
  'localities.path as locality_path',
] as const;

export type UserRecord = NonNullable<Awaited<ReturnType<IdentityRepository['findUserById']>>>;

/** SQL for users and sessions. */
export class IdentityRepository {
  private users(db: Db) {
    return db.selectFrom('users').innerJoin('localities', 'localities.code', 'users.locality_code').select(userColumns);
  }

  async anyUserExists(db: Db): Promise<boolean> {
    return (await db.selectFrom('users').select('id').limit(1).execute()).length > 0;
  }

  findUserById(db: Db, id: string) {
    return this.users(db).where('users.id', '=', id).executeTakeFirst();
  }

  findUserByUsername(db: Db, username: string) {
    return this.users(db).where('users.username', '=', username).executeTakeFirst();
  }

  async listUsers(db: Db, scopePath: string, q: ListUsersQuery & { localityPath?: string }) {
    const cursor = decodeCursor(q.after, ['text', 'uuid']);
    const within = q.localityPath ?? scopePath;
    let query = this.users(db).where(pathWithinSql('localities.path', within));
    if (q.role) query = query.where('users.role', '=', q.role);
    if (q.q) {
      const term = `%${escapeLike(q.q)}%`;
      query = query.where((eb) => eb.or([eb('users.username', 'ilike', term), eb('users.full_name', 'ilike', term)]));
    }
    if (cursor) {
      const [name, id] = cursor as [string, string];
      query = query.where((eb) =>
        eb.or([eb('users.username', '>', name), eb.and([eb('users.username', '=', name), eb('users.id', '>', id)])]),
      );
    }
    return query
      .orderBy('users.username')
      .orderBy('users.id')
      .limit(q.limit + 1)
      .execute();
  }

  async insertUser(
    db: Db,
    u: {
      username: string;
      fullName: string;
      passwordHash: string;
      role: Role;
      localityCode: string;
      mustChangePassword: boolean;
    },
  ): Promise<string> {
    const row = await db
      .insertInto('users')
      .values({
        username: u.username,
        full_name: u.fullName,
        password_hash: u.passwordHash,
        role: u.role,
        locality_code: u.localityCode,
        must_change_password: u.mustChangePassword,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async updateUser(db: Db, id: string, patch: UserUpdate): Promise<void> {
    await db
      .updateTable('users')
      .set({ ...patch, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async insertSession(
    db: Db,
    s: {
      token: string;
      userId: string;
      csrfToken: string;
      ip: string | null;
      userAgent: string | null;
      expiresAt: Date;
    },
  ): Promise<{ publicId: string; authenticatedAt: Date }> {
    const row = await db
      .insertInto('sessions')
      .values({
        id: hashToken(s.token),
        user_id: s.userId,
        csrf_token: s.csrfToken,
        ip: s.ip,
        user_agent: s.userAgent?.slice(0, 300) ?? null,
        expires_at: s.expiresAt,
      })
      .returning(['public_id', 'authenticated_at'])
      .executeTakeFirstOrThrow();
    return { publicId: row.public_id, authenticatedAt: row.authenticated_at };
  }

  findLiveSession(db: Db, token: string, idleSince: Date) {
    return db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .innerJoin('localities', 'localities.code', 'users.locality_code')
      .select([
        'sessions.id as session_id',
        'sessions.public_id',
        'sessions.csrf_token',
        'sessions.last_seen_at',
        'sessions.authenticated_at',
        ...userColumns,
      ])
      .where('sessions.id', '=', hashToken(token))
      .where('sessions.expires_at', '>', new Date())
      .where('sessions.last_seen_at', '>', idleSince)
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst();
  }

  async touchSession(db: Db, sessionId: string): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', sessionId).execute();
  }

  async markAuthenticated(db: Db, token: string, at: Date): Promise<void> {
    await db.updateTable('sessions').set({ authenticated_at: at }).where('id', '=', hashToken(token)).execute();
  }

  /** A user's live sessions, most recently used first (a handful: they end after hours). */
  listSessionsOf(db: Db, userId: string, idleSince: Date) {
    return db
      .selectFrom('sessions')
      .select(['public_id', 'ip', 'user_agent', 'created_at', 'last_seen_at', 'authenticated_at'])
      .where('user_id', '=', userId)
      .where('expires_at', '>', new Date())
      .where('last_seen_at', '>', idleSince)
      .orderBy('last_seen_at', 'desc')
      .limit(200)
      .execute();
  }

  /** Deletes one session of the user by its public id; false when there is none. */
  async deleteSessionByPublicId(db: Db, userId: string, publicId: string): Promise<boolean> {
    const r = await db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('public_id', '=', publicId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async deleteSession(db: Db, token: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
  }

  /** Ends the sessions of a user (but the one of `exceptToken`); answers how many ended. */
  async deleteSessionsOf(db: Db, userId: string, exceptToken?: string): Promise<number> {
    let q = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptToken) q = q.where('id', '!=', hashToken(exceptToken));
    return Number((await q.executeTakeFirst()).numDeletedRows);
  }

  async purgeExpiredSessions(db: Db, idleSince: Date): Promise<number> {
    const r = await db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', new Date()), eb('last_seen_at', '<=', idleSince)]))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
