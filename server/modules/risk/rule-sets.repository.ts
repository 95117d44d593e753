import { sql } from 'kysely';
import { riskRuleSet, type RiskRuleSet } from '../../../core/schemas/risk-rule-set.ts';
import type { Db } from '../../db/database.ts';

export interface StoredRuleSet {
  definition: RiskRuleSet;
  preset: boolean;
  savedAt: Date;
  savedByName: string | null;
}

/** Risk rule sets as versioned rows: every save is a new version, never an overwrite. */
export class RuleSetsRepository {
  /** Writes each preset as version 1 when its code is absent, and the active rule set once. */
  async ensurePresets(db: Db, presets: readonly RiskRuleSet[], defaultActive: string): Promise<void> {
    await db
      .insertInto('risk_rule_sets')
      .values(presets.map((p) => ({ code: p.code, version: p.version, definition: JSON.stringify(p), preset: true })))
      .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
      .execute();
    await db
      .insertInto('risk_settings')
      .values({ active_rule_set: defaultActive, updated_by: null })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  /** The latest version of every rule set, or of one. */
  async latest(db: Db, code?: string): Promise<StoredRuleSet[]> {
    let q = db
      .selectFrom('risk_rule_sets as r')
      .leftJoin('users as u', 'u.id', 'r.saved_by')
      .select(['r.code', 'r.definition', 'r.preset', 'r.saved_at', 'u.full_name'])
      .distinctOn('r.code')
      .orderBy('r.code')
      .orderBy('r.version', 'desc');
    if (code !== undefined) q = q.where('r.code', '=', code);
    const rows = await q.execute();
    // A stored row is validated on the way out too: a hand-edited row must not mis-level a province silently.
    return rows.map((r) => ({
      definition: riskRuleSet.parse(r.definition),
      preset: r.preset,
      savedAt: r.saved_at,
      savedByName: r.full_name,
    }));
  }

  versions(db: Db, code: string) {
    return db
      .selectFrom('risk_rule_sets as r')
      .leftJoin('users as u', 'u.id', 'r.saved_by')
      .select(['r.version', 'r.saved_at', 'u.full_name'])
      .where('r.code', '=', code)
      .orderBy('r.version', 'desc')
      .execute();
  }

  /** A definition at a given version, for a decision that cites it. */
  async atVersion(db: Db, code: string, version: number): Promise<RiskRuleSet | null> {
    const row = await db
      .selectFrom('risk_rule_sets')
      .select('definition')
      .where('code', '=', code)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? riskRuleSet.parse(row.definition) : null;
  }

  /** Inserts the next version; the primary key refuses a concurrent save of the same version. */
  async insertVersion(db: Db, def: RiskRuleSet, savedBy: string | null): Promise<void> {
    await db
      .insertInto('risk_rule_sets')
      .values({
        code: def.code,
        version: def.version,
        definition: JSON.stringify(def),
        preset: false,
        saved_by: savedBy,
      })
      .execute();
  }

  /** Serialises saves of one rule set until the transaction ends, so two resends cannot both look new. */
  async lockCode(db: Db, code: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext(${`risk_rule_set:${code}`}))`.execute(db);
  }

  async maxVersion(db: Db, code: string): Promise<number> {
    const r = await sql<{
      v: number | null;
    }>`select max(version) as v from risk_rule_sets where code = ${code}`.execute(db);
    return r.rows[0]?.v ?? 0;
  }

  async activeCode(db: Db): Promise<string> {
    return (await db.selectFrom('risk_settings').select('active_rule_set').executeTakeFirstOrThrow()).active_rule_set;
  }

  async setActive(db: Db, code: string, by: string | null): Promise<void> {
    await db
      .updateTable('risk_settings')
      .set({ active_rule_set: code, updated_by: by, updated_at: new Date() })
      .execute();
  }
}
