import { sql } from 'kysely';
import { MAX_STAY_MINUTES } from '../../../core/rules/exposure.ts';
import type { Db } from '../../db/database.ts';
import { microsecondKey } from '../../db/cursor-keys.ts';
import { scopeWithinSql } from '../../db/path-scope.ts';
import type { ContactStatus } from '../../db/schema.ts';
import { decodeCursor } from '../../shared/cursor.ts';
import type { CandidateRow, ContactRules, ProposalInput, ProposedContact, TracingSource } from './tracing.types.ts';

export type { CandidateRow, ContactRules, ProposalInput, ProposedContact, TracingSource };

/**
 * Tracing SQL. `source_stays` is materialised on purpose: inlined, the planner keeps the time bounds
 * of the overlap join in a filter (they mix two relations) and reads every check-in of a market
 * over all 21 days for each stay; materialised, they become index conditions on (venue_id,
 * checked_in_at) and run-time pruning skips the other days (bench/README.md, `tracing`). A stay is [check-in, check-out) or, without a usable check-out, [check-in,
 * check-in + assumed stay); stays are cut at MAX_STAY_MINUTES (see the rule), which also bounds
 * how far back the index range on (venue, checked_in_at) must reach. Overlaps follow
 * core/rules/exposure.ts exactly: the source's stay is clipped to its infectious window first,
 * and a pair counts from `minOverlapMinutes` up.
 */
export class TracingRepository {
  async candidates(db: Db, sources: readonly TracingSource[], rules: ContactRules): Promise<CandidateRow[]> {
    if (sources.length === 0) return [];
    const persons = sources.map((s) => s.personId);
    const froms = sources.map((s) => s.from.toISOString());
    const tos = sources.map((s) => s.to.toISOString());
    const assumed = rules.assumedStayMinutes;
    // Constant outer bounds let the planner drop whole day partitions before it runs; the
    // per-source bounds above them are what is exact.
    const earliest = new Date(
      Math.min(...sources.map((s) => s.from.getTime())) - MAX_STAY_MINUTES * 60_000,
    ).toISOString();
    const latest = new Date(Math.max(...sources.map((s) => s.to.getTime()))).toISOString();
    const maxStay = MAX_STAY_MINUTES;
    const stayEnd = (alias: string) =>
      sql.raw(`least(case when ${alias}.checked_out_at > ${alias}.checked_in_at then ${alias}.checked_out_at
        else ${alias}.checked_in_at + make_interval(mins => ${assumed}) end, ${alias}.checked_in_at + make_interval(mins => ${maxStay}))`);
    const r = await sql<CandidateRow>`
      with src as (
        select (s.idx - 1)::int as idx, s.person_id, s.w_from, s.w_to
        from unnest(${persons}::uuid[], ${froms}::timestamptz[], ${tos}::timestamptz[]) with ordinality as s(person_id, w_from, w_to, idx)
      ),
      source_stays as materialized (
        select src.idx, src.person_id as source_person, c.venue_id,
          greatest(c.checked_in_at, src.w_from) as s_from, least(${stayEnd('c')}, src.w_to) as s_to
        from src join checkins c on c.person_id = src.person_id
          and c.checked_in_at >= src.w_from - make_interval(mins => ${maxStay}) and c.checked_in_at < src.w_to
          and c.checked_in_at >= ${earliest}::timestamptz and c.checked_in_at < ${latest}::timestamptz
      ),
      pairs as (
        select ss.idx, o.person_id, ss.venue_id,
          greatest(ss.s_from, o.checked_in_at) as ov_from, least(ss.s_to, ${stayEnd('o')}) as ov_to
        from source_stays ss
        join checkins o on o.venue_id = ss.venue_id
          and o.checked_in_at < ss.s_to and o.checked_in_at >= ss.s_from - make_interval(mins => ${maxStay})
          and o.checked_in_at >= ${earliest}::timestamptz and o.checked_in_at < ${latest}::timestamptz
        where ss.s_to > ss.s_from and o.person_id <> ss.source_person
      ),
      contacts_at_venues as (
        select idx, person_id, venue_id, ov_from, ov_to, extract(epoch from (ov_to - ov_from)) / 60.0 as minutes
        from pairs where extract(epoch from (ov_to - ov_from)) / 60.0 >= ${rules.minOverlapMinutes}
      ),
      per_venue as (
        select idx, person_id, venue_id, sum(minutes) as minutes, min(ov_from) as v_from, max(ov_to) as v_to
        from contacts_at_venues group by idx, person_id, venue_id
      ),
      venue_hits as (
        select pv.idx, pv.person_id, sum(pv.minutes)::float8 as total_minutes, count(*)::int as distinct_venues,
          min(pv.v_from) as first_at, max(pv.v_to) as last_at,
          jsonb_agg(jsonb_build_object('venueId', pv.venue_id, 'venueName', v.name, 'minutes', round(pv.minutes::numeric, 1),
            'from', pv.v_from, 'to', pv.v_to) order by pv.minutes desc) as venues
        from per_venue pv join venues v on v.id = pv.venue_id
        group by pv.idx, pv.person_id
      ),
      household as (
        select src.idx, p.id as person_id
        from src join people me on me.id = src.person_id
        join people p on p.household_key = me.household_key and p.id <> me.id
        where ${rules.sameHousehold} and me.household_key is not null and p.erased_at is null and p.merged_into is null
      )
      select coalesce(vh.idx, h.idx) as source, coalesce(vh.person_id, h.person_id) as person_id,
        h.person_id is not null as household, coalesce(vh.total_minutes, 0) as total_minutes,
        coalesce(vh.distinct_venues, 0) as distinct_venues, vh.first_at, vh.last_at, coalesce(vh.venues, '[]'::jsonb) as venues,
        p.locality_path
      from venue_hits vh
      full join household h on h.idx = vh.idx and h.person_id = vh.person_id
      join people p on p.id = coalesce(vh.person_id, h.person_id)
      where p.erased_at is null and p.merged_into is null`.execute(db);
    return r.rows.map((row) => ({ ...row, total_minutes: Number(row.total_minutes) }));
  }

