import { sql } from 'kysely';
import { decodeCursor } from '../../shared/cursor.ts';
import { microsecondKey } from '../../db/cursor-keys.ts';
import type { Db } from '../../db/database.ts';
import type { ExposureEntryStatus, SelfReportKind } from '../../db/schema-exposure.ts';

export interface EntryToPublish {
  identifier: string;
  from: Date;
  to: Date;
  provinceCode: string;
  venueId: string | null;
  caseId: string | null;
  selfReportId: string | null;
  status: ExposureEntryStatus;
  profileCode: string;
  publishedOn: string;
}

export interface SelfReportToRecord {
  personId: string;
  clientKey: string;
  kind: SelfReportKind;
  symptoms: string[];
  onsetDate: string | null;
  testDate: string | null;
  note: string | null;
  consentAt: Date;
  communeCode: string;
  localityPath: string;
}

/** Exposure entries, the feed's fetch counts and self-reports: the only SQL of the exposure module. */
export class ExposureRepository {
  /** Inserts entries; one already published (same province, identifier and window) is kept as it is. */
  async publish(db: Db, rows: readonly EntryToPublish[]): Promise<number> {
    if (!rows.length) return 0;
    const r = await db
      .insertInto('exposure_entries')
      .values(
        rows.map((e) => ({
          identifier: e.identifier,
          from_at: e.from,
          to_at: e.to,
          province_code: e.provinceCode,
          venue_id: e.venueId,
          case_id: e.caseId,
          self_report_id: e.selfReportId,
          status: e.status,
          profile_code: e.profileCode,
          published_on: e.publishedOn,
        })),
      )
      .onConflict((c) => c.columns(['province_code', 'identifier', 'from_at', 'to_at']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  }

  /** What decides whether a cached feed is still the feed: how many entries, and the latest change. */
  async feedVersion(db: Db, province: string): Promise<{ n: number; changed: Date | null }> {
    const r = await db
      .selectFrom('exposure_entries')
      .select([sql<string>`count(*)`.as('n'), sql<Date | null>`max(changed_at)`.as('changed')])
      .where('province_code', '=', province)
      .executeTakeFirstOrThrow();
    return { n: Number(r.n), changed: r.changed };
  }

  feedEntries(db: Db, province: string, since: Date) {
    return db
      .selectFrom('exposure_entries')
      .select(['identifier', 'from_at', 'to_at', 'status', 'profile_code'])
      .where('province_code', '=', province)
      .where('status', 'in', ['published', 'pending'])
      .where('to_at', '>=', since)
      .orderBy('from_at')
      .orderBy('identifier')
      .execute();
  }

  async purgeBefore(db: Db, before: Date): Promise<number> {
    const r = await db.deleteFrom('exposure_entries').where('to_at', '<', before).executeTakeFirst();
    await db.deleteFrom('exposure_feed_fetches').where('day', '<', before.toISOString().slice(0, 10)).execute();
    return Number(r.numDeletedRows);
  }

  async addFetches(db: Db, rows: readonly { province: string; day: string; n: number }[]): Promise<void> {
    if (!rows.length) return;
    await db
      .insertInto('exposure_feed_fetches')
      .values(rows.map((r) => ({ province_code: r.province, day: r.day, fetches: r.n })))
      .onConflict((c) =>
        c
          .columns(['province_code', 'day'])
          .doUpdateSet({ fetches: sql`exposure_feed_fetches.fetches + excluded.fetches` }),
      )
      .execute();
  }

  /** The new report's id, or none when its client key was recorded already (a resend). */
  async insertSelfReport(db: Db, r: SelfReportToRecord): Promise<string | undefined> {
    const row = await db
      .insertInto('self_reports')
      .values({
        person_id: r.personId,
        client_key: r.clientKey,
        kind: r.kind,
        symptoms: JSON.stringify(r.symptoms),
        onset_date: r.onsetDate,
        test_date: r.testDate,
        note: r.note,
        consent_at: r.consentAt,
        commune_code: r.communeCode,
        locality_path: r.localityPath,
        exposure_decision: null,
        photo: null,
        photo_type: null,
        handled_by: null,
        handled_at: null,
      })
      .onConflict((oc) => oc.column('client_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  /** The report a client key recorded, when it was the same person's. */
  findByClientKey(db: Db, clientKey: string, personId: string) {
    return db
      .selectFrom('self_reports')
      .select(['id', 'published_entries'])
      .where('client_key', '=', clientKey)
      .where('person_id', '=', personId)
      .executeTakeFirst();
  }

  setPublishedEntries(db: Db, id: string, n: number) {
    return db.updateTable('self_reports').set({ published_entries: n }).where('id', '=', id).execute();
  }

  findSelfReport(db: Db, id: string) {
    return db
      .selectFrom('self_reports')
      .select([
        'id',
        'person_id',
        'kind',
        'status',
        'published_entries',
        'exposure_decision',
        'locality_path',
        'commune_code',
        'photo_type',
      ])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async setPhoto(db: Db, id: string, personId: string, photo: Buffer, type: 'image/jpeg' | 'image/png' | 'image/webp') {
    const r = await db
      .updateTable('self_reports')
      .set({ photo, photo_type: type })
      .where('id', '=', id)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  photo(db: Db, id: string) {
    return db.selectFrom('self_reports').select(['photo', 'photo_type']).where('id', '=', id).executeTakeFirst();
  }

  async handle(db: Db, id: string, by: string | null, decision: 'confirmed' | 'withdrawn' | null): Promise<void> {
    await db
      .updateTable('self_reports')
      .set({ status: 'handled', handled_by: by, handled_at: new Date(), exposure_decision: decision })
      .where('id', '=', id)
      .execute();
    if (decision)
      await db
        .updateTable('exposure_entries')
        .set({ status: decision === 'confirmed' ? 'published' : 'withdrawn', changed_at: sql`clock_timestamp()` })
        .where('self_report_id', '=', id)
        .where('status', '=', 'pending')
        .execute();
  }

  /** Open self-reports of an area for today's work, oldest first, with the total. */
  openSelfReports(db: Db, within: string, limit: number) {
    return db
      .selectFrom('self_reports as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .select([
        'r.id',
        'r.kind',
        'r.person_id',
        'r.created_at',
        'p.full_name',
        sql<string>`count(*) over ()`.as('total'),
      ])
      .where('r.status', '=', 'received')
      .where(within_(sql.ref('r.locality_path'), within))
      .orderBy('r.created_at')
      .orderBy('r.id')
      .limit(limit)
      .execute();
  }

  /** Counts per day in [from, to] of an area: entries published (venue-known or not), fetches, self-reports. */
  async dailyCounts(db: Db, province: string | null, within: string, from: string, to: string) {
    const entries = await db
      .selectFrom('exposure_entries')
      .select(['published_on as day', sql<string>`count(*)`.as('n')])
      .$if(province !== null, (q) => q.where('province_code', '=', province!))
      .where('published_on', '>=', from)
      .where('published_on', '<=', to)
      .where('status', '<>', 'withdrawn')
      .groupBy('published_on')
      .execute();
    const fetches = await db
      .selectFrom('exposure_feed_fetches')
      .select(['day', sql<string>`sum(fetches)`.as('n')])
      .$if(province !== null, (q) => q.where('province_code', '=', province!))
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy('day')
      .execute();
    const reports = await db
      .selectFrom('self_reports')
      .select([
        sql<string>`(created_at at time zone 'Asia/Ho_Chi_Minh')::date::text`.as('day'),
        sql<string>`count(*)`.as('received'),
        sql<string>`count(*) filter (where status = 'handled')`.as('handled'),
      ])
      .where(within_(sql.ref('locality_path'), within))
      .where(sql<boolean>`(created_at at time zone 'Asia/Ho_Chi_Minh')::date between ${from}::date and ${to}::date`)
      .groupBy(sql`1`)
      .execute();
    return { entries, fetches, reports };
  }

  /** Entries per venue and day of an area (venue known: published from a case). */
  perVenue(db: Db, within: string, from: string, to: string, limit: number) {
    return db
      .selectFrom('exposure_entries as e')
      .innerJoin('venues as v', 'v.id', 'e.venue_id')
      .select(['e.published_on as day', 'v.name', sql<string>`count(*)`.as('n')])
      .where(within_(sql.ref('v.locality_path'), within))
      .where('e.published_on', '>=', from)
      .where('e.published_on', '<=', to)
      .where('e.status', '<>', 'withdrawn')
      .groupBy(['e.published_on', 'v.id', 'v.name'])
      .orderBy('e.published_on', 'desc')
      .orderBy('v.name')
      .limit(limit)
      .execute();
  }

  /**
   * Self-reports whose phone-published entries still wait for an official, oldest first (the open
   * reports' index serves the area and the order), with what those entries cover.
   */
  listPending(db: Db, o: { within: string; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = db
      .selectFrom('self_reports as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .select([
        'r.id',
        'r.kind',
        'r.test_date',
        'r.commune_code',
        'r.created_at',
        'r.photo_type',
        'r.person_id',
        'p.full_name',
        microsecondKey('r.created_at').as('created_key'),
        sql<string>`(select count(*) from exposure_entries e where e.self_report_id = r.id and e.status = 'pending')`.as(
          'pending',
        ),
        sql<Date | null>`(select min(e.from_at) from exposure_entries e where e.self_report_id = r.id and e.status = 'pending')`.as(
          'first_from',
        ),
        sql<Date | null>`(select max(e.to_at) from exposure_entries e where e.self_report_id = r.id and e.status = 'pending')`.as(
          'last_to',
        ),
      ])
      .where('r.status', '=', 'received')
      .where('r.published_entries', '>', 0)
      .where(within_(sql.ref('r.locality_path'), o.within));
    if (cursor) q = q.where(sql<boolean>`(r.created_at, r.id) > (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
    return q
      .orderBy('r.created_at')
      .orderBy('r.id')
      .limit(o.limit + 1)
      .execute();
  }

  /** A person's own self-reports, newest first (the latest `limit`): never the photo's bytes. */
  selfReportsOf(db: Db, personId: string, limit: number) {
    return db
      .selectFrom('self_reports')
      .select([
        'id',
        'kind',
        'symptoms',
        'test_date',
        'published_entries',
        'exposure_decision',
        'status',
        'created_at',
        sql<boolean>`photo is not null`.as('has_photo'),
      ])
      .where('person_id', '=', personId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }

  /** What a case has published for its venues (to tell which stays are in the feed already). */
  caseEntries(db: Db, caseId: string) {
    return db
      .selectFrom('exposure_entries')
      .select(['venue_id', 'from_at', 'to_at'])
      .where('case_id', '=', caseId)
      .where('status', '<>', 'withdrawn')
      .execute();
  }
}

/** The path is the area's or below it (never a sibling whose code starts alike). */
const within_ = (col: ReturnType<typeof sql.ref>, path: string) =>
  sql<boolean>`(${col} = ${path} or ${col} like ${path + '/%'})`;
