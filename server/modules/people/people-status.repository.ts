import { nameKey } from '../../../core/rules/person-keys.ts';
import type { IdType } from '../../../core/rules/identity-documents.ts';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { latestDeclaration, qrStatusColumns } from './qr-status.repository.ts';
import type { StatusRow } from './people.service.ts';

/**
 * What the QR colour depends on, for a person found by their document rather than a token: a
 * workplace gate checking a worker picked from its roster or read off their CCCD card.
 */
export class PeopleStatusRepository {
  /**
   * The live record of a document with its latest declaration: the registered record first (the
   * one officials confirmed), else the self-declared one declared last. Served by the document
   * indexes of 0010, which lead with the document type.
   */
  async statusByDocument(db: Db, idType: IdType, idNumber: string): Promise<StatusRow | undefined> {
    return db
      .selectFrom('people as p')
      .leftJoinLateral(latestDeclaration, (join) => join.onTrue())
      .select(qrStatusColumns)
      .where('p.id_type', '=', idType)
      .where('p.id_number', '=', idNumber)
      .where('p.erased_at', 'is', null)
      .where('p.merged_into', 'is', null)
      .orderBy((eb) => eb('p.identity_status', '=', 'registered'), 'desc')
      .orderBy('d.submitted_at', (ob) => ob.desc().nullsLast())
      .limit(1)
      .executeTakeFirst();
  }

  /** A person's document, to find them on a roster after a scan of their personal QR (none without papers). */
  async documentOf(db: Db, personId: string): Promise<{ id_type: IdType; id_number: string } | undefined> {
    const r = await db
      .selectFrom('people')
      .select(['id_type', 'id_number'])
      .where('id', '=', personId)
      .executeTakeFirst();
    return r && r.id_type !== 'none' && r.id_number !== null
      ? { id_type: r.id_type, id_number: r.id_number }
      : undefined;
  }

  /**
   * The live records of many documents at once (a roster's workers): the registered record first,
   * else the newest. Answers each document's person and where they live.
   */
  /**
   * The people holding these documents under these names (diacritics, case and punctuation aside):
   * a roster typed by an organisation matches a person only when it has both right, so typing
   * someone's document number alone reveals and changes nothing about them.
   */
  async byDocuments(
    db: Db,
    docs: readonly { idType: IdType; idNumber: string; fullName: string }[],
  ): Promise<{ id: string; id_type: IdType; id_number: string; locality_path: string | null }[]> {
    if (docs.length === 0) return [];
    const wanted = docs.map((d) => ({ id_type: d.idType, id_number: d.idNumber, name_key: nameKey(d.fullName) }));
    const r = await sql<{ id: string; id_type: IdType; id_number: string; locality_path: string | null }>`
      select distinct on (p.id_type, p.id_number) p.id, p.id_type, p.id_number, p.locality_path
      from people p
      join jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as x(id_type text, id_number text, name_key text)
        on p.id_type = x.id_type and p.id_number = x.id_number and p.name_key = x.name_key
      where p.erased_at is null and p.merged_into is null
      order by p.id_type, p.id_number, (p.identity_status = 'registered') desc, p.created_at desc`.execute(db);
    return r.rows;
  }
}