  /**
   * Writes proposals for one case. A person already in the case's tree keeps the lowest level; a
   * decided contact (confirmed or rejected) is never reopened by a re-run, only its evidence grows.
   */
  async upsertProposals(
    db: Db,
    caseId: string,
    rows: readonly ProposalInput[],
  ): Promise<{ inserted: number; updated: number; proposed: ProposedContact[] }> {
    if (rows.length === 0) return { inserted: 0, updated: 0, proposed: [] };
    let inserted = 0;
    let updated = 0;
    const proposed: ProposedContact[] = [];
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const r = await sql<{
        inserted: boolean;
        id: string;
        person_id: string;
        level: number;
        household: boolean;
        minutes: number;
        status: string;
      }>`
        insert into contacts as k (case_id, person_id, level, via_contact_id, household, declared, total_overlap_minutes,
          distinct_venues, first_exposure_at, last_exposure_at, evidence, locality_path)
        select ${caseId}::uuid, x.person_id, x.level, x.via, x.household, x.declared, x.minutes, x.venues_n, x.first_at, x.last_at,
          x.evidence, x.path
        from jsonb_to_recordset(${JSON.stringify(chunk.map(toRecord))}::jsonb) as x(person_id uuid, level int, via uuid,
          household boolean, declared boolean, minutes float8, venues_n int, first_at timestamptz, last_at timestamptz,
          evidence jsonb, path text)
        on conflict (case_id, person_id) do update set
          level = least(k.level, excluded.level),
          via_contact_id = case when excluded.level < k.level then excluded.via_contact_id else k.via_contact_id end,
          household = k.household or excluded.household,
          declared = k.declared or excluded.declared,
          total_overlap_minutes = greatest(k.total_overlap_minutes, excluded.total_overlap_minutes),
          distinct_venues = greatest(k.distinct_venues, excluded.distinct_venues),
          first_exposure_at = least(k.first_exposure_at, excluded.first_exposure_at),
          last_exposure_at = greatest(k.last_exposure_at, excluded.last_exposure_at),
          evidence = case when excluded.total_overlap_minutes >= k.total_overlap_minutes then k.evidence || excluded.evidence else k.evidence end,
          updated_at = now()
        returning (xmax = 0) as inserted, k.id, k.person_id, k.level, k.household, k.total_overlap_minutes as minutes, k.status`.execute(
        db,
      );
      for (const row of r.rows) {
        if (row.inserted) inserted++;
        else updated++;
        if (row.status === 'proposed')
          proposed.push({
            contactId: row.id,
            personId: row.person_id,
            level: row.level,
            household: row.household,
            minutes: Number(row.minutes),
          });
      }
    }
    return { inserted, updated, proposed };
  }

  findContact(db: Db, id: string) {
    return this.contactRows(db).where('k.id', '=', id).executeTakeFirst();
  }

  /** Confirmed contacts of a case at one level: the sources of the next level. */
  confirmedAtLevel(db: Db, caseId: string, level: number) {
    return db
      .selectFrom('contacts')
      .select(['id', 'person_id', 'first_exposure_at', 'isolated_at', 'decided_at', 'level'])
      .where('case_id', '=', caseId)
      .where('level', '=', level)
      .where('status', '=', 'confirmed')
      .execute();
  }

  async decide(
    db: Db,
    id: string,
    d: { status: ContactStatus; decidedBy: string | null; note: string | null; isolatedAt: Date | null },
  ): Promise<boolean> {
    const r = await db
      .updateTable('contacts')
      .set({
        status: d.status,
        decided_by: d.decidedBy,
        decided_at: new Date(),
        decision_note: d.note,
        isolated_at: d.isolatedAt,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('status', '=', 'proposed')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private contactRows(db: Db) {
    return db
      .selectFrom('contacts as k')
      .innerJoin('cases as c', 'c.id', 'k.case_id')
      .innerJoin('people as p', 'p.id', 'k.person_id')
      .leftJoin('localities as l', 'l.code', 'p.commune_code')
      .leftJoin('contacts as via', 'via.id', 'k.via_contact_id')
      .leftJoin('people as vp', 'vp.id', 'via.person_id')
      .leftJoin('cases as became', 'became.person_id', 'k.person_id')
      .selectAll('k')
      .select([
        'c.case_number',
        'c.locality_path as case_path',
        'c.locality_code as case_locality',
        'p.full_name',
        'p.birth_year',
        'p.phone',
        'p.commune_code',
        'l.name as commune_name',
        'vp.full_name as via_name',
        'became.id as became_case_id',
      ]);
  }

  /**
   * A case's contacts: proposals in the order a tracer should call them (household first, then
   * time together, then venues shared), decided ones after. Keyset on that order.
   */
  async listForCase(
    db: Db,
    caseId: string,
    o: { status?: ContactStatus; level?: number; after?: string; limit: number },
  ) {
    const cursor = decodeCursor(o.after, ['number', 'number', 'number', 'number', 'uuid']);
    let q = this.contactRows(db).where('k.case_id', '=', caseId);
    if (o.status) q = q.where('k.status', '=', o.status);
    if (o.level) q = q.where('k.level', '=', o.level);
    const key = sql`(k.status <> 'proposed', k.level, not k.household, -k.total_overlap_minutes, k.id)`;
    if (cursor) {
      const [decided, level, notHousehold, minusMinutes, id] = cursor;
      q = q.where(
        sql<boolean>`${key} > (${decided === 1}, ${Number(level)}::int, ${notHousehold === 1}, ${Number(minusMinutes)}::float8, ${String(id)}::uuid)`,
      );
    }
    return q
      .orderBy(sql`k.status <> 'proposed'`)
      .orderBy('k.level')
      .orderBy(sql`not k.household`)
      .orderBy('k.total_overlap_minutes', 'desc')
      .orderBy('k.id')
      .limit(o.limit + 1)
      .execute();
  }

  /** Contacts living in a locality subtree (the commune's follow-up list), newest first. */
  async listWithin(
    db: Db,
    within: string,
    o: { status?: ContactStatus; awaitingQuarantine?: boolean; after?: string; limit: number },
  ) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = this.contactRows(db)
      .select(microsecondKey('k.created_at').as('created_key'))
      .where(
        scopeWithinSql({ path: 'k.locality_path', province: 'k.scope_province', commune: 'k.scope_code' }, within),
      );
    if (o.status) q = q.where('k.status', '=', o.status);
    // Someone with an open stay is admitted already (admission sets the flag, release clears it).
    if (o.awaitingQuarantine) q = q.where('p.under_quarantine', '=', false);
    if (cursor) q = q.where(sql<boolean>`(k.created_at, k.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
    return q
      .orderBy('k.created_at', 'desc')
      .orderBy('k.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  async countsByStatus(db: Db, caseId: string) {
    const rows = await db
      .selectFrom('contacts')
      .select(['status', sql<string>`count(*)`.as('n')])
      .where('case_id', '=', caseId)
      .groupBy('status')
      .execute();
    const counts = { proposed: 0, confirmed: 0, rejected: 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }

  /**
   * The lowest F-level a person holds: 0 while they are a case not yet recovered or dead (awaiting
   * treatment, treated, or transferred out of the province), else their closest
   * confirmed contact level. A recovered case who is a contact again is that contact level.
   */
  async lowestLevelOf(db: Db, personId: string): Promise<number | null> {
    const r = await sql<{ level: number | null }>`
      select least(
        (select 0 from cases where person_id = ${personId} and status in ('awaiting_treatment', 'treating', 'transferred_out') limit 1),
        (select min(level) from contacts where person_id = ${personId} and status = 'confirmed')) as level`.execute(db);
    return r.rows[0]?.level ?? null;
  }

  async setPersonLevel(db: Db, personId: string, level: number | null): Promise<void> {
    await db.updateTable('people').set({ f_level: level, updated_at: new Date() }).where('id', '=', personId).execute();
  }

  async insertFollowUps(
    db: Db,
    tasks: readonly {
      personId: string;
      contactId: string;
      kind: 'quarantine' | 'test';
      dueOn: string;
      details: unknown;
      localityPath: string;
    }[],
  ) {
    if (tasks.length === 0) return;
    await db
      .insertInto('follow_up_tasks')
      .values(
        tasks.map((t) => ({
          person_id: t.personId,
          contact_id: t.contactId,
          kind: t.kind,
          due_on: t.dueOn,
          details: JSON.stringify(t.details),
          locality_path: t.localityPath,
        })),
      )
      .onConflict((oc) => oc.columns(['contact_id', 'kind', 'due_on']).doNothing())
      .execute();
  }

  /** A person's open (proposed or confirmed) rows in every case tree, with the case of the contact they came through. */
  openContactsOf(db: Db, personId: string) {
    return db
      .selectFrom('contacts as k')
      .leftJoin('contacts as via', 'via.id', 'k.via_contact_id')
      .leftJoin('cases as via_case', 'via_case.person_id', 'via.person_id')
      .select(['k.id', 'k.case_id', 'k.level', 'k.status', 'via_case.id as via_case_id'])
      .where('k.person_id', '=', personId)
      .where('k.status', '<>', 'rejected')
      .execute();
  }

  findContactOf(db: Db, caseId: string, personId: string) {
    return this.contactRows(db).where('k.case_id', '=', caseId).where('k.person_id', '=', personId).executeTakeFirst();
  }

  /**
   * Venue evidence of undecided and rejected contacts whose exposure ended before `before`: it is
   * a copy of check-in history and goes when the check-ins do. A contact known only from venues is
   * deleted; a household or interview contact keeps that link, without the venues and times.
   * Confirmed contacts keep their evidence: it is part of the case file their measures cite.
   */
  async purgeVenueEvidenceBefore(db: Db, before: Date): Promise<{ deleted: number; stripped: number }> {
    const stale = sql<boolean>`k.status in ('proposed', 'rejected') and k.distinct_venues > 0 and coalesce(k.last_exposure_at, k.created_at) < ${before}`;
    const deleted = await sql`
      delete from contacts k where ${stale} and not k.household and not k.declared
        and not exists (select 1 from quarantine_admissions a where a.contact_id = k.id)`.execute(db);
    const stripped = await sql`
      update contacts k set evidence = k.evidence - 'venues', distinct_venues = 0, total_overlap_minutes = 0,
        first_exposure_at = case when k.declared then k.first_exposure_at end, last_exposure_at = case when k.declared then k.last_exposure_at end,
        updated_at = now()
      where ${stale}`.execute(db);
    return { deleted: Number(deleted.numAffectedRows ?? 0), stripped: Number(stripped.numAffectedRows ?? 0) };
  }
}

const toRecord = (p: ProposalInput) => ({
  person_id: p.personId,
  level: p.level,
  via: p.viaContactId,
  household: p.household,
  declared: p.declared,
  minutes: p.totalMinutes,
  venues_n: p.distinctVenues,
  first_at: p.firstAt?.toISOString() ?? null,
  last_at: p.lastAt?.toISOString() ?? null,
  evidence: p.evidence,
  path: p.localityPath,
});

export type ContactRecord = NonNullable<Awaited<ReturnType<TracingRepository['findContact']>>>;
