import { AppError } from '../../../core/errors.ts';
import {
  articleOn,
  checkFine,
  formatVnd,
  type ViolationArticle,
  type ViolationSubject,
} from '../../../core/rules/inspections/decree-117.ts';
import { foldVietnamese } from '../../../core/rules/person-keys.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  FineInput,
  ListViolationsQuery,
  ViolationRequest,
  ViolationView,
} from '../../../core/schemas/inspections.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { inScope, recordedBy, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { InspectionAccess } from './inspections.access.ts';
import { violationColumns } from './inspections.export.ts';
import { inspectionMessages as messages } from './inspections.messages.ts';
import { inspectionsPolicy as policy, type PlanRelation } from './inspections.policy.ts';
import { toViolationView } from './inspections.presenter.ts';
import type { InspectionsRepository } from './inspections.repository.ts';
import type { ArticleRecord, ViolationRecord, ViolationsRepository } from './violations.repository.ts';

export interface ViolationsDeps {
  db: Db;
  repo: ViolationsRepository;
  inspections: InspectionsRepository;
  access: InspectionAccess;
  localities: LocalitiesService;
  people: InspectedPeople;
  clock?: () => Date;
}

/** The people registry's lookup a person's record needs (the people module's service). */
export interface InspectedPeople {
  findById(
    db: Db,
    id: string,
  ): Promise<{ id: string; id_number: string | null; locality_path: string | null } | undefined>;
}

/** A person's record shows at most this many of their violations, newest first. */
const PERSON_VIOLATIONS = 100;

const asArticle = (a: ArticleRecord): ViolationArticle => ({
  code: a.code,
  version: a.version,
  title: a.title as ViolationArticle['title'],
  individualMinVnd: a.individual_min_vnd,
  individualMaxVnd: a.individual_max_vnd,
  effectiveFrom: a.effective_from,
  effectiveTo: a.effective_to,
  remedy: a.remedy as ViolationArticle['remedy'],
});

/**
 * Violations under Decree 117/2020 (issue 17): recorded at a visit against an individual or an
 * organisation, citing the article version in force on the day; a fine decided inside the range for
 * the subject (an organisation's is twice an individual's), remedies, payment deadline and status;
 * earlier violations of the same subject shown beside each.
 */
export class ViolationsService {
  constructor(private readonly d: ViolationsDeps) {}

  private today(): string {
    return vietnamToday(this.d.clock ? this.d.clock() : new Date());
  }

  /** The catalogue's range on a date (the CLI's `violations range`). */
  async range(code: string, subject: ViolationSubject, on: string) {
    const catalogue = (await this.d.repo.articles(this.d.db)).map(asArticle);
    const a = articleOn(catalogue, code, on);
    if (!a) return { article: code, minVnd: null, maxVnd: null, inForce: false };
    const factor = subject === 'organisation' ? 2 : 1;
    return { article: code, minVnd: a.individualMinVnd * factor, maxVnd: a.individualMaxVnd * factor, inForce: true };
  }

