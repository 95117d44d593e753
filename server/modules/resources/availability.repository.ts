import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';

/** Who is counted: some units, or every unit whose area lies within a locality path. */
export type AvailabilityTarget = { unitIds: readonly string[] } | { withinPath: string };

/** SQL of what units have: usable stock and callable forces, grouped in the database. */
export class AvailabilityRepository {
  /** Usable (unexpired) stock and what of it expires soon, per unit and item. */
  stockByUnit(db: Db, target: AvailabilityTarget, today: string, warnUntil: string, items?: readonly string[]) {
    let q = db
      .selectFrom('stock_balances as b')
      .innerJoin('resource_stores as s', 's.id', 'b.store_id')
      .select([
        's.unit_id',
        'b.item_code',
        sql<string>`sum(b.quantity)`.as('quantity'),
        sql<string>`coalesce(sum(b.quantity) filter (where b.expires_on <= ${warnUntil}), 0)`.as('expiring'),
      ])
      .where('b.quantity', '>', 0)
      .where((eb) => eb.or([eb('b.expires_on', 'is', null), eb('b.expires_on', '>', today)]))
      .groupBy(['s.unit_id', 'b.item_code']);
    if (items) q = q.where('b.item_code', 'in', nonEmpty(items));
    q =
      'unitIds' in target
        ? q.where('s.unit_id', 'in', nonEmpty(target.unitIds))
        : q.where(pathWithinSql('s.locality_path', target.withinPath));
    return q.execute();
  }

  /** Members serving each unit who can be called on (not unavailable), per kind. */
  forcesByUnit(db: Db, target: AvailabilityTarget, kinds?: readonly string[]) {
    let q = db
      .selectFrom('force_members as m')
      .select(['m.serving_unit_id as unit_id', 'm.kind', sql<string>`count(*)`.as('n')])
      .where('m.availability', '<>', 'unavailable')
      .groupBy(['m.serving_unit_id', 'm.kind']);
    if (kinds) q = q.where('m.kind', 'in', nonEmpty(kinds));
    q =
      'unitIds' in target
        ? q.where('m.serving_unit_id', 'in', nonEmpty(target.unitIds))
        : q.where(pathWithinSql('m.locality_path', target.withinPath));
    return q.execute();
  }
}

function nonEmpty(ids: readonly string[]): string[] {
  return ids.length > 0 ? [...ids] : ['00000000-0000-0000-0000-000000000000'];
}
