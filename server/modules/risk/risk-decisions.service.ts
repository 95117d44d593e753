import { AppError } from '../../../core/errors.ts';
import { applyConstraints } from '../../../core/rules/risk/evaluate.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { DecideLevelRequest, DecisionHistoryQuery, LevelDecisionView } from '../../../core/schemas/risk.ts';
import {
  LEVEL_DECISION_SYMBOL,
  type DecisionDraftQuery,
  type DecisionDraftView,
} from '../../../core/schemas/risk-decision-act.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { LocalityRow } from '../../db/schema.ts';
import { renderOfficialPdf } from '../../shared/official-document.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { decisionColumns } from './decisions.export.ts';
import { riskPolicy } from './risk.policy.ts';
import type { RiskRepository } from './risk.repository.ts';
import type { RiskService } from './risk.service.ts';
import type { RuleSetsService } from './rule-sets.service.ts';
import { toDecisionView } from './risk.presenter.ts';
import { levelDecisionDocument } from './level-decision-document.ts';

const text = {
  reasonNeeded: {
    vi: 'Quyết định khác cấp độ tính toán cần nêu lý do',
    en: 'A level other than the computed one needs a reason',
  },
  unknownLevel: { vi: 'Bộ quy tắc không có cấp độ này', en: 'The rule set has no such level' },
  signedInFuture: { vi: 'Ngày ký không được sau ngày hôm nay', en: 'The signing date cannot be after today' },
  tooEarly: {
    vi: 'Nâng cấp độ phải thông báo trước: hiệu lực sớm nhất lúc',
    en: 'A raise needs notice: it can take effect at the earliest at',
  },
} as const;

/** A level decision as other modules read it: where, which level, from when. */
export interface DecidedLevel {
  decisionId: string;
  localityCode: string;
  localityPath: string;
  levelKey: string;
  levelNumber: number;
  effectiveFrom: Date;
}