  async record(actor: Actor, req: ViolationRequest): Promise<{ created: boolean; view: ViolationView }> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const { visit, relation } = await this.d.access.readableVisit(trx, actor, req.visitKey);
      const resent = await this.d.repo.violationByClientKey(trx, req.clientKey);
      if (resent) {
        if (resent.visit_id !== visit.id)
          throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherViolation }]);
        return { created: false, view: await this.view(trx, actor, resent.id) };
      }
      if (!policy.record(relation)) throw new AppError('FORBIDDEN', [{ path: 'visitKey', message: m.notOnTeam }]);
      if (req.committedOn > this.today())
        throw new AppError('VALIDATION_FAILED', [{ path: 'committedOn', message: m.inFuture }]);
      const article = await this.articleOrRefuse(trx, actor, req.articleCode, req.committedOn, 'articleCode');
      if (req.fine) this.checkFineOrRefuse(actor, article, req.subject.kind, req.committedOn, req.fine, 'fine');
      const organisationId =
        req.subject.kind === 'organisation' ? (req.subject.organisationId ?? visit.organisation_id) : null;
      const id = await this.d.repo.insertViolation(trx, {
        client_key: req.clientKey,
        visit_id: visit.id,
        item_key: req.itemKey ?? null,
        article_id: article.id,
        subject_kind: req.subject.kind,
        subject_name: req.subject.name,
        subject_document: req.subject.document ?? null,
        organisation_id: organisationId,
        // The same subject again: an organisation by its record, a person by document (else folded name).
        subject_key: organisationId
          ? `org:${organisationId}`
          : `${req.subject.kind}:${req.subject.document ?? foldVietnamese(req.subject.name)}`,
        committed_on: req.committedOn,
        description: req.description,
        unit_id: visit.unit_id,
        locality_path: visit.locality_path,
        province_code: visit.province_code,
        created_by: recordedBy(actor),
        ...(req.fine ? this.fineColumns(req.fine) : {}),
      });
      await this.audit(trx, actor, 'record_violation', id, visit.locality_path, {
        article: req.articleCode,
        subject: req.subject.kind,
        fineVnd: req.fine?.amountVnd ?? null,
      });
      return { created: true, view: await this.view(trx, actor, id) };
    });
  }

  async decide(actor: Actor, id: string, fine: FineInput): Promise<ViolationView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const { v, relation } = await this.readable(trx, actor, id);
      if (!policy.decide(relation)) throw new AppError('FORBIDDEN', [{ path: 'id', message: m.notOnTeam }]);
      if (v.final) throw new AppError('CONFLICT', [{ path: 'id', message: m.finalLocked }]);
      const article = await this.articleOrRefuse(trx, actor, v.article_code, v.committed_on, 'id');
      this.checkFineOrRefuse(actor, article, v.subject_kind, v.committed_on, fine, '');
      await this.d.repo.updateViolation(trx, id, this.fineColumns(fine));
      await this.audit(trx, actor, 'decide_fine', id, v.locality_path, { fineVnd: fine.amountVnd, final: fine.final });
      return this.view(trx, actor, id);
    });
  }

  async pay(actor: Actor, id: string, paidOn: string): Promise<ViolationView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const { v, relation } = await this.readable(trx, actor, id);
      if (!policy.decide(relation)) throw new AppError('FORBIDDEN', [{ path: 'id', message: m.notOnTeam }]);
      if (!v.decided_on) throw new AppError('CONFLICT', [{ path: 'id', message: m.notDecided }]);
      if (paidOn < v.decided_on || paidOn > this.today())
        throw new AppError('VALIDATION_FAILED', [{ path: 'paidOn', message: m.paidBeforeDecision }]);
      await this.d.repo.updateViolation(trx, id, { paid_on: paidOn });
      await this.audit(trx, actor, 'record_payment', id, v.locality_path, { paidOn });
      return this.view(trx, actor, id);
    });
  }

  /** An individual is published only under a recorded legal decision, and only as far as it allows. */
  async decidePublication(
    actor: Actor,
    id: string,
    req: { decision: string; namesSubject: boolean },
  ): Promise<ViolationView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const { v, relation } = await this.readable(trx, actor, id);
      if (!policy.decidePublication(relation))
        throw new AppError('FORBIDDEN', [{ path: 'id', message: m.notUnitOfficer }]);
      if (v.subject_kind !== 'individual') throw new AppError('CONFLICT', [{ path: 'id', message: m.notIndividual }]);
      await this.d.repo.updateViolation(trx, id, {
        publication_decision: req.decision,
        publication_names_subject: req.namesSubject,
      });
      await this.audit(trx, actor, 'decide_publication', id, v.locality_path, req);
      return this.view(trx, actor, id);
    });
  }

  async list(actor: Actor, q: ListViolationsQuery): Promise<Page<ViolationView>> {
    const visibility = await this.d.access.visibility(this.d.db, actor);
    const within = await this.d.localities.listScope(actor, q.locality, this.d.db);
    // Officials list an area (the filter, or theirs); inspectors and organisations what they are on
    // or inspected in, wherever it is, narrowed only by a filter they ask for.
    const localityPath = q.locality || visibility.withinPath !== null ? within : undefined;
    const rows = await this.d.repo.listViolations(this.d.db, { ...visibility, ...q, localityPath });
    const page = toPage(rows, q.limit, (r) => [r.committed_on, r.id]);
    // Violations are personal data when the subject is a person: the list is a logged read.
    await this.d.access.record(this.d.db, actor, {
      action: 'read_list',
      entityType: 'violation_record',
      entityId: null,
      localityPath: localityPath ?? actor.scope.path,
      after: {
        shown: page.items.length,
        individuals: page.items.filter((r) => r.subject_kind === 'individual').length,
      },
    });
    const today = this.today();
    return { items: page.items.map((r) => toViolationView(r, actor.locale, today)), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListViolationsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const pages = await allPages((after) => this.list(actor, { ...q, after, limit: 500 }));
    return sheetExport({
      filename: `vi-pham-hanh-chinh-${this.today()}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Vi phạm' : 'Violations',
      locale: actor.locale,
      columns: violationColumns(),
      pages,
    });
  }

  // --- helpers -------------------------------------------------------------------------------

  private fineColumns(f: FineInput) {
    return {
      decision_number: f.decisionNumber ?? null,
      decided_on: f.decidedOn,
      fine_vnd: f.amountVnd,
      remedies: f.remedies ?? null,
      payment_due_on: f.paymentDueOn,
      final: f.final,
    };
  }

  private async articleOrRefuse(db: Db, actor: Actor, code: string, on: string, path: string): Promise<ArticleRecord> {
    const rows = await this.d.repo.articles(db);
    const a = articleOn(rows.map(asArticle), code, on);
    const row = a && rows.find((r) => r.code === a.code && r.version === a.version);
    if (!row) throw new AppError('VALIDATION_FAILED', [{ path, message: messages[actor.locale].articleNotInForce }]);
    return row;
  }

  private checkFineOrRefuse(
    actor: Actor,
    a: ArticleRecord,
    subject: ViolationSubject,
    on: string,
    f: FineInput,
    at: string,
  ) {
    const m = messages[actor.locale];
    const p = (k: string) => (at ? `${at}.${k}` : k);
    if (f.decidedOn < on)
      throw new AppError('VALIDATION_FAILED', [{ path: p('decidedOn'), message: m.decidedBeforeViolation }]);
    if (f.decidedOn > this.today())
      throw new AppError('VALIDATION_FAILED', [{ path: p('decidedOn'), message: m.inFuture }]);
    if (f.paymentDueOn < f.decidedOn)
      throw new AppError('VALIDATION_FAILED', [{ path: p('paymentDueOn'), message: m.paymentBeforeDecision }]);
    const check = checkFine(asArticle(a), subject, on, f.amountVnd);
    if (check.ok) return;
    const message =
      check.reason === 'not_in_force'
        ? m.articleNotInForce
        : m.fineOutOfRange(
            formatVnd(check.minVnd),
            formatVnd(check.maxVnd),
            subject === 'organisation' ? m.subjectOrganisation : m.subjectIndividual,
          );
    throw new AppError('VALIDATION_FAILED', [{ path: p('amountVnd'), message }]);
  }

  private async readable(db: Db, actor: Actor, id: string): Promise<{ v: ViolationRecord; relation: PlanRelation }> {
    const v = await this.d.repo.findViolation(db, id);
    if (!v || !v.visit_id) throw new AppError('NOT_FOUND');
    const { relation } = await this.d.access.readableVisit(db, actor, v.visit_id);
    return { v, relation };
  }

  /**
   * A person's violations on their record, for officials of the person's area only, each read
   * written to the person's access log. Matched by their document (how an individual's violation
   * names them); only those recorded within the official's own area are shown.
   */
  async ofPerson(actor: Actor, personId: string): Promise<{ items: ViolationView[] }> {
    if (!policy.isOfficial(actor)) throw new AppError('FORBIDDEN');
    const db = this.d.db;
    const person = await this.d.people.findById(db, personId);
    if (!person || person.locality_path === null || !inScope(actor, person.locality_path))
      throw new AppError('NOT_FOUND');
    const rows = person.id_number
      ? await this.d.repo.idsBySubject(db, `individual:${person.id_number}`, PERSON_VIOLATIONS)
      : [];
    const items = [];
    for (const r of rows.filter((r) => inScope(actor, r.locality_path))) items.push(await this.view(db, actor, r.id));
    await this.d.access.record(db, actor, {
      action: 'read',
      entityType: 'person',
      entityId: personId,
      localityPath: person.locality_path,
      after: { violations: items.length },
      subjectIds: [personId],
    });
    return { items };
  }

  private async view(db: Db, actor: Actor, id: string): Promise<ViolationView> {
    return toViolationView((await this.d.repo.findViolation(db, id))!, actor.locale, this.today());
  }

  private audit(
    db: Db,
    actor: Actor,
    action: 'record_violation' | 'decide_fine' | 'record_payment' | 'decide_publication',
    id: string,
    path: string,
    after: unknown,
  ) {
    return this.d.access.record(db, actor, {
      action,
      entityType: 'violation_record',
      entityId: id,
      localityPath: path,
      after,
    });
  }
}
