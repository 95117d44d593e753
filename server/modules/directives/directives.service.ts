import { AppError, type Locale } from '../../../core/errors.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  AcknowledgeRequest,
  DirectiveSummaryView,
  DirectiveView,
  IssueDirectiveRequest,
  ListDirectivesQuery,
  NewTaskRequest,
  TaskProgressRequest,
} from '../../../core/schemas/directives.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { isSystemActor, recordedBy, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { UnitRecord, UnitsService } from '../units/units.module.ts';
import type { DirectiveReminders } from './directive-reminders.ts';
import { directiveColumns } from './directives.export.ts';
import { directiveKindLabels, directiveMessages as messages } from './directives.messages.ts';
import { directivesPolicy as policy, type DirectiveRelation } from './directives.policy.ts';
import { toDirectiveSummary, toDirectiveView } from './directives.presenter.ts';
import type { DirectiveRecord, DirectivesRepository } from './directives.repository.ts';
import type { TaskEvidenceRepository } from './task-evidence.repository.ts';

export interface DirectivesDeps {
  db: Db;
  repo: DirectivesRepository;
  units: UnitsService;
  notifications: NotificationsService;
  audit: AuditTrailService;
  reminders: DirectiveReminders;
  evidence: TaskEvidenceRepository;
  /** Now (a test clock); the wall clock when absent. */
  clock?: () => Date;
}

const PDF_MAGIC = Buffer.from('%PDF-');
type DirectiveAuditAction =
  | `${'issue' | 'acknowledge'}_directive`
  | 'assign_task'
  | 'report_task_progress'
  | 'attach_document'
  | `${'attach' | 'read'}_task_evidence`;

/**
 * Directives (issue 16): a unit records a directive for the units below it, with tasks; the
 * recipients are notified, acknowledge it and report on their tasks; the issuer follows it up.
 */
export class DirectivesService {
  constructor(private readonly d: DirectivesDeps) {}

  private now(): Date {
    return this.d.clock ? this.d.clock() : new Date();
  }

  private today(): string {
    return vietnamToday(this.now());
  }

  private by(actor: Actor): string | null {
    return recordedBy(actor);
  }

