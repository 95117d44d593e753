import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { WorkplaceGateEventsTable } from '../../db/schema-workplaces.ts';

export type NewGateEvent = Insertable<WorkplaceGateEventsTable>;

/** SQL of organisations' sites (their linked venues) and the checks at their gates. */
export class WorkplaceGateRepository {
  sites(db: Db, organisationId: string) {
    return db
      .selectFrom('organisation_sites as s')
      .innerJoin('venues as v', 'v.id', 's.venue_id')
      .select(['v.id as venue_id', 'v.name', 'v.address_line', 'v.status'])
      .where('s.organisation_id', '=', organisationId)
      .orderBy('v.name')
      .orderBy('v.id')
      .execute();
  }

  siteOwner(db: Db, venueId: string) {
    return db
      .selectFrom('organisation_sites')
      .select('organisation_id')
      .where('venue_id', '=', venueId)
      .executeTakeFirst();
  }

  /** Links the venue unless it is already some organisation's site; false when it was. */
  async link(db: Db, organisationId: string, venueId: string, linkedBy: string | null): Promise<boolean> {
    const r = await db
      .insertInto('organisation_sites')
      .values({ organisation_id: organisationId, venue_id: venueId, linked_by: linkedBy })
      .onConflict((oc) => oc.column('venue_id').doNothing())
      .returning('venue_id')
      .executeTakeFirst();
    return r !== undefined;
  }

  eventByClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('workplace_gate_events as e')
      .leftJoin('roster_workers as w', 'w.id', 'e.roster_worker_id')
      .select([
        'e.id',
        'e.organisation_id',
        'e.allowed',
        'e.valid_declaration',
        'e.reasons',
        'e.at',
        'e.roster_worker_id',
        'w.full_name',
        'w.department',
      ])
      .where('e.client_key', '=', clientKey)
      .executeTakeFirst();
  }

  /** Stores the check unless its client key was used; null when it was (the caller answers the first). */
  async insertEvent(db: Db, e: NewGateEvent): Promise<string | null> {
    const r = await db
      .insertInto('workplace_gate_events')
      .values(e)
      .onConflict((oc) => oc.column('client_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return r?.id ?? null;
  }

  /**
   * Counts a roster worker's check into their day and the organisation's counts of the day, in the
   * check's transaction. The worker's day row is created locked (or locked if it exists), so two
   * checks of one worker at once count them once: a worker came once a day, was refused only if
   * never let in, and came with a valid declaration if let in with one at least once.
   */
  async countWorkerDay(
    db: Db,
    c: {
      organisationId: string;
      localityPath: string;
      day: string;
      workerId: string;
      onSite: boolean;
      allowed: boolean;
      valid: boolean;
    },
  ): Promise<void> {
    const created = await db
      .insertInto('workplace_worker_days')
      .values({
        organisation_id: c.organisationId,
        day: c.day,
        roster_worker_id: c.workerId,
        on_site: c.onSite,
        allowed: c.allowed,
        valid: c.allowed && c.valid,
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'day', 'roster_worker_id']).doNothing())
      .returning('on_site')
      .executeTakeFirst();
    if (created) {
      // The worker's first check of the day: the organisation's row may not exist yet.
      const first = {
        arrived: 1,
        arrived_on_site: c.onSite ? 1 : 0,
        arrived_valid: c.allowed && c.valid ? 1 : 0,
        refused: c.allowed ? 0 : 1,
      };
      await db
        .insertInto('workplace_compliance_days')
        .values({ organisation_id: c.organisationId, day: c.day, locality_path: c.localityPath, ...first })
        .onConflict((oc) =>
          oc.columns(['organisation_id', 'day']).doUpdateSet({
            arrived: sql`workplace_compliance_days.arrived + ${first.arrived}`,
            arrived_on_site: sql`workplace_compliance_days.arrived_on_site + ${first.arrived_on_site}`,
            arrived_valid: sql`workplace_compliance_days.arrived_valid + ${first.arrived_valid}`,
            refused: sql`workplace_compliance_days.refused + ${first.refused}`,
          }),
        )
        .execute();
      return;
    }
    const before = await db
      .selectFrom('workplace_worker_days')
      .select(['allowed', 'valid'])
      .where('organisation_id', '=', c.organisationId)
      .where('day', '=', c.day)
      .where('roster_worker_id', '=', c.workerId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const allowed = before.allowed || c.allowed;
    const valid = before.valid || (c.allowed && c.valid);
    if (allowed === before.allowed && valid === before.valid) return;
    await db
      .updateTable('workplace_worker_days')
      .set({ allowed, valid })
      .where('organisation_id', '=', c.organisationId)
      .where('day', '=', c.day)
      .where('roster_worker_id', '=', c.workerId)
      .execute();
    // The row exists (the worker's first check made it): an update, since an upsert's proposed row
    // would carry a negative count and fail its check before the conflict is seen.
    await db
      .updateTable('workplace_compliance_days')
      .set({
        arrived_valid: sql`arrived_valid + ${valid && !before.valid ? 1 : 0}`,
        refused: sql`refused - ${allowed && !before.allowed ? 1 : 0}`,
      })
      .where('organisation_id', '=', c.organisationId)
      .where('day', '=', c.day)
      .execute();
  }
}
