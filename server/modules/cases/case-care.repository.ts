import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CareSetting, CaseStatus, CaseStatusTransitionsTable } from '../../db/schema.ts';

export type NewCareTransition = Insertable<CaseStatusTransitionsTable>;

/** SQL for a case's care state: its status and setting, and the history of their changes. */
export class CaseCareRepository {
  /** The case's care state, locked until the end of the transaction: two admissions of one case queue. */
  lockState(db: Db, caseId: string) {
    return db
      .selectFrom('cases')
      .select(['id', 'case_number', 'status', 'care_setting', 'person_id', 'locality_code', 'locality_path'])
      .where('id', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
  }

  async setState(
    db: Db,
    caseId: string,
    s: { status: CaseStatus; setting: CareSetting | null; outcomeDate?: string | null },
  ): Promise<void> {
    await db
      .updateTable('cases')
      .set({
        status: s.status,
        care_setting: s.setting,
        ...(s.outcomeDate !== undefined ? { outcome_date: s.outcomeDate } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', caseId)
      .execute();
  }

  async addTransition(db: Db, t: NewCareTransition): Promise<void> {
    await db.insertInto('case_status_transitions').values(t).execute();
  }

  /** Oldest first, with the facility's current name. */
  history(db: Db, caseId: string) {
    return (
      db
        .selectFrom('case_status_transitions as t')
        .leftJoin('facilities as f', 'f.id', 't.facility_id')
        .select([
          't.kind',
          't.from_status',
          't.to_status',
          't.setting',
          't.bed_kind',
          't.reason',
          't.actor_name',
          't.rebuilt',
          'f.name as facility_name',
          sql<string>`to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at_key'),
        ])
        .where('t.case_id', '=', caseId)
        // Registration first even when an import wrote its outcome in the same instant.
        .orderBy(sql`t.kind = 'registered'`, 'desc')
        .orderBy('t.at')
        .orderBy('t.created_at')
        .orderBy('t.id')
        .execute()
    );
  }

  /** Where a treating case is now: its open stay (bed) or the start of its home treatment. */
  async currentCare(db: Db, caseId: string) {
    const stay = await db
      .selectFrom('treatment_stays as s')
      .innerJoin('facilities as f', 'f.id', 's.facility_id')
      .select(['s.id', 's.facility_id', 's.bed_kind', 's.admitted_at', 'f.name as facility_name'])
      .where('s.case_id', '=', caseId)
      .where('s.discharged_at', 'is', null)
      .executeTakeFirst();
    const last = await db
      .selectFrom('case_status_transitions')
      .select('at')
      .where('case_id', '=', caseId)
      .where('to_status', '=', 'treating')
      .orderBy('at', 'desc')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return { stay, since: last?.at ?? null };
  }
}
