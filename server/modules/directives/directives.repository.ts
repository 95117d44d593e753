import { sql, type Insertable } from 'kysely';
import { foldVietnamese } from '../../../core/rules/person-keys.ts';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { DirectiveKind, DirectivesTable, TaskStatus } from '../../db/schema-directives.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type DirectiveRecord = NonNullable<Awaited<ReturnType<DirectivesRepository['findById']>>>;
export type DirectiveListRow = Awaited<ReturnType<DirectivesRepository['list']>>[number];
export type RecipientRecord = Awaited<ReturnType<DirectivesRepository['recipients']>>[number];
export type TaskRecord = Awaited<ReturnType<DirectivesRepository['tasks']>>[number];
export type ProgressRecord = Awaited<ReturnType<DirectivesRepository['progress']>>[number];

/** Who may see which directives in a list: the caller's area, or only what their units issued or received. */
export interface DirectiveVisibility {
  /** Null: wherever the issuer sits (a unit's officer sees what their units issued or received). */
  withinPath: string | null;
  /** Null: every directive of the area (province officials); else only those these units issued or received. */
  unitIds: readonly string[] | null;
}

/** SQL of directives, their recipients, acknowledgements, tasks and progress. */
export class DirectivesRepository {
  private directives(db: Db) {
    return db
      .selectFrom('directives as d')
      .innerJoin('reporting_units as i', 'i.id', 'd.issuer_unit_id')
      .selectAll('d')
      .select(['i.code as issuer_code', 'i.name as issuer_name', 'i.name_en as issuer_name_en'])
      .select((eb) => [
        eb
          .selectFrom('directive_recipients as r')
          .whereRef('r.directive_id', '=', 'd.id')
          .select(eb.fn.countAll<string>().as('n'))
          .as('recipient_count'),
        eb
          .selectFrom('directive_acknowledgements as a')
          .whereRef('a.directive_id', '=', 'd.id')
          .select(eb.fn.countAll<string>().as('n'))
          .as('acknowledged_count'),
        eb
          .exists(
            eb.selectFrom('directive_files as f').whereRef('f.directive_id', '=', 'd.id').select('f.directive_id'),
          )
          .as('has_document'),
      ]);
  }

  findById(db: Db, id: string) {
    return this.directives(db).where('d.id', '=', id).executeTakeFirst();
  }

  findByClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('directives')
      .select(['id', 'issuer_unit_id'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  findDuplicate(db: Db, issuerUnitId: string, numberSymbol: string, issuedOn: string) {
    return db
      .selectFrom('directives')
      .select('id')
      .where('issuer_unit_id', '=', issuerUnitId)
      .where('number_symbol', '=', numberSymbol)
      .where('issued_on', '=', issuedOn)
      .executeTakeFirst();
  }

  /** Newest first (issue day, then id), keyset paged. */
  list(
    db: Db,
    o: DirectiveVisibility & {
      q?: string;
      kind?: DirectiveKind;
      issuer?: string;
      recipient?: string;
      pending?: boolean;
      after?: string;
      limit: number;
    },
  ) {
    const cursor = decodeCursor(o.after, ['date', 'uuid']);
    let q = this.directives(db);
    if (o.withinPath !== null) q = q.where(pathWithinSql('d.locality_path', o.withinPath));
    if (o.unitIds) {
      const ids = o.unitIds.length > 0 ? [...o.unitIds] : ['00000000-0000-0000-0000-000000000000'];
      q = q.where((eb) =>
        eb.or([
          eb('d.issuer_unit_id', 'in', ids),
          eb.exists(
            eb
              .selectFrom('directive_recipients as r')
              .whereRef('r.directive_id', '=', 'd.id')
              .where('r.unit_id', 'in', ids)
              .select('r.unit_id'),
          ),
        ]),
      );
    }
    if (o.q) {
      // Every word, in any order ("phong chong tang cuong"); the number as typed ("1510-CV/TU") too.
      const words = foldVietnamese(o.q).split(' ').filter(Boolean);
      const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const typed = o.q;
      q = q.where((eb) =>
        eb.or([
          eb.and(words.map((w) => eb('d.search_key', 'like', like(w)))),
          eb('d.number_symbol', 'ilike', like(typed)),
        ]),
      );
    }
    if (o.kind) q = q.where('d.kind', '=', o.kind);
    if (o.issuer) q = q.where('d.issuer_unit_id', '=', o.issuer);
    if (o.recipient) {
      const recipient = o.recipient;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('directive_recipients as r')
            .whereRef('r.directive_id', '=', 'd.id')
            .where('r.unit_id', '=', recipient)
            .select('r.unit_id'),
        ),
      );
    }
    if (o.pending !== undefined) {
      const unacknowledged = sql<boolean>`exists (select 1 from directive_recipients r
        where r.directive_id = d.id and not exists (select 1 from directive_acknowledgements a
          where a.directive_id = r.directive_id and a.unit_id = r.unit_id))`;
      q = q.where(o.pending ? unacknowledged : sql<boolean>`not ${unacknowledged}`);
    }
    if (cursor) {
      const [day, id] = cursor;
      q = q.where((eb) =>
        eb.or([eb('d.issued_on', '<', day), eb.and([eb('d.issued_on', '=', day), eb('d.id', '<', id)])]),
      );
    }
    return q
      .orderBy('d.issued_on', 'desc')
      .orderBy('d.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  async insert(db: Db, row: Insertable<DirectivesTable>): Promise<string> {
    return (await db.insertInto('directives').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async addRecipients(db: Db, directiveId: string, unitIds: readonly string[]): Promise<void> {
    if (unitIds.length === 0) return;
    await db
      .insertInto('directive_recipients')
      .values(unitIds.map((unit_id) => ({ directive_id: directiveId, unit_id })))
      .execute();
  }

  recipients(db: Db, directiveId: string) {
    return db
      .selectFrom('directive_recipients as r')
      .innerJoin('reporting_units as u', 'u.id', 'r.unit_id')
      .leftJoin('directive_acknowledgements as a', (j) =>
        j.onRef('a.directive_id', '=', 'r.directive_id').onRef('a.unit_id', '=', 'r.unit_id'),
      )
      .leftJoin('users as who', 'who.id', 'a.acknowledged_by')
      .select(['u.id', 'u.code', 'u.name', 'u.name_en', 'a.acknowledged_at', 'who.full_name as acknowledged_by'])
      .where('r.directive_id', '=', directiveId)
      .orderBy('u.code')
      .execute();
  }

  /** Records the unit's acknowledgement once; answers whether this call recorded it. */
  async acknowledge(db: Db, directiveId: string, unitId: string, userId: string | null, at: Date): Promise<boolean> {
    const rows = await db
      .insertInto('directive_acknowledgements')
      .values({ directive_id: directiveId, unit_id: unitId, acknowledged_by: userId, acknowledged_at: at })
      .onConflict((oc) => oc.columns(['directive_id', 'unit_id']).doNothing())
      .returning('unit_id')
      .execute();
    return rows.length > 0;
  }

  /** A recipient that has not acknowledged (the reminders' condition). */
  async isUnacknowledged(db: Db, directiveId: string, unitId: string): Promise<boolean> {
    const row = await db
      .selectFrom('directive_recipients as r')
      .leftJoin('directive_acknowledgements as a', (j) =>
        j.onRef('a.directive_id', '=', 'r.directive_id').onRef('a.unit_id', '=', 'r.unit_id'),
      )
      .select('a.unit_id as acknowledged')
      .where('r.directive_id', '=', directiveId)
      .where('r.unit_id', '=', unitId)
      .executeTakeFirst();
    return row !== undefined && row.acknowledged === null;
  }

  async insertTask(
    db: Db,
    row: { directive_id: string; unit_id: string; title: string; due_on: string; created_by: string | null },
  ): Promise<string> {
    return (await db.insertInto('directive_tasks').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  tasks(db: Db, directiveId: string) {
    return db
      .selectFrom('directive_tasks as t')
      .innerJoin('reporting_units as u', 'u.id', 't.unit_id')
      .select(['t.id', 't.unit_id', 't.title', 't.due_on', 't.status', 'u.code', 'u.name', 'u.name_en'])
      .where('t.directive_id', '=', directiveId)
      .orderBy('t.due_on')
      .orderBy('t.id')
      .execute();
  }

  findTask(db: Db, directiveId: string, taskId: string) {
    return db
      .selectFrom('directive_tasks')
      .selectAll()
      .where('id', '=', taskId)
      .where('directive_id', '=', directiveId)
      .executeTakeFirst();
  }

  progress(db: Db, taskIds: readonly string[]) {
    if (taskIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('directive_task_progress as p')
      .leftJoin('users as who', 'who.id', 'p.reported_by')
      .select([
        'p.id',
        'p.task_id',
        'p.status',
        'p.note',
        'p.evidence',
        'p.reported_at',
        'who.full_name as reported_by',
      ])
      .where('p.task_id', 'in', [...taskIds])
      .orderBy('p.reported_at', 'desc')
      .orderBy('p.id', 'desc')
      .execute();
  }

  progressByClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('directive_task_progress')
      .select(['id', 'task_id'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  async insertProgress(
    db: Db,
    row: {
      client_key: string;
      task_id: string;
      status: TaskStatus;
      note: string | null;
      evidence: string | null;
      reported_by: string | null;
      reported_at: Date;
    },
  ): Promise<string> {
    const id = (await db.insertInto('directive_task_progress').values(row).returning('id').executeTakeFirstOrThrow())
      .id;
    await db
      .updateTable('directive_tasks')
      .set({ status: row.status, status_at: row.reported_at })
      .where('id', '=', row.task_id)
      .execute();
    return id;
  }

  async putDocument(
    db: Db,
    row: { directive_id: string; filename: string; body: Buffer; uploaded_by: string | null },
  ): Promise<void> {
    const values = { ...row, media_type: 'application/pdf', byte_size: row.body.length };
    await db
      .insertInto('directive_files')
      .values(values)
      .onConflict((oc) =>
        oc.column('directive_id').doUpdateSet({
          filename: values.filename,
          body: values.body,
          byte_size: values.byte_size,
          uploaded_by: values.uploaded_by,
          uploaded_at: new Date(),
        }),
      )
      .execute();
  }

  document(db: Db, directiveId: string) {
    return db
      .selectFrom('directive_files')
      .select(['filename', 'body'])
      .where('directive_id', '=', directiveId)
      .executeTakeFirst();
  }
  /**
   * What is escalated to issuers on `today` (the daily digest): recipients that have not acknowledged
   * a directive issued on or before `ackBefore`, and tasks not done whose deadline is before `today`.
   */
  async escalations(db: Db, today: string, ackBefore: string) {
    const unacknowledged = await db
      .selectFrom('directive_recipients as r')
      .innerJoin('directives as d', 'd.id', 'r.directive_id')
      .innerJoin('reporting_units as u', 'u.id', 'r.unit_id')
      .leftJoin('directive_acknowledgements as a', (j) =>
        j.onRef('a.directive_id', '=', 'r.directive_id').onRef('a.unit_id', '=', 'r.unit_id'),
      )
      .select(['d.id as directive_id', 'd.number_symbol', 'd.issuer_unit_id', 'd.issued_on', 'u.name', 'u.name_en'])
      .where('a.unit_id', 'is', null)
      .where('d.issued_on', '<=', ackBefore)
      .orderBy('d.issued_on')
      .orderBy('u.code')
      .execute();
    const overdue = await db
      .selectFrom('directive_tasks as t')
      .innerJoin('directives as d', 'd.id', 't.directive_id')
      .innerJoin('reporting_units as u', 'u.id', 't.unit_id')
      .select([
        'd.id as directive_id',
        'd.number_symbol',
        'd.issuer_unit_id',
        't.title',
        't.due_on',
        'u.name',
        'u.name_en',
      ])
      .where('t.status', '<>', 'done')
      .where('t.due_on', '<', today)
      .orderBy('t.due_on')
      .orderBy('t.id')
      .execute();
    return { unacknowledged, overdue };
  }
}
