import type { AuditAction } from '../../../core/audit-vocabulary.ts';
import { AppError, type Locale } from '../../../core/errors.ts';
import { diseaseProfile, type DiseaseProfile } from '../../../core/schemas/disease-profile.ts';
import type {
  IssueNationalDirectiveRequest,
  NationalDirectiveView,
} from '../../../core/schemas/federation-directives.ts';
import { riskRuleSet } from '../../../core/schemas/risk-rule-set.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.module.ts';
import type { RuleSetsService } from '../risk/rule-sets.service.ts';
import { nationalDirectiveMessages as messages } from './federation.messages.ts';
import { federationPolicy as policy } from './federation.policy.ts';
import type { NationalDirectiveRow } from './national-directives.repository.ts';

export type DirectiveRuleSets = Pick<RuleSetsService, 'atVersion' | 'save' | 'activate'>;
export type DirectiveDiseaseProfiles = Pick<DiseaseProfilesService, 'find' | 'save'>;

/** What a directive row carries besides its text: a rule-set version, or a disease-profile version. */
export interface DirectivePayload {
  rule_set: string | null;
  disease_profile: string | null;
}

/**
 * The versions a national directive carries (issue 21): a risk rule set or a disease profile, as
 * the hub holds it, checked when issued; read back for the views; adopted by a province through
 * the owning module's service (its numbering, its policy, its audit), never its tables.
 */
export class NationalDirectivePayloads {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrailService,
    private readonly ruleSets: DirectiveRuleSets,
    private readonly diseaseProfiles: DirectiveDiseaseProfiles,
  ) {}

  /** The version to send with a directive being issued on the hub, or a clear refusal. */
  async forIssue(req: IssueNationalDirectiveRequest, locale: Locale): Promise<DirectivePayload> {
    const m = messages[locale];
    if (req.kind === 'rule_set' && req.ruleSet) {
      const set = await this.ruleSets.atVersion(req.ruleSet.code, req.ruleSet.version);
      if (!set) throw invalid('ruleSet', m.noSuchRuleSet);
      return { rule_set: JSON.stringify(set), disease_profile: null };
    }
    if (req.kind === 'disease_profile' && req.diseaseProfile) {
      const { code, version } = req.diseaseProfile;
      let profile: DiseaseProfile | null;
      try {
        profile = await this.diseaseProfiles.find(this.db, code);
      } catch {
        // A stored profile that no longer passes validation (a hand-edited row): not sent.
        throw invalid('diseaseProfile', m.badProfile(code));
      }
      if (!profile) throw invalid('diseaseProfile', m.unknownDisease(code));
      // The disease-profiles module keeps one row per disease, its latest version: that is what can be sent.
      if (profile.version !== version) throw invalid('diseaseProfile', m.profileVersionGone(code, profile.version));
      return { rule_set: null, disease_profile: JSON.stringify(profile) };
    }
    return { rule_set: null, disease_profile: null };
  }

  /** What a view shows of the version a row carries, in the reader's language. */
  describe(r: NationalDirectiveRow, locale: Locale): Pick<NationalDirectiveView, 'ruleSet' | 'diseaseProfile'> {
    const set = r.rule_set ? riskRuleSet.safeParse(parsed(r.rule_set)) : null;
    const profile = r.disease_profile ? diseaseProfile.safeParse(parsed(r.disease_profile)) : null;
    return {
      ruleSet: set?.success ? { code: set.data.code, version: set.data.version, name: set.data.name[locale] } : null,
      diseaseProfile: profile?.success
        ? { code: profile.data.code, version: profile.data.version, name: profile.data.name[locale] }
        : null,
    };
  }

  /**
   * A province adopts the version a row carries: a rule set is saved as that rule set's next
   * version here and made active; a disease profile is saved as the next version of this
   * province's profile of that disease (the latest version is the one tracing uses).
   */
  async adopt(
    actor: Actor,
    row: NationalDirectiveRow,
    here: string,
  ): Promise<{ code: string; version: number; active: boolean }> {
    const m = messages[actor.locale];
    if (row.kind === 'rule_set') {
      if (!policy.adoptRuleSet(actor)) throw new AppError('FORBIDDEN');
      const set = riskRuleSet.safeParse(parsed(row.rule_set));
      if (!set.success) throw invalid('ruleSet', m.unreadableRuleSet);
      await this.ruleSets.save(actor, set.data.code, set.data);
      const detail = await this.ruleSets.activate(actor, set.data.code);
      await this.recordAdoption(actor, row, here, 'adopt_rule_set', {
        ruleSet: set.data.code,
        nationalVersion: set.data.version,
      });
      return { code: set.data.code, version: detail.version, active: detail.active };
    }
    if (row.kind === 'disease_profile') {
      if (!policy.adoptDiseaseProfile(actor)) throw new AppError('FORBIDDEN');
      const profile = diseaseProfile.safeParse(parsed(row.disease_profile));
      if (!profile.success) throw invalid('diseaseProfile', m.unreadableProfile);
      const saved = await this.diseaseProfiles.save(actor, profile.data.code, profile.data);
      await this.recordAdoption(actor, row, here, 'adopt_disease_profile', {
        diseaseProfile: saved.code,
        nationalVersion: profile.data.version,
        version: saved.version,
      });
      return { code: saved.code, version: saved.version, active: true };
    }
    throw new AppError('NOT_FOUND');
  }

  private async recordAdoption(
    actor: Actor,
    row: NationalDirectiveRow,
    here: string,
    action: Extract<AuditAction, 'adopt_rule_set' | 'adopt_disease_profile'>,
    after: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(this.db, actor, {
      action,
      entityType: 'national_directive',
      entityId: row.id,
      localityPath: `VN/${here}`,
      after,
    });
  }
}

/** jsonb comes back parsed from PostgreSQL, as text from some drivers. */
const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', [{ path, message }]);
}
