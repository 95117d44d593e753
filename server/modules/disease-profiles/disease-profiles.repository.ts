import { AppError } from '../../../core/errors.ts';
import { diseaseProfile, type DiseaseProfile } from '../../../core/schemas/disease-profile.ts';
import type { Db } from '../../db/database.ts';

/** Disease profiles are data: presets are written once, then edited rows are never overwritten. */
export class DiseaseProfilesRepository {
  async ensurePresets(db: Db, presets: readonly DiseaseProfile[]): Promise<void> {
    await db
      .insertInto('disease_profiles')
      .values(presets.map((p) => ({ code: p.code, profile: JSON.stringify(p), version: p.version })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }

  async list(db: Db): Promise<DiseaseProfile[]> {
    const rows = await db.selectFrom('disease_profiles').select('profile').orderBy('code').execute();
    return rows.map((r) => diseaseProfile.parse(r.profile));
  }

  async exists(db: Db, code: string): Promise<boolean> {
    return (
      (await db.selectFrom('disease_profiles').select('code').where('code', '=', code).executeTakeFirst()) !== undefined
    );
  }

  /** Saves a new version of a profile (or a new profile); the caller has validated it. */
  async save(db: Db, p: DiseaseProfile): Promise<void> {
    await db
      .insertInto('disease_profiles')
      .values({ code: p.code, profile: JSON.stringify(p), version: p.version })
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({ profile: JSON.stringify(p), version: p.version, updated_at: new Date() }),
      )
      .execute();
  }

  async find(db: Db, code: string): Promise<DiseaseProfile | null> {
    const row = await db.selectFrom('disease_profiles').select('profile').where('code', '=', code).executeTakeFirst();
    return row ? diseaseProfile.parse(row.profile) : null;
  }

  /** A stored profile is validated on the way out too: a hand-edited row must not break tracing silently. */
  async getOrThrow(db: Db, code: string): Promise<DiseaseProfile> {
    const row = await db.selectFrom('disease_profiles').select('profile').where('code', '=', code).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', [], `disease profile ${code}`);
    return diseaseProfile.parse(row.profile);
  }
}
