import { sql, type Insertable, type RawBuilder, type Selectable } from 'kysely';
import type { RiskLevelDecisionsTable } from '../../db/schema.ts';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import { microsecondKey } from '../../db/cursor-keys.ts';
import { decodeCursor } from '../../shared/cursor.ts';

/**
 * The decision in force at `at` of each locality the filter keeps: its latest effective decision.
 * The one definition the decisions, the map and the status table all read.
 */
export function decisionsInForceSql(
  at: Date,
  filter: RawBuilder<boolean>,
): RawBuilder<Selectable<RiskLevelDecisionsTable>> {
  return sql`
    select distinct on (d.locality_code) d.* from risk_level_decisions d
    where d.effective_from <= ${at} and ${filter}
    order by d.locality_code, d.effective_from desc, d.id desc`;
}

/** SQL of level decisions: the history of each locality and the status other modules read. */
export class RiskRepository {
  /** The decision in force at `at` for a locality under a rule set, if any. */
  async inForce(
    db: Db,
    localityCode: string,
    ruleSetCode: string,
    at: Date,
  ): Promise<Selectable<RiskLevelDecisionsTable> | undefined> {
    const r = await decisionsInForceSql(
      at,
      sql`d.locality_code = ${localityCode} and d.rule_set_code = ${ruleSetCode}`,
    ).execute(db);
    return r.rows[0];
  }

  /** The decision in force at `at` for a locality, whichever rule set it applied. */
  async latestInForce(
    db: Db,
    localityCode: string,
    at: Date,
  ): Promise<Selectable<RiskLevelDecisionsTable> | undefined> {
    const r = await decisionsInForceSql(at, sql`d.locality_code = ${localityCode}`).execute(db);
    return r.rows[0];
  }

  /** Inserts a decision; null when its client key was already used (the first submission's id is then `byClientKey`). */
  async insertDecision(db: Db, d: Insertable<RiskLevelDecisionsTable>): Promise<string | null> {
    const row = await db
      .insertInto('risk_level_decisions')
      .values(d)
      .onConflict((oc) => oc.column('client_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async byClientKey(db: Db, clientKey: string): Promise<string | null> {
    return (
      (await db.selectFrom('risk_level_decisions').select('id').where('client_key', '=', clientKey).executeTakeFirst())
        ?.id ?? null
    );
  }

  /**
   * Serialises numbering in one authority's register for a year until the transaction ends: the
   * proposed next number and the uniqueness check see every decision recorded before.
   */
  async lockRegister(db: Db, issuerCode: string, year: number): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext(${`risk_level_decisions:${issuerCode}:${year}`}))`.execute(db);
  }

  /** The next number after the highest of an authority's register for a year (1 for the first). */
  async nextSerial(db: Db, issuerCode: string, year: number): Promise<number> {
    const r = await db
      .selectFrom('risk_level_decisions')
      .select(sql<number>`coalesce(max(document_serial), 0) + 1`.as('next'))
      .where('issuer_code', '=', issuerCode)
      .where('document_year', '=', year)
      .executeTakeFirstOrThrow();
    return Number(r.next);
  }

  /** The decision that already has a number in an authority's register for a year, if any. */
  byNumber(db: Db, issuerCode: string, year: number, serial: number) {
    return db
      .selectFrom('risk_level_decisions')
      .select(['id', 'signed_on', 'locality_code'])
      .where('issuer_code', '=', issuerCode)
      .where('document_year', '=', year)
      .where('document_serial', '=', serial)
      .executeTakeFirst();
  }

  /** The signer and province basis of an authority's latest decision: proposed again for the next one. */
  lastAct(db: Db, issuerCode: string) {
    return db
      .selectFrom('risk_level_decisions')
      .select(['signer_name', 'signer_capacity', 'local_basis'])
      .where('issuer_code', '=', issuerCode)
      .orderBy('decided_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** One decision with its locality's and decider's names, as the history lists it. */
  byId(db: Db, id: string) {
    return this.rows(db).where('d.id', '=', id).executeTakeFirst();
  }

  /**
   * Every decision of a locality, or with `subtree` of every locality at or below it (a province's
   * register), newest first (keyset on decided_at, id).
   */
  history(db: Db, place: { code: string; path: string }, o: { subtree?: boolean; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = this.rows(db)
      .select(microsecondKey('d.decided_at').as('decided_key'))
      .where(o.subtree ? pathWithinSql('d.locality_path', place.path) : sql<boolean>`d.locality_code = ${place.code}`);
    if (cursor)
      q = q.where(sql<boolean>`(d.decided_at, d.id) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`);
    return q
      .orderBy('d.decided_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  private rows(db: Db) {
    return db
      .selectFrom('risk_level_decisions as d')
      .innerJoin('localities as l', 'l.code', 'd.locality_code')
      .leftJoin('users as u', 'u.id', 'd.decided_by')
      .selectAll('d')
      .select(['u.full_name as decided_by_name', 'l.full_name as locality_name']);
  }

  /**
   * The risk status other modules read (arrivals' flags, pool sizes): each locality's latest
   * decision already in force, on the 1–4 scale the status table keeps.
   */
  async applyDecisionsInForce(db: Db, at: Date): Promise<number> {
    const r = await sql`
      insert into locality_risk_status (code, level, updated_at)
      select d.locality_code, least(greatest(d.level_number, 1), 4), now()
      from (${decisionsInForceSql(at, sql`true`)}) d
      on conflict (code) do update set level = excluded.level, updated_at = now()
        where locality_risk_status.level is distinct from excluded.level`.execute(db);
    return Number(r.numAffectedRows ?? 0);
  }
}

export type DecisionRow = NonNullable<Awaited<ReturnType<RiskRepository['byId']>>>;
