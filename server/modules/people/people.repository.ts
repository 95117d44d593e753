import { sql } from 'kysely';
import { latestDeclaration, qrStatusColumns } from './qr-status.repository.ts';
import type { Db } from '../../db/database.ts';
import type { PeopleTable } from '../../db/schema.ts';
import type { IdentityStatus, RecordedBy, TokenRevokedReason } from '../../db/schema-citizen.ts';
import type { IdType } from '../../../core/rules/identity-documents.ts';
import { householdKey, nameKey } from '../../../core/rules/person-keys.ts';

/** A person with a document: declarations, cases and registrations always have one. */
export type PersonFields = Pick<
  PeopleTable,
  'full_name' | 'birth_year' | 'gender' | 'phone' | 'email' | 'commune_code' | 'locality_path' | 'address_line'
> & { id_type: IdType; id_number: string; nationality: string };

/** What duplicate detection and the household rule search on, kept beside the fields they come from. */
function derivedKeys(f: Pick<PersonFields, 'full_name' | 'commune_code' | 'address_line'>) {
  return { name_key: nameKey(f.full_name), household_key: householdKey(f.commune_code, f.address_line) };
}

/** The people registry (shared by declarations, check-ins, cases and quarantine). */
export class PeopleRepository {
  /**
   * The registered person of a document (officials' record or a citizen's own), never a record a
   * citizen declared that awaits verification. `forUpdate` serialises two declarations of it.
   */
  findByDocument(db: Db, idType: string, idNumber: string, o: { forUpdate?: boolean } = {}) {
    const q = db
      .selectFrom('people')
      .selectAll()
      .where('id_type', '=', idType as PeopleTable['id_type'])
      .where('id_number', '=', idNumber)
      .where('identity_status', '=', 'registered')
      .where('erased_at', 'is', null);
    return (o.forUpdate ? q.forUpdate() : q).executeTakeFirst();
  }

  /** The live record a person's id now stands for: itself, or the record it was merged into; null when erased. */
  async liveIdOf(db: Db, personId: string): Promise<string | null> {
    const r = await db
      .selectFrom('people')
      .select((eb) => eb.fn.coalesce('merged_into', 'id').as('id'))
      .where('id', '=', personId)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    return r?.id ?? null;
  }

  /** The record a citizen declared from `phone` with a document already on file (awaiting or not verified). */
  findSelfDeclared(db: Db, idType: string, idNumber: string, phone: string) {
    return db
      .selectFrom('people')
      .selectAll()
      .where('id_type', '=', idType as PeopleTable['id_type'])
      .where('id_number', '=', idNumber)
      .where('phone', '=', phone)
      .where('identity_status', '<>', 'registered')
      .where('erased_at', 'is', null)
      .where('merged_into', 'is', null)
      .executeTakeFirst();
  }

  /** A live record: erased and merged-away people are history. */
  findById(db: Db, id: string) {
    return db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', id)
      .where('erased_at', 'is', null)
      .where('merged_into', 'is', null)
      .executeTakeFirst();
  }

