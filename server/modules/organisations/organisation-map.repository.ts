import { sql } from 'kysely';
import type { RiskGroup } from '../../../core/schemas/assessment-template.ts';
import type { OrganisationType } from '../../../core/schemas/assessment-template.ts';
import type { Db } from '../../db/database.ts';
import { scopeWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export interface MapFilter {
  withinPath: string;
  type?: OrganisationType;
  sector?: string;
  group?: RiskGroup | 'none';
  /** Overdue before this local day (the list's rule: the latest assessment's re-assessment day < it). */
  overdueOn?: string;
  /** Today (Viet Nam), to count the overdue ones whatever the filter. */
  today: string;
}

export type MapRow = Awaited<ReturnType<OrganisationMapRepository['byCommuneAndGroup']>>[number];
export type SafeRow = Awaited<ReturnType<OrganisationMapRepository['safe']>>[number];

/** SQL of the safety map (counts per commune and group) and of the public list of safe organisations. */
export class OrganisationMapRepository {
  /**
   * An area's approved organisations counted per commune and group in one grouped pass over the
   * `organisations_map` index (0042); the commune's centroid comes with its name.
   */
  byCommuneAndGroup(db: Db, f: MapFilter) {
    let q = db
      .selectFrom('organisations as o')
      .leftJoin('organisation_assessments as a', 'a.id', 'o.latest_assessment_id')
      .where(
        scopeWithinSql(
          { path: 'o.locality_path', province: 'o.scope_province', commune: 'o.scope_code' },
          f.withinPath,
        ),
      )
      .where('o.status', '=', 'approved');
    if (f.type) q = q.where('o.org_type', '=', f.type);
    if (f.sector) q = q.where('o.sector', '=', f.sector);
    if (f.group === 'none') q = q.where('o.latest_group', 'is', null);
    else if (f.group) q = q.where('o.latest_group', '=', f.group);
    if (f.overdueOn) q = q.where('a.reassess_due_on', '<', f.overdueOn);
    const counted = q
      .select([
        'o.commune_code',
        sql<string>`coalesce(o.latest_group, 'none')`.as('grp'),
        sql<number>`count(*)::int`.as('n'),
        sql<number>`(count(*) filter (where a.reassess_due_on < ${f.today}))::int`.as('overdue'),
        sql<number>`(count(*) filter (where a.may_operate = 'no'))::int`.as('may_not_operate'),
      ])
      .groupBy(['o.commune_code', sql`coalesce(o.latest_group, 'none')`]);
    return db
      .selectFrom(counted.as('c'))
      .innerJoin('localities as l', 'l.code', 'c.commune_code')
      .select([
        'c.commune_code',
        'c.grp',
        'c.n',
        'c.overdue',
        'c.may_not_operate',
        'l.full_name',
        'l.centroid_lat',
        'l.centroid_lon',
      ])
      .orderBy('c.commune_code')
      .execute();
  }

  /**
   * A province's organisations that chose to publish and whose latest self-assessment is low or
   * very low and not yet due again; by name, keyset paged (the partial index of 0042).
   */
  async safe(
    db: Db,
    o: { province: string; commune?: string; type?: OrganisationType; today: string; after?: string; limit: number },
  ) {
    const cursor = decodeCursor(o.after, ['text', 'uuid']);
    let q = db
      .selectFrom('organisations as o')
      .innerJoin('organisation_assessments as a', 'a.id', 'o.latest_assessment_id')
      .innerJoin('localities as l', 'l.code', 'o.commune_code')
      .select([
        'o.id',
        'o.name',
        'o.org_type',
        'o.address_line',
        'o.commune_code',
        'l.full_name as commune_full_name',
        'o.latest_group',
        'a.submitted_at',
        'a.reassess_due_on',
      ])
      .where('o.scope_province', '=', o.province)
      .where('o.publish_safe', '=', true)
      .where('o.status', '=', 'approved')
      .where('o.latest_group', 'in', ['very_low', 'low'])
      .where('a.reassess_due_on', '>=', o.today);
    if (o.commune) q = q.where('o.commune_code', '=', o.commune);
    if (o.type) q = q.where('o.org_type', '=', o.type);
    if (cursor) {
      const [name, id] = cursor;
      q = q.where(sql<boolean>`(o.name, o.id) > (${name}, ${id}::uuid)`);
    }
    return q
      .orderBy('o.name')
      .orderBy('o.id')
      .limit(o.limit + 1)
      .execute();
  }

  /** Sets the publication choice; false when the organisation does not exist. */
  async setPublication(db: Db, id: string, publish: boolean): Promise<boolean> {
    const r = await db
      .updateTable('organisations')
      .set({ publish_safe: publish, updated_at: new Date() })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
