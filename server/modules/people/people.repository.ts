import { sql } from 'kysely';
import { latestDeclaration, qrStatusColumns } from './qr-status.repository.ts';
import type { Db } from '../../db/database.ts';
import type { PeopleTable } from '../../db/schema.ts';
import type { IdentityStatus, RecordedBy, TokenRevokedReason } from '../../db/schema-citizen.ts';
import type { IdType } from '../../../core/rules/identity-documents.ts';
import { householdKey, nameKey } from '../../../core/rules/person-keys.ts';

/** A consent given, or withdrawn, for a purpose. */
export interface ConsentEvent {
  personId: string;
  purpose: string;
  noticeVersion: string;
  ip: string | null;
  locale?: 'vi' | 'en';
  withdrawn?: boolean;
}

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

  async insertConsent(db: Db, c: ConsentEvent): Promise<void> {
    await db
      .insertInto('consents')
      .values({
        person_id: c.personId,
        purpose: c.purpose,
        notice_version: c.noticeVersion,
        ip: c.ip,
        locale: c.locale ?? null,
        withdrawn: c.withdrawn ?? false,
      })
      .execute();
  }

  /** The person's latest consent for a purpose, or none. */
  latestConsent(db: Db, personId: string, purpose: string) {
    return db
      .selectFrom('consents')
      .select(['locale', 'given_at', 'withdrawn'])
      .where('person_id', '=', personId)
      .where('purpose', '=', purpose)
      .orderBy('given_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /**
   * Of these people, those whose latest consent for the purpose is not withdrawn, with the
   * language and phone (one statement for a tracing run's many proposals).
   */
  consentedWithPhone(db: Db, personIds: readonly string[], purpose: string) {
    return db
      .selectFrom('people as p')
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('consents as c')
            .select(['c.locale', 'c.withdrawn'])
            .whereRef('c.person_id', '=', 'p.id')
            .where('c.purpose', '=', purpose)
            .orderBy('c.given_at', 'desc')
            .limit(1)
            .as('latest'),
        (join) => join.onTrue(),
      )
      .select(['p.id', 'p.phone', 'latest.locale'])
      .where('p.id', 'in', [...personIds])
      .where('latest.withdrawn', '=', false)
      .execute();
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
