import { sql } from 'kysely';
import { compiledOnce } from '../../db/compiled-once.ts';
import type { Db } from '../../db/database.ts';
import { scopeWithinSql } from '../../db/path-scope.ts';
import { DAY_MS, vietnamMidnight, vietnamToday } from '../../../core/vietnam-calendar.ts';
import { microsecondKey } from '../../db/cursor-keys.ts';
import { decodeCursor } from '../../shared/cursor.ts';
import { BatchAnswerMismatch } from '../../shared/group-commit.ts';

const partitionName = (day: Date) => `checkins_p${day.toISOString().slice(0, 10).replaceAll('-', '')}`;
const utcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

export interface CheckinToRecord {
  venueId: string;
  personId: string;
  mode: 'visitor_scan' | 'gate_scan';
  communeCode: string;
}
export interface RecordedCheckin {
  id: string;
  at: Date;
  repeated: boolean;
}

/** Check-ins: the hot, append-only table, one partition per UTC day. */
export class CheckinsRepository {
  /** Creates the day partitions covering [from, to]; safe to run concurrently and repeatedly. */
  async ensurePartitions(db: Db, from: Date, to: Date): Promise<number> {
    let created = 0;
    for (let day = utcDay(from); day <= to; day = new Date(day.getTime() + DAY_MS)) {
      const next = new Date(day.getTime() + DAY_MS);
      try {
        await sql
          .raw(
            `create table if not exists ${partitionName(day)} partition of checkins
          for values from ('${day.toISOString()}') to ('${next.toISOString()}')`,
          )
          .execute(db);
        created++;
      } catch (err) {
        // Another process created it between our check and our create.
        if (!['42P07', '23505'].includes((err as { code?: string }).code ?? '')) throw err;
      }
    }
    return created;
  }

  /** Drops whole day partitions that ended before `before`: retention without row-by-row deletes. */
  async dropPartitionsBefore(db: Db, before: Date): Promise<string[]> {
    const r = await sql<{ name: string }>`
      select c.relname as name from pg_inherits i
      join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
      where p.relname = 'checkins'`.execute(db);
    const cutoff = partitionName(utcDay(before));
    const old = r.rows.map((x) => x.name).filter((n) => /^checkins_p\d{8}$/.test(n) && n < cutoff);
    for (const name of old) await sql.raw(`drop table if exists ${name}`).execute(db);
    return old;
  }

  /** Compiled once: every visitor check-in looks its venue up. */
  async venueByCode(db: Db, publicCode: string) {
    return (await venueByPublicCode(db, publicCode))[0];
  }

  /** Many venues by public code in one statement: answers in the order of `codes`, null where none. */
  async venuesByCodes(db: Db, codes: readonly string[]) {
    const rows = await venuesByPublicCodes(db, codes);
    const byCode = new Map(rows.map((r) => [r.public_code, r]));
    return codes.map((c) => byCode.get(c) ?? null);
  }

  /** A person's check-ins that began in [from, to), with their venue's exposure key (exposure alerts). */
  staysWithKeys(db: Db, personId: string, from: Date, to: Date) {
    return db
      .selectFrom('checkins as c')
      .innerJoin('venues as v', 'v.id', 'c.venue_id')
      .select([
        'c.venue_id',
        'v.name as venue_name',
        'v.exposure_key',
        'v.locality_path',
        'c.checked_in_at',
        'c.checked_out_at',
      ])
      .where('c.person_id', '=', personId)
      .where('c.checked_in_at', '>=', from)
      .where('c.checked_in_at', '<', to)
      .orderBy('c.checked_in_at')
      .execute();
  }

  venueById(db: Db, id: string) {
    return this.venues(db).where('id', '=', id).executeTakeFirst();
  }

  private venues(db: Db) {
    return venuesOf(db);
  }

  /**
   * Records a check-in, or returns the person's open one at this venue within the repeat window
   * (a resend, a double scan). One statement: see migration 0003.
   */
  async record(db: Db, c: CheckinToRecord & { windowMinutes: number }): Promise<RecordedCheckin> {
    const r = await sql<{ checkin_id: string; at: Date; repeated: boolean }>`
      select checkin_id, at, repeated from record_checkin(${c.venueId}::uuid, ${c.personId}::uuid, ${c.mode}, ${c.communeCode},
        make_interval(mins => ${c.windowMinutes}))`.execute(db);
    const row = r.rows[0]!;
    return { id: String(row.checkin_id), at: row.at, repeated: row.repeated };
  }

  /**
   * Records a batch of check-ins in one statement (one commit): see migration 0021. Answers come in
   * the order of `rows`; the same person at the same venue twice in one batch is one check-in.
   */
  async recordMany(db: Db, rows: readonly CheckinToRecord[], windowMinutes: number): Promise<RecordedCheckin[]> {
    const r = await sql<{ slot: number; checkin_id: string; at: Date; repeated: boolean }>`
      select slot, checkin_id, at, repeated from record_checkins(
        ${rows.map((x) => x.venueId)}::uuid[], ${rows.map((x) => x.personId)}::uuid[],
        ${rows.map((x) => x.mode)}::text[], ${rows.map((x) => x.communeCode)}::text[],
        make_interval(mins => ${windowMinutes}))`.execute(db);
    // Every request answered exactly once, or none is: the group commit then fails the whole batch.
    if (r.rows.length !== rows.length) throw new BatchAnswerMismatch(rows.length, `${r.rows.length} rows`);
    const answers: RecordedCheckin[] = new Array<RecordedCheckin>(rows.length);
    for (const row of r.rows) {
      const i = row.slot - 1;
      if (!(i >= 0 && i < rows.length) || answers[i])
        throw new BatchAnswerMismatch(rows.length, `slot ${row.slot} out of place`);
      answers[i] = { id: String(row.checkin_id), at: row.at, repeated: row.repeated };
    }
    return answers;
  }

