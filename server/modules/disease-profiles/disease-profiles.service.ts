import { AppError } from '../../../core/errors.ts';
import type { DiseaseProfile } from '../../../core/schemas/disease-profile.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import { diseaseProfileMessages as m } from './disease-profiles.messages.ts';
import { diseaseProfilesPolicy } from './disease-profiles.policy.ts';
import type { DiseaseProfilesRepository } from './disease-profiles.repository.ts';

export interface DiseaseProfileSummary {
  code: string;
  name: DiseaseProfile['name'];
  version: number;
  expandLevels: number;
}

/**
 * Disease profiles (exposure windows, contact rules, follow-up plans): read by cases, tracing,
 * quarantine, the line list and the risk dashboard, edited by system administrators.
 */
export class DiseaseProfilesService {
  constructor(
    private readonly db: Db,
    private readonly profiles: DiseaseProfilesRepository,
    private readonly audit: AuditTrailService,
  ) {}

  /** Writes the presets that are not stored yet; edited profiles are never overwritten (platform start). */
  ensurePresets(db: Db, presets: readonly DiseaseProfile[]): Promise<void> {
    return this.profiles.ensurePresets(db, presets);
  }

  exists(db: Db, code: string): Promise<boolean> {
    return this.profiles.exists(db, code);
  }

  find(db: Db, code: string): Promise<DiseaseProfile | null> {
    return this.profiles.find(db, code);
  }

  /** The profile a case is traced under; a missing one is an internal error, not a user's. */
  getOrThrow(db: Db, code: string): Promise<DiseaseProfile> {
    return this.profiles.getOrThrow(db, code);
  }

  async list(actor: Actor): Promise<DiseaseProfileSummary[]> {
    if (!diseaseProfilesPolicy.read(actor)) throw new AppError('FORBIDDEN');
    return (await this.profiles.list(this.db)).map((p) => ({
      code: p.code,
      name: p.name,
      version: p.version,
      expandLevels: p.expandLevels,
    }));
  }

  async get(actor: Actor, code: string): Promise<DiseaseProfile> {
    if (!diseaseProfilesPolicy.read(actor)) throw new AppError('FORBIDDEN');
    const p = await this.profiles.find(this.db, code);
    if (!p) throw new AppError('NOT_FOUND');
    return p;
  }

  /**
   * Saves a profile edited by an administrator as its next version. Cases keep their profile code,
   * so a change applies to tracing runs from now on; the audit keeps both versions.
   */
  async save(actor: Actor, code: string, edited: DiseaseProfile): Promise<DiseaseProfile> {
    if (!diseaseProfilesPolicy.edit(actor)) throw new AppError('FORBIDDEN');
    if (edited.code !== code)
      throw new AppError('VALIDATION_FAILED', [{ path: 'code', message: m.codeMismatch[actor.locale] }]);
    return this.db.transaction().execute(async (trx) => {
      const before = await this.profiles.find(trx, code);
      const next = { ...edited, version: (before?.version ?? 0) + 1 };
      await this.profiles.save(trx, next);
      await this.audit.record(trx, actor, {
        action: before ? 'update' : 'create',
        entityType: 'disease_profile',
        entityId: code,
        before,
        after: next,
      });
      return next;
    });
  }
}
