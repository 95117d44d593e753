import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PeopleTable } from '../../db/schema.ts';
import { householdKey, nameKey } from '../../../core/rules/person-keys.ts';

export type PersonFields = Pick<PeopleTable, 'id_type' | 'id_number' | 'full_name' | 'birth_year' | 'gender' | 'phone' | 'email' | 'commune_code' | 'locality_path' | 'address_line'> & { nationality: string };

/** What duplicate detection and the household rule search on, kept beside the fields they come from. */
function derivedKeys(f: Pick<PersonFields, 'full_name' | 'commune_code' | 'address_line'>) {
  return { name_key: nameKey(f.full_name), household_key: householdKey(f.commune_code, f.address_line) };
}

/** The people registry (shared by declarations, check-ins, cases and quarantine). */
export class PeopleRepository {
  findByDocument(db: Db, idType: string, idNumber: string) {
    return db.selectFrom('people').selectAll().where('id_type', '=', idType as PeopleTable['id_type'])
      .where('id_number', '=', idNumber).where('erased_at', 'is', null).executeTakeFirst();
  }

  /** A live record: erased and merged-away people are history. */
  findById(db: Db, id: string) {
    return db.selectFrom('people').selectAll().where('id', '=', id).where('erased_at', 'is', null).where('merged_into', 'is', null).executeTakeFirst();
  }

  async insert(db: Db, p: PersonFields & { phoneVerified: boolean }): Promise<string> {
    const { phoneVerified, ...fields } = p;
    const r = await db.insertInto('people').values({ ...fields, ...derivedKeys(fields), phone_verified_at: phoneVerified ? new Date() : null })
      .returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async update(db: Db, id: string, p: Partial<PersonFields> & { phoneVerified?: boolean }): Promise<void> {
    const { phoneVerified, ...fields } = p;
    const keys = fields.full_name !== undefined && fields.commune_code !== undefined && fields.address_line !== undefined
      ? derivedKeys({ full_name: fields.full_name, commune_code: fields.commune_code, address_line: fields.address_line })
      : {};
    await db.updateTable('people')
      .set({ ...fields, ...keys, ...(phoneVerified ? { phone_verified_at: new Date() } : {}), updated_at: new Date() })
      .where('id', '=', id).execute();
  }

  async insertConsent(db: Db, c: { personId: string; purpose: string; noticeVersion: string; ip: string | null }): Promise<void> {
    await db.insertInto('consents').values({ person_id: c.personId, purpose: c.purpose, notice_version: c.noticeVersion, ip: c.ip }).execute();
  }

  currentTokenId(db: Db, personId: string) {
    return db.selectFrom('personal_qr_tokens').select('id').where('person_id', '=', personId)
      .where('revoked_at', 'is', null).orderBy('issued_at', 'desc').executeTakeFirst();
  }

  async insertToken(db: Db, id: string, personId: string): Promise<void> {
    await db.insertInto('personal_qr_tokens').values({ id, person_id: personId }).execute();
  }

  /**
   * Everything the QR colour depends on, in one round trip: the person behind a live token and
   * their latest declaration. The gate's hot path.
   */
  statusByTokenId(db: Db, tokenId: string) {
    return db.selectFrom('personal_qr_tokens as t')
      .innerJoin('people as p', 'p.id', 't.person_id')
      .leftJoinLateral(
        (eb) => eb.selectFrom('health_declarations as d').select(['d.valid_until', 'd.has_symptoms', 'd.has_exposure'])
          .whereRef('d.person_id', '=', 'p.id').orderBy('d.submitted_at', 'desc').limit(1).as('d'),
        (join) => join.onTrue(),
      )
      .select(['p.id', 'p.full_name', 'p.birth_year', 'p.f_level', 'p.under_quarantine', 'p.under_monitoring', 'p.phone', 'p.commune_code',
        'd.valid_until', 'd.has_symptoms', 'd.has_exposure'])
      .where('t.id', '=', tokenId).where('t.revoked_at', 'is', null).where('p.erased_at', 'is', null)
      .executeTakeFirst();
  }

  /** Erases a person's identity and health data; the row stays so counts remain consistent. */
  async erase(db: Db, personId: string): Promise<void> {
    await db.deleteFrom('checkins').where('person_id', '=', personId).execute();
    await db.deleteFrom('arrivals').where('person_id', '=', personId).execute();
    await db.deleteFrom('health_declarations').where('person_id', '=', personId).execute();
    await db.updateTable('personal_qr_tokens').set({ revoked_at: new Date() }).where('person_id', '=', personId).execute();
    await db.updateTable('people').set({
      full_name: '', id_number: sql<string>`'erased:' || id::text`, phone: null, email: null, address_line: null,
      name_key: null, household_key: null,
      phone_verified_at: null, erased_at: new Date(), updated_at: new Date(),
    }).where('id', '=', personId).execute();
  }
}

/** Registry look-ups and merges: duplicate detection and the move of a merged person's records. */
export class PeopleRegistryRepository {
  /**
   * Likely duplicates of a person: same document, same phone, or same folded name and birth
   * year in the same commune. Merged and erased records are history, never candidates.
   */
  async duplicatesOf(db: Db, personId: string) {
    const r = await sql<{ id: string; full_name: string; birth_year: number; phone: string | null; id_number: string; commune_name: string | null;
      same_document: boolean; same_phone: boolean; same_name: boolean }>`
      select p.id, p.full_name, p.birth_year, p.phone, p.id_number, l.name as commune_name,
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
   * each would be two cases of one person: the caller refuses that before coming here.
   */
  async moveRecords(db: Db, keptId: string, mergedId: string): Promise<void> {
    for (const table of ['health_declarations', 'arrivals', 'checkins', 'consents', 'follow_up_tasks'] as const) {
      await db.updateTable(table).set({ person_id: keptId }).where('person_id', '=', mergedId).execute();
    }
    await db.updateTable('cases').set({ person_id: keptId }).where('person_id', '=', mergedId).execute();
    // Contacts: where both were proposed in one tree, the kept row stays and the merged one goes.
    await sql`delete from contacts m using contacts k
      where m.person_id = ${mergedId} and k.person_id = ${keptId} and k.case_id = m.case_id`.execute(db);
    await db.updateTable('contacts').set({ person_id: keptId }).where('person_id', '=', mergedId).execute();
    await db.updateTable('personal_qr_tokens').set({ revoked_at: new Date() }).where('person_id', '=', mergedId).where('revoked_at', 'is', null).execute();
    await db.updateTable('people').set({
      merged_into: keptId, id_number: sql<string>`'merged:' || id::text`, phone: null, household_key: null, updated_at: new Date(),
    }).where('id', '=', mergedId).execute();
  }

  async recordMerge(db: Db, m: { keptId: string; mergedId: string; snapshot: unknown; actorId: string | null }): Promise<void> {
    await db.insertInto('person_merges').values({ kept_id: m.keptId, merged_id: m.mergedId, snapshot: JSON.stringify(m.snapshot), actor_id: m.actorId }).execute();
  }

  async setStatus(db: Db, personId: string, s: { fLevel: number | null; underQuarantine: boolean; underMonitoring: boolean }): Promise<void> {
    await db.updateTable('people').set({ f_level: s.fLevel, under_quarantine: s.underQuarantine, under_monitoring: s.underMonitoring, updated_at: new Date() })
      .where('id', '=', personId).execute();
  }

  async hasCase(db: Db, personId: string): Promise<boolean> {
    return (await db.selectFrom('cases').select('id').where('person_id', '=', personId).executeTakeFirst()) !== undefined;
  }
}