  async insert(
    db: Db,
    p: PersonFields & { phoneVerified: boolean; recordedBy?: RecordedBy; identityStatus?: IdentityStatus },
  ): Promise<string> {
    const { phoneVerified, recordedBy, identityStatus, ...fields } = p;
    const r = await db
      .insertInto('people')
      .values({
        ...fields,
        ...derivedKeys(fields),
        phone_verified_at: phoneVerified ? new Date() : null,
        recorded_by: recordedBy ?? (phoneVerified ? 'citizen' : 'official'),
        identity_status: identityStatus ?? 'registered',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  /**
   * Someone without papers (an illegal entrant at the border): no document, an age estimated on
   * sight. Unnamed, they get no name key, so two unnamed strangers are never proposed as one person.
   */
  async insertUndocumented(
    db: Db,
    p: Pick<PeopleTable, 'full_name' | 'birth_year' | 'gender' | 'commune_code' | 'locality_path'> & {
      nationality: string;
      named: boolean;
    },
  ): Promise<string> {
    const { named, ...fields } = p;
    const r = await db
      .insertInto('people')
      .values({
        ...fields,
        id_type: 'none',
        id_number: null,
        name_key: named ? nameKey(fields.full_name) : null,
        household_key: null,
        recorded_by: 'official',
        identity_status: 'registered',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  /** The phone proved by a one-time code becomes the person's verified phone. */
  async setVerifiedPhone(db: Db, id: string, phone: string): Promise<void> {
    await db
      .updateTable('people')
      .set({ phone, phone_verified_at: new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async setIdentityStatus(db: Db, id: string, status: IdentityStatus): Promise<void> {
    await db
      .updateTable('people')
      .set({ identity_status: status, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async update(db: Db, id: string, p: Partial<PersonFields> & { phoneVerified?: boolean }): Promise<void> {
    const { phoneVerified, ...fields } = p;
    const keys =
      fields.full_name !== undefined && fields.commune_code !== undefined && fields.address_line !== undefined
        ? derivedKeys({
            full_name: fields.full_name,
            commune_code: fields.commune_code,
            address_line: fields.address_line,
          })
        : {};
    await db
      .updateTable('people')
      .set({ ...fields, ...keys, ...(phoneVerified ? { phone_verified_at: new Date() } : {}), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async insertConsent(
    db: Db,
    c: { personId: string; purpose: string; noticeVersion: string; ip: string | null; locale?: 'vi' | 'en' },
  ): Promise<void> {
    await db
      .insertInto('consents')
      .values({
        person_id: c.personId,
        purpose: c.purpose,
        notice_version: c.noticeVersion,
        ip: c.ip,
        locale: c.locale ?? null,
      })
      .execute();
  }

  /** The person's latest consent for a purpose, or none. */
  latestConsent(db: Db, personId: string, purpose: string) {
    return db
      .selectFrom('consents')
      .select(['locale', 'given_at'])
      .where('person_id', '=', personId)
      .where('purpose', '=', purpose)
      .orderBy('given_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** The person's live token bound to `phone` (tokens belong to the phone that verified them). */
  currentTokenId(db: Db, personId: string, phone: string) {
    return db
      .selectFrom('personal_qr_tokens')
      .select('id')
      .where('person_id', '=', personId)
      .where('phone', '=', phone)
      .where('revoked_at', 'is', null)
      .orderBy('issued_at', 'desc')
      .executeTakeFirst();
  }

  async insertToken(db: Db, id: string, personId: string, phone: string): Promise<void> {
    await db.insertInto('personal_qr_tokens').values({ id, person_id: personId, phone }).execute();
  }

  /** Revokes the person's live tokens, except those bound to `keepPhone` when given. */
  async revokeTokens(db: Db, personId: string, reason: TokenRevokedReason, keepPhone?: string): Promise<void> {
    let q = db
      .updateTable('personal_qr_tokens')
      .set({ revoked_at: new Date(), revoked_reason: reason })
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null);
    if (keepPhone) q = q.where((eb) => eb.or([eb('phone', 'is', null), eb('phone', '<>', keepPhone)]));
    await q.execute();
  }

  /**
   * Everything the QR colour depends on, in one round trip: the person behind a live token and
   * their latest declaration. The gate's hot path.
   */
  statusByTokenId(db: Db, tokenId: string, o: { rejectedToo?: boolean } = {}) {
    return (
      db
        .selectFrom('personal_qr_tokens as t')
        .innerJoin('people as p', 'p.id', 't.person_id')
        .leftJoinLateral(latestDeclaration, (join) => join.onTrue())
        .select(qrStatusColumns)
        .where('t.id', '=', tokenId)
        .where('p.erased_at', 'is', null)
        // A token revoked because officials rejected the record still tells its holder so (never a gate).
        .where((eb) =>
          o.rejectedToo
            ? eb.or([eb('t.revoked_at', 'is', null), eb('t.revoked_reason', '=', 'link_rejected')])
            : eb('t.revoked_at', 'is', null),
        )
        .executeTakeFirst()
    );
  }

  /** Erases a person's identity and health data; the row stays so counts remain consistent. */
  async erase(db: Db, personId: string): Promise<void> {
    await db.deleteFrom('checkins').where('person_id', '=', personId).execute();
    await db.deleteFrom('arrivals').where('person_id', '=', personId).execute();
    await db.deleteFrom('health_declarations').where('person_id', '=', personId).execute();
    // Self-reports and their photos (issue 20); the exposure entries they published go with them.
    await db.deleteFrom('self_reports').where('person_id', '=', personId).execute();
    // The alerts sent to them carry their phone number (migration 0039).
    await db.deleteFrom('citizen_messages').where('person_id', '=', personId).execute();
    await db
      .updateTable('personal_qr_tokens')
      .set({ revoked_at: new Date(), revoked_reason: 'erased' })
      .where('person_id', '=', personId)
      .execute();
    await db
      .updateTable('citizen_sessions')
      .set({ revoked_at: new Date() })
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .execute();
    await db
      .updateTable('person_link_requests')
      .set({ status: 'withdrawn', decided_at: new Date() })
      .where('status', '=', 'open')
      .where((eb) => eb.or([eb('declared_person_id', '=', personId), eb('official_person_id', '=', personId)]))
      .execute();
    await db
      .updateTable('people')
      .set({
        full_name: '',
        id_number: sql<string>`'erased:' || id::text`,
        phone: null,
        email: null,
        address_line: null,
        name_key: null,
        household_key: null,
        phone_verified_at: null,
        erased_at: new Date(),
        updated_at: new Date(),
      })
      .where('id', '=', personId)
      .execute();
  }
}

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
