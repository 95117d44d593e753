import { AppError } from '../../../core/errors.ts';
import { applyConstraints } from '../../../core/rules/risk/evaluate.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { DecideLevelRequest, DecisionHistoryQuery, LevelDecisionView } from '../../../core/schemas/risk.ts';
import type { Db } from '../../db/database.ts';
import { isSystemActor, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, streamXlsx, type XlsxExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { decisionColumns } from './decisions.export.ts';
import { riskPolicy } from './risk.policy.ts';
import type { RiskRepository } from './risk.repository.ts';
import type { RiskService } from './risk.service.ts';
import type { RuleSetsService } from './rule-sets.service.ts';
import { toDecisionView } from './risk.presenter.ts';

const text = {
  reasonNeeded: {
    vi: 'Quyết định khác cấp độ tính toán cần nêu lý do',
    en: 'A level other than the computed one needs a reason',
  },
  unknownLevel: { vi: 'Bộ quy tắc không có cấp độ này', en: 'The rule set has no such level' },
  tooEarly: {
    vi: 'Nâng cấp độ phải thông báo trước: hiệu lực sớm nhất lúc',
    en: 'A raise needs notice: it can take effect at the earliest at',
  },
} as const;

/**
 * Level decisions: approve the computed level or override it with a reason, from an effective
 * moment. A raise takes effect after the rule set's notice (48 h under Resolution 128); a lowering
 * is refused while a constraint holds (treatment capacity not shown to be met). Every decision is
 * kept; the status other modules read follows the decisions in force.
 */
export class RiskDecisionsService {
  constructor(
    private readonly db: Db,
    private readonly repo: RiskRepository,
    private readonly risk: RiskService,
    private readonly ruleSets: RuleSetsService,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  async decide(actor: Actor, req: DecideLevelRequest, now = new Date()): Promise<LevelDecisionView> {
    const place = await this.localities.findReadableOrThrow(actor, req.locality, this.db);
    if (!riskPolicy.decide(actor, place)) throw new AppError('FORBIDDEN');
    if (req.clientKey) {
      const first = await this.repo.byClientKey(this.db, req.clientKey);
      if (first) return this.resent(this.db, first, place.code);
    }
    const ruleSet = await this.ruleSets.resolve(actor, req.ruleSet);
    const evaluation = await this.risk.evaluate(actor, { locality: req.locality, ruleSet: ruleSet.code }, now);
    const levelKey = req.levelKey ?? evaluation.level.key;
    const level = ruleSet.levels.find((l) => l.key === levelKey);
    if (!level)
      throw new AppError('VALIDATION_FAILED', [{ path: 'levelKey', message: text.unknownLevel[actor.locale] }]);
    const kind = levelKey === evaluation.level.key ? 'approve' : 'override';
    if (kind === 'override' && !req.reason)
      throw new AppError('VALIDATION_FAILED', [{ path: 'reason', message: text.reasonNeeded[actor.locale] }]);
    return this.db.transaction().execute(async (trx) => {
      const previous = await this.repo.inForce(trx, place.code, ruleSet.code, now);
      const check = applyConstraints(ruleSet, {
        // Without a decision yet, the level people live under is the computed one: a first
        // override above it is a raise and needs the notice like any other.
        previousLevel: previous?.level_key ?? evaluation.level.key,
        proposedLevel: levelKey,
        indicators: evaluation.indicators.indicators,
        decidedAt: now,
      });
      if (check.loweringBlocked)
        throw new AppError(
          'CONFLICT',
          check.reasons.map((r) => ({ path: 'levelKey', message: r[actor.locale] })),
        );
      const earliest = check.earliestEffectiveAt ?? now;
      const effectiveFrom = req.effectiveFrom ? new Date(req.effectiveFrom) : earliest;
      if (effectiveFrom < earliest) {
        throw new AppError('VALIDATION_FAILED', [
          { path: 'effectiveFrom', message: `${text.tooEarly[actor.locale]} ${earliest.toISOString()}` },
        ]);
      }
      const id = await this.repo.insertDecision(trx, {
        locality_code: place.code,
        locality_path: place.path,
        rule_set_code: ruleSet.code,
        rule_set_version: ruleSet.version,
        computed_level: evaluation.level.key,
        level_key: level.key,
        level_number: level.number,
        kind,
        reason: req.reason ?? null,
        indicators: JSON.stringify(evaluation.indicators.indicators),
        effective_from: effectiveFrom,
        decided_by: isSystemActor(actor) ? null : actor.userId,
        client_key: req.clientKey ?? null,
      });
      // The same form sent twice at once: the other submission's decision stands.
      if (id === null) return this.resent(trx, (await this.repo.byClientKey(trx, req.clientKey!))!, place.code);
      await this.repo.applyDecisionsInForce(trx, now);
      await this.audit.record(trx, actor, {
        action: kind,
        entityType: 'risk_level',
        entityId: id,
        localityCode: place.code,
        localityPath: place.path,
        before: previous ? { level: previous.level_key } : null,
        after: { level: level.key, computed: evaluation.level.key, effectiveFrom, reason: req.reason ?? null },
      });
      return toDecisionView((await this.repo.byId(trx, id))!);
    });
  }

  /** The decision a client key already recorded, if it is about the same place (keys are per form, never shared). */
  private async resent(db: Db, id: string, localityCode: string): Promise<LevelDecisionView> {
    const row = (await this.repo.byId(db, id))!;
    if (row.locality_code !== localityCode) throw new AppError('CONFLICT');
    return toDecisionView(row);
  }

  async history(
    actor: Actor,
    q: Omit<DecisionHistoryQuery, 'limit'> & { limit: number },
  ): Promise<Page<LevelDecisionView>> {
    if (!riskPolicy.read(actor)) throw new AppError('FORBIDDEN');
    const place = await this.localities.findReadableOrThrow(actor, q.locality, this.db);
    const rows = await this.repo.history(this.db, place, q);
    const page = toPage(rows, q.limit, (r) => [r.decided_key, r.id]);
    return { items: page.items.map(toDecisionView), nextCursor: page.nextCursor };
  }

  /** The history or register of `history`, every page, as Excel. */
  async exportXlsx(actor: Actor, q: Omit<DecisionHistoryQuery, 'after' | 'limit'>): Promise<XlsxExport> {
    const pages = await allPages((after) => this.history(actor, { ...q, after, limit: 200 }));
    return streamXlsx({
      filename: `quyet-dinh-cap-do-${q.locality}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Quyết định cấp độ' : 'Level decisions',
      locale: actor.locale,
      columns: decisionColumns(actor.locale, await this.ruleSets.levelNames(actor.locale)),
      pages,
    });
  }

  /** The job that makes decided raises take effect once their notice has passed. */
  async applyDue(now = new Date()): Promise<number> {
    return this.repo.applyDecisionsInForce(this.db, now);
  }
}
