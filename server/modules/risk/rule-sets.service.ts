import { isDeepStrictEqual } from 'node:util';
import { AppError, type Locale } from '../../../core/errors.ts';
import type { RuleSetDetail, RuleSetSummary } from '../../../core/schemas/risk-admin.ts';
import type { RiskRuleSet } from '../../../core/schemas/risk-rule-set.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import { riskPolicy } from './risk.policy.ts';
import type { RuleSetsRepository, StoredRuleSet } from './rule-sets.repository.ts';

const text = {
  unknown: { vi: 'Không có bộ quy tắc này', en: 'No such rule set' },
  codeMismatch: {
    vi: 'Mã trong nội dung phải trùng mã bộ quy tắc',
    en: 'The code in the definition must match the rule set code',
  },
} as const;

/**
 * Rule sets are data an administrator edits: each save is a new version (decisions cite the
 * version they applied), and one rule set is active for the map, the public page and the jobs.
 */
export class RuleSetsService {
  constructor(
    private readonly db: Db,
    private readonly repo: RuleSetsRepository,
    private readonly audit: AuditTrailService,
  ) {}

  /** Writes the preset rule sets not stored yet and activates `defaultActive` when none is (platform start). */
  ensurePresets(db: Db, presets: readonly RiskRuleSet[], defaultActive: string): Promise<void> {
    return this.repo.ensurePresets(db, presets, defaultActive);
  }

  /** The definition to apply: the one asked for, or the active one. Unknown codes are a 400 on `field`. */
  async resolve(actor: Actor, code: string | undefined, field = 'ruleSet'): Promise<RiskRuleSet> {
    if (code === undefined) return this.active(this.db);
    const found = (await this.repo.latest(this.db, code))[0];
    if (!found) throw new AppError('VALIDATION_FAILED', [{ path: field, message: text.unknown[actor.locale] }]);
    return found.definition;
  }

  /** The latest version of the active rule set: what the map, the public page and the jobs apply. */
  async active(db: Db): Promise<RiskRuleSet> {
    const found = (await this.repo.latest(db, await this.repo.activeCode(db)))[0];
    // Activation checks the rule set exists and versions are never deleted, so this is a broken database.
    if (!found) throw new Error('the active risk rule set has no stored version');
    return found.definition;
  }

  /** Level names by rule set code and level key, from each rule set's latest version (exports). */
  async levelNames(locale: Locale): Promise<(ruleSet: string, levelKey: string) => string> {
    const names = new Map<string, string>();
    for (const r of await this.repo.latest(this.db)) {
      for (const l of r.definition.levels) names.set(`${r.definition.code}/${l.key}`, l.name[locale] || l.name.vi);
    }
    return (ruleSet, levelKey) => names.get(`${ruleSet}/${levelKey}`) ?? levelKey;
  }

  /** A rule set as it was at a version (the one a past decision applied). */
  atVersion(code: string, version: number): Promise<RiskRuleSet | null> {
    return this.repo.atVersion(this.db, code, version);
  }

  async list(actor: Actor): Promise<{ items: RuleSetSummary[] }> {
    if (!riskPolicy.read(actor)) throw new AppError('FORBIDDEN');
    const [rows, active] = await Promise.all([this.repo.latest(this.db), this.repo.activeCode(this.db)]);
    return { items: rows.map((r) => summary(r, active)) };
  }

  get(actor: Actor, code: string): Promise<RuleSetDetail> {
    return this.detail(this.db, actor, code);
  }

  /** A rule set with its versions, read with the caller's handle (inside the save's transaction, or not). */
  private async detail(db: Db, actor: Actor, code: string): Promise<RuleSetDetail> {
    if (!riskPolicy.read(actor)) throw new AppError('FORBIDDEN');
    const found = (await this.repo.latest(db, code))[0];
    if (!found) throw new AppError('NOT_FOUND');
    const [active, versions] = await Promise.all([this.repo.activeCode(db), this.repo.versions(db, code)]);
    return {
      ...summary(found, active),
      definition: found.definition,
      versions: versions.map((v) => ({
        version: v.version,
        updatedAt: v.saved_at.toISOString(),
        updatedByName: v.full_name,
      })),
    };
  }

  /**
   * Saves the definition as the next version of `code` (a new code starts at 1). The same
   * definition as the latest version (a resend) saves nothing and answers with that version.
   */
  async save(actor: Actor, code: string, definition: RiskRuleSet): Promise<RuleSetDetail> {
    if (!riskPolicy.administer(actor)) throw new AppError('FORBIDDEN');
    if (definition.code !== code)
      throw new AppError('VALIDATION_FAILED', [{ path: 'definition.code', message: text.codeMismatch[actor.locale] }]);
    return this.db.transaction().execute(async (trx) => {
      await this.repo.lockCode(trx, code);
      const latest = (await this.repo.latest(trx, code))[0];
      if (latest && isDeepStrictEqual({ ...latest.definition, version: 0 }, { ...definition, version: 0 }))
        return this.detail(trx, actor, code);
      const previous = await this.repo.maxVersion(trx, code);
      const saved = { ...definition, version: previous + 1 };
      await this.repo.insertVersion(trx, saved, recordedBy(actor));
      await this.audit.record(trx, actor, {
        action: 'save_rule_set',
        entityType: 'risk_rule_set',
        entityId: code,
        localityCode: null,
        localityPath: null,
        before: previous ? { version: previous } : null,
        after: { version: saved.version },
      });
      return this.detail(trx, actor, code);
    });
  }

  async activate(actor: Actor, code: string): Promise<RuleSetDetail> {
    if (!riskPolicy.administer(actor)) throw new AppError('FORBIDDEN');
    return this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.latest(trx, code))[0]) throw new AppError('NOT_FOUND');
      const before = await this.repo.activeCode(trx);
      await this.repo.setActive(trx, code, recordedBy(actor));
      await this.audit.record(trx, actor, {
        action: 'activate_rule_set',
        entityType: 'risk_rule_set',
        entityId: code,
        localityCode: null,
        localityPath: null,
        before: { active: before },
        after: { active: code },
      });
      return this.detail(trx, actor, code);
    });
  }
}

function summary(r: StoredRuleSet, active: string): RuleSetSummary {
  return {
    code: r.definition.code,
    version: r.definition.version,
    name: r.definition.name,
    active: r.definition.code === active,
    preset: r.preset,
    updatedAt: r.savedAt.toISOString(),
    updatedByName: r.savedByName,
  };
}
