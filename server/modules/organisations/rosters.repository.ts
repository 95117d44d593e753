import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { WorkRole } from '../../db/schema-workplaces.ts';
import { escapeLike } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export interface RosterWorkerInput {
  fullName: string;
  idNumber: string;
  phone: string | null;
  department: string;
  shift: string;
  onSite: boolean;
  role: WorkRole;
}

export type RosterWorkerRecord = NonNullable<Awaited<ReturnType<RostersRepository['byId']>>>;

/** SQL of organisations' workforce rosters. */
export class RostersRepository {
  private workers(db: Db) {
    return db
      .selectFrom('roster_workers as w')
      .select([
        'w.id',
        'w.organisation_id',
        'w.full_name',
        'w.id_number',
        'w.phone',
        'w.department',
        'w.shift',
        'w.on_site',
        'w.work_role',
      ]);
  }

  byId(db: Db, organisationId: string, id: string) {
    return this.workers(db).where('w.organisation_id', '=', organisationId).where('w.id', '=', id).executeTakeFirst();
  }

  byDocument(db: Db, organisationId: string, idNumber: string) {
    return this.workers(db)
      .where('w.organisation_id', '=', organisationId)
      .where('w.id_number', '=', idNumber)
      .executeTakeFirst();
  }

  /**
   * Writes the workers, updating those whose document is already on the roster; answers how many
   * were new. In slices, so a roster of thousands stays a handful of statements.
   */
  async upsert(db: Db, organisationId: string, rows: readonly RosterWorkerInput[]): Promise<number> {
    let created = 0;
    for (let i = 0; i < rows.length; i += 1000) {
      const slice = rows.slice(i, i + 1000);
      const r = await db
        .insertInto('roster_workers')
        .values(
          slice.map((w) => ({
            organisation_id: organisationId,
            full_name: w.fullName,
            id_number: w.idNumber,
            phone: w.phone,
            department: w.department,
            shift: w.shift,
            on_site: w.onSite,
            work_role: w.role,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['organisation_id', 'id_number']).doUpdateSet((eb) => ({
            full_name: eb.ref('excluded.full_name'),
            phone: eb.ref('excluded.phone'),
            department: eb.ref('excluded.department'),
            shift: eb.ref('excluded.shift'),
            on_site: eb.ref('excluded.on_site'),
            work_role: eb.ref('excluded.work_role'),
            updated_at: new Date(),
          })),
        )
        // xmax is 0 for a row this statement inserted, not for one it updated.
        .returning(sql<boolean>`xmax = 0`.as('inserted'))
        .execute();
      created += r.filter((x) => x.inserted).length;
    }
    await this.recount(db, organisationId);
    return created;
  }

  /** The organisation's roster counts the area's compliance reads (one row per organisation). */
  private async recount(db: Db, organisationId: string): Promise<void> {
    await sql`
      insert into workplace_roster_counts (organisation_id, workers, on_site)
      select ${organisationId}::uuid, count(*), count(*) filter (where on_site)
      from roster_workers where organisation_id = ${organisationId}
      on conflict (organisation_id) do update set workers = excluded.workers, on_site = excluded.on_site`.execute(db);
  }

  /** The roster by department then name (the list's index), keyset paged. */
  async list(db: Db, organisationId: string, o: { department?: string; q?: string; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['text', 'text', 'uuid']);
    let q = this.workers(db).where('w.organisation_id', '=', organisationId);
    if (o.department !== undefined) q = q.where('w.department', '=', o.department);
    if (o.q) {
      const compact = o.q.replace(/[\s.-]/g, '').toUpperCase();
      const term = `%${escapeLike(o.q)}%`;
      q = q.where((eb) =>
        eb.or([eb(sql`unaccent(w.full_name)`, 'ilike', sql`unaccent(${term})`), eb('w.id_number', '=', compact)]),
      );
    }
    if (cursor) {
      const [department, name, id] = cursor;
      q = q.where(sql<boolean>`(w.department, w.full_name, w.id) > (${department}, ${name}, ${id}::uuid)`);
    }
    return q
      .orderBy('w.department')
      .orderBy('w.full_name')
      .orderBy('w.id')
      .limit(o.limit + 1)
      .execute();
  }
}
