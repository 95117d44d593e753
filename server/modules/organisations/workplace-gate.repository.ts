import type { Insertable } from 'kysely';
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
}
