import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PeopleTable } from '../../db/schema.ts';

export type PersonFields = Pick<PeopleTable, 'id_type' | 'id_number' | 'full_name' | 'birth_year' | 'gender' | 'phone' | 'email' | 'commune_code' | 'locality_path' | 'address_line'> & { nationality: string };

/** The people registry (shared by declarations, check-ins, cases and quarantine). */
export class PeopleRepository {
  findByDocument(db: Db, idType: string, idNumber: string) {
    return db.selectFrom('people').selectAll().where('id_type', '=', idType as PeopleTable['id_type'])
      .where('id_number', '=', idNumber).where('erased_at', 'is', null).executeTakeFirst();
  }

  findById(db: Db, id: string) {
    return db.selectFrom('people').selectAll().where('id', '=', id).where('erased_at', 'is', null).executeTakeFirst();
  }

  async insert(db: Db, p: PersonFields & { phoneVerified: boolean }): Promise<string> {
    const { phoneVerified, ...fields } = p;
    const r = await db.insertInto('people').values({ ...fields, phone_verified_at: phoneVerified ? new Date() : null })
      .returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async update(db: Db, id: string, p: Partial<PersonFields> & { phoneVerified?: boolean }): Promise<void> {
    const { phoneVerified, ...fields } = p;
    await db.updateTable('people')
      .set({ ...fields, ...(phoneVerified ? { phone_verified_at: new Date() } : {}), updated_at: new Date() })
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
      phone_verified_at: null, erased_at: new Date(), updated_at: new Date(),
    }).where('id', '=', personId).execute();
  }
}