  async list(actor: Actor, q: ListDirectivesQuery): Promise<Page<DirectiveSummaryView>> {
    const mine = await this.d.units.unitIdsOf(this.d.db, actor.userId);
    if (!policy.list(actor, mine.length)) throw new AppError('FORBIDDEN');
    // A unit's officer sees what their units (and those below) issued or received, wherever the issuer sits.
    const below = policy.listWholeArea(actor) ? [] : await this.d.units.subordinatesOf(this.d.db, mine);
    const rows = await this.d.repo.list(this.d.db, {
      withinPath: policy.listWholeArea(actor) ? actor.scope.path : null,
      unitIds: policy.listWholeArea(actor) ? null : [...mine, ...below.map((u) => u.id)],
      q: q.q,
      kind: q.kind,
      issuer: q.issuer,
      recipient: q.recipient,
      pending: q.pending,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.issued_on, r.id]);
    return { items: page.items.map((r) => toDirectiveSummary(r, actor.locale)), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListDirectivesQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const mine = await this.d.units.unitIdsOf(this.d.db, actor.userId);
    if (!policy.list(actor, mine.length)) throw new AppError('FORBIDDEN');
    const summaries = await allPages((after) => this.list(actor, { ...q, after, limit: 500 }));
    return sheetExport({
      filename: `van-ban-chi-dao-${this.today()}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Văn bản chỉ đạo' : 'Directives',
      locale: actor.locale,
      columns: directiveColumns((k) => directiveKindLabels[k][actor.locale]),
      pages: summaries,
    });
  }

  async get(actor: Actor, id: string): Promise<DirectiveView> {
    const d = await this.d.repo.findById(this.d.db, id);
    if (!d) throw new AppError('NOT_FOUND');
    const { relation, mine } = await this.relationOf(this.d.db, actor, d);
    if (!policy.read(relation)) throw new AppError('NOT_FOUND');
    return this.view(this.d.db, actor, d, relation, mine);
  }

  /**
   * Records a directive, its recipients and tasks in one transaction, and notifies the recipients'
   * officers. A resend (client key) answers the directive recorded the first time.
   */
  async issue(actor: Actor, req: IssueDirectiveRequest): Promise<DirectiveView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const resent = await this.d.repo.findByClientKey(trx, req.clientKey);
      if (resent) {
        if (resent.issuer_unit_id !== req.issuerUnitId)
          throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherDirective }]);
        return this.viewById(trx, actor, resent.id);
      }
      const issuer = await this.d.units.findById(trx, req.issuerUnitId);
      if (!issuer || !issuer.active) throw new AppError('NOT_FOUND');
      if (!isSystemActor(actor) && !(await this.d.units.isOfficer(trx, actor.userId, issuer.id)))
        throw new AppError('FORBIDDEN', [{ path: 'issuerUnitId', message: m.notIssuerOfficer }]);
      if (req.issuedOn > this.today())
        throw new AppError('VALIDATION_FAILED', [{ path: 'issuedOn', message: m.issuedInFuture }]);
      const recipients = [...new Set(req.recipientUnitIds)];
      const below = new Set((await this.d.units.subordinatesOf(trx, [issuer.id])).map((u) => u.id));
      const problems = [
        ...recipients.flatMap((u, i) =>
          below.has(u) ? [] : [{ path: `recipientUnitIds.${i}`, message: m.notSubordinate }],
        ),
        ...req.tasks.flatMap((t, i) => [
          ...(recipients.includes(t.unitId) ? [] : [{ path: `tasks.${i}.unitId`, message: m.taskUnitNotRecipient }]),
          ...(t.dueOn < req.issuedOn ? [{ path: `tasks.${i}.dueOn`, message: m.dueBeforeIssued }] : []),
        ]),
      ];
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems);
      if (await this.d.repo.findDuplicate(trx, issuer.id, req.numberSymbol, req.issuedOn))
        throw new AppError('CONFLICT', [{ path: 'numberSymbol', message: m.duplicateNumber }]);
      const id = await this.d.repo.insert(trx, {
        client_key: req.clientKey,
        number_symbol: req.numberSymbol,
        issued_on: req.issuedOn,
        issuer_unit_id: issuer.id,
        kind: req.kind,
        summary: req.summary,
        legal_references: JSON.stringify(req.legalReferences),
        locality_path: issuer.locality_path,
        province_code: issuer.province_code,
        created_by: this.by(actor),
      });
      await this.d.repo.addRecipients(trx, id, recipients);
      for (const t of req.tasks)
        await this.d.repo.insertTask(trx, {
          directive_id: id,
          unit_id: t.unitId,
          title: t.title,
          due_on: t.dueOn,
          created_by: this.by(actor),
        });
      await this.audit(trx, actor, 'issue_directive', issuer, id, {
        numberSymbol: req.numberSymbol,
        issuedOn: req.issuedOn,
        kind: req.kind,
        recipients: recipients.length,
        tasks: req.tasks.length,
      });
      const officers = await this.d.units.officersOf(trx, recipients);
      await this.d.notifications.notify(
        trx,
        officers.map((o) => o.user_id),
        {
          kind: 'directive_received',
          key: `directive_received:${id}`,
          title: {
            vi: `Văn bản chỉ đạo mới: ${req.numberSymbol}`,
            en: `New directive: ${req.numberSymbol}`,
          },
          body: {
            vi: `${issuer.name} gửi ${directiveKindLabels[req.kind].vi.toLowerCase()} số ${req.numberSymbol}: ${req.summary}. Đề nghị xác nhận đã nhận.`,
            en: `${issuer.name_en} sent ${directiveKindLabels[req.kind].en.toLowerCase()} ${req.numberSymbol}: ${req.summary}. Please acknowledge it.`,
          },
          link: `/directives/${id}`,
        },
      );
      await this.scheduleReminders(trx, id);
      return this.viewById(trx, actor, id);
    });
  }

  /** A recipient unit's officer acknowledges; again changes nothing (the first acknowledgement stands). */
  async acknowledge(actor: Actor, id: string, req: AcknowledgeRequest): Promise<DirectiveView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const d = await this.readable(trx, actor, id);
      if (!isSystemActor(actor) && !(await this.d.units.isOfficer(trx, actor.userId, req.unitId)))
        throw new AppError('FORBIDDEN', [{ path: 'unitId', message: m.notOfficer }]);
      const recipients = await this.d.repo.recipients(trx, id);
      if (!recipients.some((r) => r.id === req.unitId))
        throw new AppError('FORBIDDEN', [{ path: 'unitId', message: m.notRecipient }]);
      if (await this.d.repo.acknowledge(trx, id, req.unitId, this.by(actor), this.now())) {
        const unit = (await this.d.units.findById(trx, req.unitId))!;
        await this.audit(trx, actor, 'acknowledge_directive', unit, id, { unitId: unit.id, unit: unit.code });
      }
      return this.viewById(trx, actor, d.id);
    });
  }

  /** The issuer assigns another task to a recipient unit. */
  async addTask(actor: Actor, id: string, req: NewTaskRequest): Promise<DirectiveView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const d = await this.readable(trx, actor, id);
      const { relation } = await this.relationOf(trx, actor, d);
      if (!policy.manage(relation)) throw new AppError('FORBIDDEN', [{ path: 'id', message: m.notIssuerOfficer }]);
      const recipients = await this.d.repo.recipients(trx, id);
      if (!recipients.some((r) => r.id === req.unitId))
        throw new AppError('VALIDATION_FAILED', [{ path: 'unitId', message: m.taskUnitNotRecipient }]);
      if (req.dueOn < d.issued_on)
        throw new AppError('VALIDATION_FAILED', [{ path: 'dueOn', message: m.dueBeforeIssued }]);
      const taskId = await this.d.repo.insertTask(trx, {
        directive_id: id,
        unit_id: req.unitId,
        title: req.title,
        due_on: req.dueOn,
        created_by: this.by(actor),
      });
      await this.audit(trx, actor, 'assign_task', d, id, { taskId, unitId: req.unitId, dueOn: req.dueOn });
      await this.scheduleReminders(trx, id);
      return this.viewById(trx, actor, id);
    });
  }

  /** The task's unit reports progress; a resend (client key) records one report. */
  reportProgress(actor: Actor, id: string, taskId: string, req: TaskProgressRequest): Promise<DirectiveView> {
    return this.d.db.transaction().execute((trx) => this.reportProgressIn(trx, actor, id, taskId, req));
  }

  /** `reportProgress` in the caller's transaction (a weekly report that states task progress). */
  async reportProgressIn(trx: Db, actor: Actor, id: string, taskId: string, req: TaskProgressRequest) {
    const m = messages[actor.locale];
    await this.readable(trx, actor, id);
    const task = await this.d.repo.findTask(trx, id, taskId);
    if (!task) throw new AppError('NOT_FOUND');
    const resent = await this.d.repo.progressByClientKey(trx, req.clientKey);
    if (resent) {
      if (resent.task_id !== taskId) throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherTask }]);
      return this.viewById(trx, actor, id);
    }
    if (!isSystemActor(actor) && !(await this.d.units.isOfficer(trx, actor.userId, task.unit_id)))
      throw new AppError('FORBIDDEN', [{ path: 'taskId', message: m.notOfficer }]);
    const progressId = await this.d.repo.insertProgress(trx, {
      client_key: req.clientKey,
      task_id: taskId,
      status: req.status,
      note: req.note || null,
      evidence: req.evidence || null,
      reported_by: this.by(actor),
      // The service's clock, like the deadlines it is compared with (a test clock in tests).
      reported_at: this.now(),
    });
    const unit = (await this.d.units.findById(trx, task.unit_id))!;
    await this.audit(trx, actor, 'report_task_progress', unit, id, { taskId, progressId, status: req.status });
    return this.viewById(trx, actor, id);
  }

  /** The issuer attaches the text of the directive (a PDF); a new upload replaces it. */
  async attachDocument(actor: Actor, id: string, body: Buffer, contentType: string): Promise<DirectiveView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const d = await this.readable(trx, actor, id);
      const { relation } = await this.relationOf(trx, actor, d);
      if (!policy.manage(relation)) throw new AppError('FORBIDDEN', [{ path: 'id', message: m.notIssuerOfficer }]);
      if (
        !contentType.startsWith('application/pdf') ||
        !Buffer.isBuffer(body) ||
        !body.subarray(0, 5).equals(PDF_MAGIC)
      )
        throw new AppError('VALIDATION_FAILED', [{ path: 'body', message: m.notPdf }]);
      const filename = `${d.number_symbol.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf`;
      await this.d.repo.putDocument(trx, { directive_id: id, filename, body, uploaded_by: this.by(actor) });
      await this.audit(trx, actor, 'attach_document', d, id, { bytes: body.length });
      return this.viewById(trx, actor, id);
    });
  }

  async document(actor: Actor, id: string): Promise<{ filename: string; body: Buffer }> {
    await this.readable(this.d.db, actor, id);
    const file = await this.d.repo.document(this.d.db, id);
    if (!file) throw new AppError('NOT_FOUND');
    return file;
  }

  // --- helpers -------------------------------------------------------------------------------

  /** Reminders of the recipients not acknowledged and the tasks not done (scheduled once per key). */
  private async scheduleReminders(db: Db, id: string): Promise<void> {
    const d = (await this.d.repo.findById(db, id))!;
    const recipients = await this.d.repo.recipients(db, id);
    const officers = await this.d.units.officersOf(db, [d.issuer_unit_id, ...recipients.map((r) => r.id)]);
    const of = (unitId: string) => officers.filter((o) => o.unit_id === unitId).map((o) => o.user_id);
    const issuer = of(d.issuer_unit_id);
    for (const r of recipients.filter((x) => !x.acknowledged_at))
      await this.d.reminders.unacknowledged(
        db,
        { directiveId: id, numberSymbol: d.number_symbol, issuedOn: d.issued_on, unitId: r.id, unitName: r.name },
        { unit: of(r.id), issuer },
        this.now(),
      );
    for (const t of await this.d.repo.tasks(db, id))
      await this.d.reminders.overdue(
        db,
        { directiveId: id, numberSymbol: d.number_symbol, taskId: t.id, title: t.title, dueOn: t.due_on },
        [...of(t.unit_id), ...issuer],
        this.now(),
      );
  }

  private async readable(db: Db, actor: Actor, id: string): Promise<DirectiveRecord> {
    return (await this.accessOf(db, actor, id)).directive;
  }

  /** A directive the actor may read and what they are to it (task evidence); NOT_FOUND otherwise. */
  async accessOf(
    db: Db,
    actor: Actor,
    id: string,
  ): Promise<{ directive: DirectiveRecord; relation: DirectiveRelation }> {
    const directive = await this.d.repo.findById(db, id);
    if (!directive) throw new AppError('NOT_FOUND');
    const { relation } = await this.relationOf(db, actor, directive);
    if (!policy.read(relation)) throw new AppError('NOT_FOUND');
    return { directive, relation };
  }

  private async relationOf(db: Db, actor: Actor, d: DirectiveRecord) {
    const mine = new Set(await this.d.units.unitIdsOf(db, actor.userId));
    const recipients = await this.d.repo.recipients(db, d.id);
    const relation = policy.relation(
      actor,
      d,
      mine.has(d.issuer_unit_id),
      await this.d.units.isReviewer(db, actor.userId, d.issuer_unit_id),
      recipients.filter((r) => mine.has(r.id)).map((r) => r.id),
    );
    return { relation, mine };
  }

  private async viewById(db: Db, actor: Actor, id: string): Promise<DirectiveView> {
    const d = (await this.d.repo.findById(db, id))!;
    const { relation, mine } = await this.relationOf(db, actor, d);
    return this.view(db, actor, d, relation, mine);
  }

  private async view(
    db: Db,
    actor: Actor,
    d: DirectiveRecord,
    relation: DirectiveRelation,
    mine: ReadonlySet<string>,
  ): Promise<DirectiveView> {
    const recipients = await this.d.repo.recipients(db, d.id);
    const tasks = await this.d.repo.tasks(db, d.id);
    const progress = await this.d.repo.progress(
      db,
      tasks.map((t) => t.id),
    );
    const seen = tasks.filter((t) => policy.readEvidence(relation, t.unit_id)).map((t) => t.id);
    return toDirectiveView(d, {
      recipients,
      tasks,
      progress,
      evidence: await this.d.evidence.ofTasks(db, seen),
      myUnitIds: mine,
      isIssuer: relation.issuer,
      today: this.today(),
      locale: actor.locale as Locale,
    });
  }

  audit(
    db: Db,
    actor: Actor,
    action: DirectiveAuditAction,
    place: Pick<UnitRecord, 'locality_code' | 'locality_path'> | Pick<DirectiveRecord, 'locality_path'>,
    directiveId: string,
    after: Record<string, unknown>,
  ) {
    const path = place.locality_path;
    return this.d.audit.record(db, actor, {
      action,
      entityType: 'directive',
      entityId: directiveId,
      localityCode: 'locality_code' in place ? place.locality_code : path.split('/').at(-1)!,
      localityPath: path,
      after,
    });
  }
}
