import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Registry look-ups and merges: duplicate detection and the move of a merged person's records. */
export class PeopleRegistryRepository {
  /**
   * Likely duplicates of a person: same document, same phone, or same folded name and birth
   * year in the same commune. Merged and erased records are history, never candidates.
   */
  async duplicatesOf(db: Db, personId: string) {
    const r = await sql<{
      id: string;
      full_name: string;
      birth_year: number;
      phone: string | null;
      id_number: string | null;
      commune_code: string | null;
      commune_name: string | null;
      same_document: boolean;
      same_phone: boolean;
      same_name: boolean;
    }>`
      select p.id, p.full_name, p.birth_year, p.phone, p.id_number, p.commune_code, l.name as commune_name,
        (p.id_number = me.id_number) as same_document,
        (p.phone is not null and p.phone = me.phone) as same_phone,
        (p.name_key = me.name_key and p.birth_year = me.birth_year and p.commune_code is not distinct from me.commune_code) as same_name
      from people me
      join people p on p.id <> me.id and p.erased_at is null and p.merged_into is null
        and (p.id_number = me.id_number or (p.phone is not null and p.phone = me.phone)
          or (p.name_key = me.name_key and p.birth_year = me.birth_year and p.commune_code is not distinct from me.commune_code))
      left join localities l on l.code = p.commune_code
      where me.id = ${personId}
      order by p.created_at, p.id
      limit 50`.execute(db);
    return r.rows;
  }

  /**
   * Moves everything recorded about `mergedId` to `keptId` and marks the merged row. A case of
   * each would be two cases of one person: the caller refuses that before coming here. The merged
   * record's QR tokens and citizen sessions are revoked, or, with `keepTokens` (a citizen's own
   * record linked to officials' record of them), move with it so their phone keeps working.
   */
  async moveRecords(db: Db, keptId: string, mergedId: string, o: { keepTokens?: boolean } = {}): Promise<void> {
    const tables = [
      'health_declarations',
      'arrivals',
      'checkins',
      'consents',
      'follow_up_tasks',
      'quarantine_admissions',
      'test_orders',
      'samples',
      'case_proposals',
    ] as const;
    for (const table of tables) {
      await db.updateTable(table).set({ person_id: keptId }).where('person_id', '=', mergedId).execute();
    }
    await db.updateTable('cases').set({ person_id: keptId }).where('person_id', '=', mergedId).execute();
    // Contacts: where both were proposed in one tree, the kept row stays and the merged one goes.
    await sql`delete from contacts m using contacts k
      where m.person_id = ${mergedId} and k.person_id = ${keptId} and k.case_id = m.case_id`.execute(db);
    await db.updateTable('contacts').set({ person_id: keptId }).where('person_id', '=', mergedId).execute();
    if (o.keepTokens) {
      await db
        .updateTable('personal_qr_tokens')
        .set({ person_id: keptId })
        .where('person_id', '=', mergedId)
        .where('revoked_at', 'is', null)
        .execute();
      await db
        .updateTable('citizen_sessions')
        .set({ person_id: keptId })
        .where('person_id', '=', mergedId)
        .where('revoked_at', 'is', null)
        .execute();
    } else {
      await db
        .updateTable('personal_qr_tokens')
        .set({ revoked_at: new Date(), revoked_reason: 'merged' })
        .where('person_id', '=', mergedId)
        .where('revoked_at', 'is', null)
        .execute();
      await db
        .updateTable('citizen_sessions')
        .set({ revoked_at: new Date() })
        .where('person_id', '=', mergedId)
        .where('revoked_at', 'is', null)
        .execute();
    }
    // A citizen waiting to be linked to the merged record is now waiting for the kept one.
    await sql`update person_link_requests r set official_person_id = ${keptId}, official_locality_path = k.locality_path
      from people k where k.id = ${keptId} and r.official_person_id = ${mergedId} and r.status = 'open'`.execute(db);
    await db
      .updateTable('people')
      .set({
        merged_into: keptId,
        id_number: sql<string>`'merged:' || id::text`,
        phone: null,
        household_key: null,
        updated_at: new Date(),
      })
      .where('id', '=', mergedId)
      .execute();
  }

  async recordMerge(
    db: Db,
    m: { keptId: string; mergedId: string; snapshot: unknown; actorId: string | null },
  ): Promise<void> {
    await db
      .insertInto('person_merges')
      .values({ kept_id: m.keptId, merged_id: m.mergedId, snapshot: JSON.stringify(m.snapshot), actor_id: m.actorId })
      .execute();
  }

  async placeUnderMonitoring(db: Db, personId: string, until: string): Promise<void> {
    await sql`
      update people set under_monitoring = true, updated_at = now(),
        monitoring_hold_until = greatest(monitoring_hold_until, ${until}::date)
      where id = ${personId}`.execute(db);
  }

  async setStatus(
    db: Db,
    personId: string,
    s: { fLevel: number | null; underQuarantine: boolean; underMonitoring: boolean },
  ): Promise<void> {
    await db
      .updateTable('people')
      .set({
        f_level: s.fLevel,
        under_quarantine: s.underQuarantine,
        under_monitoring: s.underMonitoring,
        updated_at: new Date(),
      })
      .where('id', '=', personId)
      .execute();
  }

  /** What two records may not both have before they become one person. */
  async conflictsBetween(db: Db, a: string, b: string): Promise<{ bothCases: boolean; bothInQuarantine: boolean }> {
    const r = await sql<{ cases: string; stays: string }>`select
      (select count(distinct person_id) from cases where person_id in (${a}, ${b})) as cases,
      (select count(distinct person_id) from quarantine_admissions where status = 'active' and person_id in (${a}, ${b})) as stays`.execute(
      db,
    );
    return { bothCases: Number(r.rows[0]!.cases) === 2, bothInQuarantine: Number(r.rows[0]!.stays) === 2 };
  }
}