  /**
   * Check-ins that happened earlier (the demo province's history; a venue's paper register typed
   * in later). Their day partitions must exist.
   */
  async insertPast(
    db: Db,
    rows: readonly { venueId: string; personId: string; from: Date; to: Date | null; communeCode: string }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('checkins')
      .values(
        rows.map((r) => ({
          venue_id: r.venueId,
          person_id: r.personId,
          checked_in_at: r.from,
          checked_out_at: r.to,
          mode: 'visitor_scan' as const,
          commune_code: r.communeCode,
        })),
      )
      .execute();
  }

  async checkout(db: Db, personId: string, checkedInAt: Date, at: Date): Promise<boolean> {
    const r = await db
      .updateTable('checkins')
      .set({ checked_out_at: at })
      .where('person_id', '=', personId)
      .where('checked_in_at', '=', checkedInAt)
      .where('checked_out_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async historyOf(db: Db, personId: string, after: string | undefined, limit: number) {
    const cursor = decodeCursor(after, ['timestamp', 'integer']);
    let q = db
      .selectFrom('checkins as c')
      .innerJoin('venues as v', 'v.id', 'c.venue_id')
      .select(['c.id', 'c.checked_in_at', 'c.checked_out_at', 'v.name', 'v.address_line'])
      .select(microsecondKey('c.checked_in_at').as('checked_in_key'))
      .where('c.person_id', '=', personId);
    if (cursor) q = q.where(sql<boolean>`(c.checked_in_at, c.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::bigint)`);
    return q
      .orderBy('c.checked_in_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  async entries(db: Db, venueId: string, from: Date, to: Date, after: string | undefined, limit: number) {
    const cursor = decodeCursor(after, ['timestamp', 'integer']);
    let q = db
      .selectFrom('checkins as c')
      .innerJoin('people as p', 'p.id', 'c.person_id')
      .select(['c.id', 'c.checked_in_at', 'c.checked_out_at', 'c.mode', 'p.full_name'])
      .select(microsecondKey('c.checked_in_at').as('checked_in_key'))
      .where('c.venue_id', '=', venueId)
      .where('c.checked_in_at', '>=', from)
      .where('c.checked_in_at', '<', to);
    if (cursor) q = q.where(sql<boolean>`(c.checked_in_at, c.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::bigint)`);
    return q
      .orderBy('c.checked_in_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  /**
   * Check-ins per venue per day (Vietnam time) inside a locality subtree, keyset-paged on (day,
   * venue). Walked one day at a time from the cursor's day, so a page counts the check-ins of the
   * days it shows, not of the whole range (a province's 92 days are millions of rows, issue 14).
   */
  async countsPerVenueDay(
    db: Db,
    o: { within: string; from: Date; to: Date; venueId?: string; after?: string; limit: number },
  ) {
    const cursor = decodeCursor(o.after, ['date', 'uuid']);
    const rows: Awaited<ReturnType<typeof this.countsOfDay>> = [];
    const firstDay = vietnamMidnight(vietnamToday(o.from));
    const cursorDay = cursor ? vietnamMidnight(cursor[0]) : firstDay;
    let dayStart = cursorDay > firstDay ? cursorDay : firstDay;
    for (; dayStart < o.to && rows.length <= o.limit; dayStart = new Date(dayStart.getTime() + DAY_MS)) {
      const from = dayStart < o.from ? o.from : dayStart;
      const dayEnd = new Date(dayStart.getTime() + DAY_MS);
      const to = dayEnd < o.to ? dayEnd : o.to;
      if (to <= from) continue;
      const afterVenue = cursor && vietnamToday(dayStart) === cursor[0] ? cursor[1] : undefined;
      rows.push(...(await this.countsOfDay(db, { ...o, from, to, afterVenue, limit: o.limit + 1 - rows.length })));
    }
    return rows;
  }

  /** One day's counts per venue (`from`, `to` inside one Vietnam day), in venue order. */
  private countsOfDay(
    db: Db,
    o: { within: string; from: Date; to: Date; venueId?: string; afterVenue?: string; limit: number },
  ) {
    let q = db
      .selectFrom('checkins as c')
      .innerJoin('venues as v', 'v.id', 'c.venue_id')
      .select([
        'v.id as venue_id',
        'v.name as venue_name',
        'v.commune_code',
        sql<string>`to_char(c.checked_in_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`.as('day'),
        sql<string>`count(*)`.as('n'),
      ])
      .where(
        scopeWithinSql({ path: 'v.locality_path', province: 'v.scope_province', commune: 'v.scope_code' }, o.within),
      )
      .where('c.checked_in_at', '>=', o.from)
      .where('c.checked_in_at', '<', o.to)
      .groupBy(['v.id', 'v.name', 'v.commune_code', sql`4`]);
    if (o.venueId) q = q.where('v.id', '=', o.venueId);
    if (o.afterVenue) q = q.where('v.id', '>', o.afterVenue);
    return q.orderBy('v.id').limit(o.limit).execute();
  }
}

const venuesOf = (db: Db) =>
  db
    .selectFrom('venues')
    .select([
      'id',
      'name',
      'address_line',
      'status',
      'gate_policy',
      'commune_code',
      'locality_path',
      'owner_user_id',
      'exposure_key',
    ]);

const venueByPublicCode = compiledOnce((db: Db, publicCode: string) =>
  venuesOf(db).where('public_code', '=', publicCode),
);

const venuesByPublicCodes = compiledOnce((db: Db, codes: readonly string[]) =>
  venuesOf(db)
    .select('public_code')
    .where('public_code', '=', sql<string>`any(${codes}::text[])`),
);
