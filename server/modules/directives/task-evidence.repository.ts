import type { Db } from '../../db/database.ts';

export type EvidenceRecord = Awaited<ReturnType<TaskEvidenceRepository['ofTasks']>>[number];

/** SQL of directive task evidence: the small rows, and their bytes under their hash (migration 0046). */
export class TaskEvidenceRepository {
  /** The bytes, in a statement of their own before the audited transaction; the same bytes are kept once. */
  async putBlob(db: Db, sha256: Buffer, body: Buffer): Promise<void> {
    await db
      .insertInto('directive_evidence_blobs')
      .values({ sha256, body, byte_size: body.length })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }

  byClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('directive_task_evidence')
      .select(['id', 'task_id'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  async insert(
    db: Db,
    row: {
      client_key: string;
      task_id: string;
      filename: string;
      media_type: string;
      sha256: Buffer;
      byte_size: number;
      uploaded_by: string | null;
    },
  ): Promise<string> {
    return (await db.insertInto('directive_task_evidence').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  /** The evidence of a directive's tasks, oldest first. */
  ofTasks(db: Db, taskIds: readonly string[]) {
    if (taskIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('directive_task_evidence as e')
      .leftJoin('users as who', 'who.id', 'e.uploaded_by')
      .select([
        'e.id',
        'e.task_id',
        'e.filename',
        'e.media_type',
        'e.byte_size',
        'e.uploaded_at',
        'who.full_name as uploaded_by',
      ])
      .where('e.task_id', 'in', [...taskIds])
      .orderBy('e.uploaded_at')
      .orderBy('e.id')
      .execute();
  }

  /** A file with its task's directive and unit, and its bytes. */
  file(db: Db, id: string) {
    return db
      .selectFrom('directive_task_evidence as e')
      .innerJoin('directive_tasks as t', 't.id', 'e.task_id')
      .innerJoin('directive_evidence_blobs as b', 'b.sha256', 'e.sha256')
      .select(['e.id', 'e.filename', 'e.media_type', 'b.body', 't.directive_id', 't.unit_id', 'e.task_id'])
      .where('e.id', '=', id)
      .executeTakeFirst();
  }
}
