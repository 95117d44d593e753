import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Inspection photos' bytes, kept once under their SHA-256 apart from the audited photo rows (0040). */
export class PhotoBlobsRepository {
  /**
   * A photo's bytes under their hash, in a statement of their own before the audited transaction (see
   * migration 0040); the same bytes again are kept once.
   */
  async put(db: Db, sha256: Buffer, body: Buffer): Promise<void> {
    await db
      .insertInto('inspection_photo_blobs')
      .values({ sha256, body, byte_size: body.length })
      // A blob kept for a while and sent again is made young, so the orphan purge cannot take it
      // between this statement and the photo row that will name it.
      .onConflict((oc) =>
        oc
          .column('sha256')
          .doUpdateSet({ created_at: sql<Date>`now()` })
          .where('inspection_photo_blobs.created_at', '<', sql<Date>`now() - interval '1 hour'`),
      )
      .execute();
  }

  /**
   * Blobs no photo names, older than `before` (a request that failed between the bytes and the
   * audited row); at most `limit` at a time. Answers how many went.
   */
  async deleteOrphans(db: Db, before: Date, limit: number): Promise<number> {
    const r = await db
      .deleteFrom('inspection_photo_blobs')
      .where('sha256', 'in', (eb) =>
        eb
          .selectFrom('inspection_photo_blobs as b')
          .select('b.sha256')
          .where('b.created_at', '<', before)
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('inspection_photos as p').select('p.id').whereRef('p.sha256', '=', 'b.sha256'))),
          )
          .limit(limit),
      )
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