/** Told of a decision in the transaction that records it, so what follows it is queued exactly when it commits. */
export type LevelDecisionListener = (db: Db, decision: DecidedLevel) => Promise<void>;

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
    private readonly onDecided: LevelDecisionListener = async () => {},
  ) {}

  /** The decision in force for a locality at `at` (any rule set: the latest to take effect), if any. */
  async decidedAt(db: Db, localityCode: string, at: Date): Promise<DecidedLevel | undefined> {
    const row = await this.repo.latestInForce(db, localityCode, at);
    return row
      ? {
          decisionId: row.id,
          localityCode: row.locality_code,
          localityPath: row.locality_path,
          levelKey: row.level_key,
          levelNumber: row.level_number,
          effectiveFrom: new Date(row.effective_from),
        }
      : undefined;
  }

  /**
   * What the confirmation step shows before the act is recorded: the authority, the next number
   * of its register, the signer and province basis of its last decision, the legal bases and the
   * earliest effective moment. A refused lowering is refused here already.
   */
  async draft(actor: Actor, q: DecisionDraftQuery, now = new Date()): Promise<DecisionDraftView> {
    const a = await this.assess(actor, q, now);
    const previous = await this.repo.inForce(this.db, a.place.code, a.ruleSet.code, now);
    const { earliest } = this.constraintsOn(actor, a, previous?.level_key, now);
    const issuer = await this.issuerOf(a.place);
    const signedOn = vietnamToday(now);
    const year = Number(signedOn.slice(0, 4));
    const [proposedNumber, last] = await Promise.all([
      this.repo.nextSerial(this.db, issuer.code, year),
      this.repo.lastAct(this.db, issuer.code),
    ]);
    return {
      localityCode: a.place.code,
      localityName: a.place.full_name,
      issuerName: issuer.name,
      symbol: LEVEL_DECISION_SYMBOL,
      year,
      proposedNumber,
      signedOn,
      signerName: last?.signer_name ?? null,
      signerCapacity: last?.signer_capacity ?? null,
      localBasis: last?.local_basis ?? null,
      legalBases: ruleSetBases(a.ruleSet),
      computedLevel: a.evaluation.level.key,
      levelKey: a.level.key,
      kind: a.kind,
      previousLevel: previous?.level_key ?? a.evaluation.level.key,
      earliestEffectiveFrom: earliest.toISOString(),
    };
  }

  async decide(actor: Actor, req: DecideLevelRequest, now = new Date()): Promise<LevelDecisionView> {
    const place = await this.localities.findReadableOrThrow(actor, req.locality, this.db);
    if (!riskPolicy.decide(actor, place)) throw new AppError('FORBIDDEN');
    if (req.clientKey) {
      const first = await this.repo.byClientKey(this.db, req.clientKey);
      if (first) return this.resent(this.db, first, place.code);
    }
    const a = await this.assess(actor, req, now);
    const { ruleSet, evaluation, level, kind } = a;
    if (kind === 'override' && !req.reason)
      throw new AppError('VALIDATION_FAILED', [{ path: 'reason', message: text.reasonNeeded[actor.locale] }]);
    const signedOn = req.signedOn ?? vietnamToday(now);
    if (signedOn > vietnamToday(now))
      throw new AppError('VALIDATION_FAILED', [{ path: 'signedOn', message: text.signedInFuture[actor.locale] }]);
    const issuer = await this.issuerOf(place);
    const year = Number(signedOn.slice(0, 4));
    return this.db.transaction().execute(async (trx) => {
      await this.repo.lockRegister(trx, issuer.code, year);
      // The same form sent twice at once: the other submission, recorded while this one waited, stands.
      const first = req.clientKey ? await this.repo.byClientKey(trx, req.clientKey) : null;
      if (first) return this.resent(trx, first, place.code);
      const previous = await this.repo.inForce(trx, place.code, ruleSet.code, now);
      const { earliest } = this.constraintsOn(actor, a, previous?.level_key, now);
      const effectiveFrom = req.effectiveFrom ? new Date(req.effectiveFrom) : earliest;
      if (effectiveFrom < earliest) {
        throw new AppError('VALIDATION_FAILED', [
          { path: 'effectiveFrom', message: `${text.tooEarly[actor.locale]} ${earliest.toISOString()}` },
        ]);
      }
      const serial = req.documentNumber ?? (await this.repo.nextSerial(trx, issuer.code, year));
      const taken = await this.repo.byNumber(trx, issuer.code, year, serial);
      if (taken) {
        const next = await this.repo.nextSerial(trx, issuer.code, year);
        throw new AppError('CONFLICT', [
          {
            path: 'documentNumber',
            message: numberTaken(actor.locale, { serial, year, issuer: issuer.name, on: taken.signed_on, next }),
          },
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
        decided_by: recordedBy(actor),
        client_key: req.clientKey ?? null,
        issuer_code: issuer.code,
        issuer_name: issuer.name,
        document_year: year,
        document_serial: serial,
        document_symbol: LEVEL_DECISION_SYMBOL,
        signed_on: signedOn,
        signer_name: req.signerName,
        signer_capacity: req.signerCapacity,
        legal_bases: JSON.stringify(ruleSetBases(ruleSet)),
        local_basis: req.localBasis ?? null,
      });
      if (id === null) return this.resent(trx, (await this.repo.byClientKey(trx, req.clientKey!))!, place.code);
      await this.repo.applyDecisionsInForce(trx, now);
      await this.onDecided(trx, {
        decisionId: id,
        localityCode: place.code,
        localityPath: place.path,
        levelKey: level.key,
        levelNumber: level.number,
        effectiveFrom,
      });
      await this.audit.record(trx, actor, {
        action: kind,
        entityType: 'risk_level',
        entityId: id,
        localityCode: place.code,
        localityPath: place.path,
        before: previous ? { level: previous.level_key } : null,
        after: {
          level: level.key,
          computed: evaluation.level.key,
          effectiveFrom,
          reason: req.reason ?? null,
          number: `${serial}/${LEVEL_DECISION_SYMBOL}`,
          signedOn,
          signer: req.signerName,
        },
      });
      return toDecisionView((await this.repo.byId(trx, id))!);
    });
  }

  /** The decision's PDF: the act in the Decree 30 layout, as signed. */
  async decisionPdf(actor: Actor, id: string): Promise<{ filename: string; body: Buffer }> {
    if (!riskPolicy.read(actor)) throw new AppError('FORBIDDEN');
    const row = await this.repo.byId(this.db, id);
    if (!row) throw new AppError('NOT_FOUND');
    await this.localities.findReadableOrThrow(actor, row.locality_code, this.db);
    const [ruleSet, province] = await Promise.all([
      this.ruleSets.atVersion(row.rule_set_code, row.rule_set_version),
      this.localities.findByCode(this.db, row.issuer_code),
    ]);
    const body = await renderOfficialPdf(
      levelDecisionDocument({ row, ruleSet, provinceName: province?.name ?? row.issuer_code }),
    );
    return { filename: `quyet-dinh-${row.document_serial}-${row.document_year}-${row.locality_code}.pdf`, body };
  }

  /** The place, rule set, evaluation and level of a decision or its draft; unknown levels are refused. */
  private async assess(actor: Actor, q: { locality: string; ruleSet?: string; levelKey?: string }, now: Date) {
    const place = await this.localities.findReadableOrThrow(actor, q.locality, this.db);
    if (!riskPolicy.decide(actor, place)) throw new AppError('FORBIDDEN');
    const ruleSet = await this.ruleSets.resolve(actor, q.ruleSet);
    const evaluation = await this.risk.evaluate(actor, { locality: q.locality, ruleSet: ruleSet.code }, now);
    const levelKey = q.levelKey ?? evaluation.level.key;
    const level = ruleSet.levels.find((l) => l.key === levelKey);
    if (!level)
      throw new AppError('VALIDATION_FAILED', [{ path: 'levelKey', message: text.unknownLevel[actor.locale] }]);
    const kind: 'approve' | 'override' = levelKey === evaluation.level.key ? 'approve' : 'override';
    return { place, ruleSet, evaluation, level, kind };
  }

  /** A lowering refused while a constraint holds; otherwise the earliest effective moment (a raise's notice). */
  private constraintsOn(
    actor: Actor,
    a: Awaited<ReturnType<RiskDecisionsService['assess']>>,
    previousLevel: string | undefined,
    now: Date,
  ): { earliest: Date } {
    const check = applyConstraints(a.ruleSet, {
      // Without a decision yet, the level people live under is the computed one: a first
      // override above it is a raise and needs the notice like any other.
      previousLevel: previousLevel ?? a.evaluation.level.key,
      proposedLevel: a.level.key,
      indicators: a.evaluation.indicators.indicators,
      decidedAt: now,
    });
    if (check.loweringBlocked)
      throw new AppError(
        'CONFLICT',
        check.reasons.map((r) => ({ path: 'levelKey', message: r[actor.locale] })),
      );
    return { earliest: check.earliestEffectiveAt ?? now };
  }

  /** The issuing authority of a place's decisions: its province's People's Committee (Resolution 128, no districts since 2025). */
  private async issuerOf(place: LocalityRow): Promise<{ code: string; name: string }> {
    const code = place.path.split('/')[1] ?? place.code;
    const province = code === place.code ? place : await this.localities.findByCode(this.db, code);
    const name = province ? province.full_name.charAt(0).toLocaleLowerCase('vi') + province.full_name.slice(1) : code;
    return { code, name: `Ủy ban nhân dân ${name}` };
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
  async exportXlsx(actor: Actor, q: Omit<DecisionHistoryQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const pages = await allPages((after) => this.history(actor, { ...q, after, limit: 200 }));
    return sheetExport({
      filename: `quyet-dinh-cap-do-${q.locality}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Quyết định cấp độ' : 'Level decisions',
      locale: actor.locale,
      columns: decisionColumns(
        actor.locale,
        await this.ruleSets.levelNames(actor.locale),
        await this.localities.unitNamer(this.db, actor.locale),
      ),
      pages,
    });
  }

  /** The job that makes decided raises take effect once their notice has passed. */
  async applyDue(now = new Date()): Promise<number> {
    return this.repo.applyDecisionsInForce(this.db, now);
  }
}

/** The acts a rule set's decisions cite; its name when it lists none (rule sets saved before it could). */
function ruleSetBases(ruleSet: { legalBases?: string[] | undefined; name: { vi: string } }): string[] {
  return ruleSet.legalBases?.length ? ruleSet.legalBases : [ruleSet.name.vi];
}

function numberTaken(
  locale: 'vi' | 'en',
  o: { serial: number; year: number; issuer: string; on: string; next: number },
): string {
  const number = `${o.serial}/${LEVEL_DECISION_SYMBOL}`;
  const on = o.on.split('-').reverse().join('/');
  return locale === 'vi'
    ? `Số ${number} năm ${o.year} của ${o.issuer} đã được dùng cho quyết định ký ngày ${on}; số tiếp theo còn trống: ${o.next}`
    : `Number ${number} of ${o.year} of ${o.issuer} is already used by the decision signed on ${on}; the next free number is ${o.next}`;
}
