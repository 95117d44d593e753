import { AppError, type ErrorDetail, type Locale } from '../../../core/errors.ts';
import { labColumns, parseLabResult } from '../../../core/rules/lab-results.ts';
import type { CaseView, CreateCaseRequest } from '../../../core/schemas/cases.ts';
import type { Page } from '../../../core/schemas/common.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type {
  CaseProposalView,
  CreateOrderRequest,
  OrderView,
  PoolResultsRequest,
  RecordSampleRequest,
  ResultsOutcome,
  SampleResultsRequest,
  SampleView,
} from '../../../core/schemas/testing.ts';
import type { Db } from '../../db/database.ts';
import type { TestResult } from '../../db/schema.ts';
import { boundFacilities, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import { readTable, type Table } from '../../shared/tabular-file.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { PeopleRegistryService } from '../people/people.module.ts';
import type { CampaignsRepository } from './campaigns.repository.ts';
import { testingMessages as m } from './testing.messages.ts';
import { orderColumns, proposalColumns } from './testing.export.ts';
import { testingPolicy } from './testing.policy.ts';
import type { NewOrder, OrderStatus, TestingRepository } from './testing.repository.ts';
import { toOrderView, toSampleView, toProposalView } from './testing.presenter.ts';

type OrdersQuery = {
  locality?: string;
  status?: OrderStatus;
  reason?: OrderView['reason'];
  dueBy?: string;
  after?: string;
  limit: number;
};
type ProposalsQuery = { locality?: string; status: 'open' | 'accepted' | 'dismissed'; after?: string; limit: number };

export interface TestingDeps {
  db: Db;
  testing: TestingRepository;
  campaigns: CampaignsRepository;
  registry: PeopleRegistryService;
  localities: LocalitiesService;
  /** Registers a case as an official would (`server/commands/register-case.ts`), for an accepted proposal. */
  registerCase: (actor: Actor, req: CreateCaseRequest) => Promise<CaseView>;
  audit: AuditTrailService;
}

/** Orders, samples and results, individual or pooled; a positive RT-PCR proposes a case. */
export class TestingService {
  constructor(private readonly d: TestingDeps) {}

  /** Inserts test orders inside the caller's transaction (a quarantine plan's scheduled tests); answers their ids. */
  orderTests(db: Db, orders: readonly NewOrder[]): Promise<string[]> {
    return this.d.testing.insertOrders(db, orders);
  }

  /** Each person's latest sample day (Viet Nam), for a screening rule's next due date; people never sampled are absent. */
  async lastSampleDays(db: Db, personIds: readonly string[]): Promise<Map<string, string>> {
    return new Map((await this.d.testing.lastSampleDays(db, personIds)).map((r) => [r.person_id, r.day]));
  }

  private async scopeOf(
    actor: Actor,
    locality: string | undefined,
    allowed = testingPolicy.list(actor),
  ): Promise<string> {
    if (!allowed) throw new AppError('FORBIDDEN');
    return locality ? (await this.d.localities.findReadableOrThrow(actor, locality, this.d.db)).path : actor.scope.path;
  }

  /** Where the person stays in quarantine now (facility staff order and sample for these people only). */
  private async personTest(db: Db, person: { id: string; locality_path: string | null }) {
    return {
      locality_path: person.locality_path ?? '',
      facility_ids: await this.d.testing.stayFacilitiesOf(db, person.id),
    };
  }

  async createOrder(actor: Actor, req: CreateOrderRequest): Promise<OrderView> {
    if (!testingPolicy.test(actor)) throw new AppError('FORBIDDEN');
    return this.d.db.transaction().execute(async (trx) => {
      const person = await this.d.registry.resolve(trx, actor, req.subject, 'subject');
      const path = person.localityPath ?? actor.scope.path;
      if (!testingPolicy.testAt(actor, await this.personTest(trx, { id: person.id, locality_path: path })))
        throw new AppError('NOT_FOUND');
      const [id] = await this.d.testing.insertOrders(trx, [
        { personId: person.id, reason: req.reason, testKind: req.testKind, dueOn: req.dueOn, localityPath: path },
      ]);
      const created = (await this.d.testing.findOrder(trx, id!))!;
      await this.d.audit.record(trx, actor, {
        action: 'create',
        entityType: 'test_order',
        entityId: created.id,
        localityPath: path,
      });
      return toOrderView(created);
    });
  }

  async listOrders(actor: Actor, q: OrdersQuery): Promise<Page<OrderView>> {
    const within = await this.scopeOf(actor, q.locality);
    const page = await this.ordersPage(actor, within, q);
    await this.d.audit.record(this.d.db, actor, {
      action: 'read_list',
      entityType: 'test_order',
      entityId: null,
      localityPath: within,
      subjectIds: page.items.map((o) => o.personId),
    });
    return page;
  }

  private async ordersPage(actor: Actor, within: string, q: OrdersQuery): Promise<Page<OrderView>> {
    const rows = await this.d.testing.listOrders(this.d.db, { ...q, within, facilityIds: boundFacilities(actor) });
    const page = toPage(rows, q.limit, (r) => [r.due_on, r.id]);
    return { items: page.items.map(toOrderView), nextCursor: page.nextCursor };
  }

  async exportOrders(actor: Actor, q: Omit<OrdersQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const within = await this.scopeOf(actor, q.locality);
    const log = await this.d.audit.exportLog(
      this.d.db,
      actor,
      { entityType: 'test_order', entityId: null, localityPath: within },
      (o: OrderView) => o.personId,
    );
    return sheetExport({
      filename: 'chi-dinh-xet-nghiem.xlsx',
      sheetName: actor.locale === 'vi' ? 'Chỉ định xét nghiệm' : 'Test orders',
      locale: actor.locale,
      columns: orderColumns(actor.locale),
      pages: await allPages((after) => this.ordersPage(actor, within, { ...q, after, limit: 500 }), log),
    });
  }

  /** Records a sample taken for an order (or from a person directly). A sample code is used once. */
  async recordSample(actor: Actor, req: RecordSampleRequest): Promise<SampleView> {
    if (!testingPolicy.test(actor)) throw new AppError('FORBIDDEN');
    return this.d.db.transaction().execute(async (trx) => {
      const order = req.orderId ? await this.d.testing.findOrder(trx, req.orderId) : undefined;
      if (req.orderId && (!order || !testingPolicy.testAt(actor, order))) throw new AppError('NOT_FOUND');
      const person = order ? null : await this.d.registry.findById(trx, req.personId!);
      if (
        !order &&
        (!person || !person.locality_path || !testingPolicy.testAt(actor, await this.personTest(trx, person)))
      )
        throw new AppError('NOT_FOUND');
      if ((await this.d.testing.sampleCodesTaken(trx, [req.code])).length)
        throw new AppError('CONFLICT', [{ path: 'code', message: m.codeTaken[actor.locale] }]);
      await this.d.testing.insertSamples(trx, [
        {
          code: req.code,
          personId: order?.person_id ?? person!.id,
          orderId: order?.id ?? null,
          campaignId: order?.pool_campaign_id ?? null,
          poolId: null,
          kind: req.kind,
          collectedAt: new Date(req.collectedAt),
          collectedBy: req.collectedBy ?? null,
          lab: req.lab ?? null,
          localityPath: order?.locality_path ?? person!.locality_path!,
        },
      ]);
      const sample = (await this.d.testing.findSample(trx, req.code))!;
      await this.d.audit.record(trx, actor, {
        action: 'record_sample',
        entityType: 'sample',
        entityId: sample.id,
        localityPath: sample.locality_path,
      });
      return toSampleView(sample);
    });
  }

  /** Individual results. Every code must be a sample of the actor's area, or nothing is written. */
  async sampleResults(actor: Actor, req: SampleResultsRequest): Promise<ResultsOutcome> {
    if (!testingPolicy.test(actor)) throw new AppError('FORBIDDEN');
    return this.d.db.transaction().execute(async (trx) => {
      const unknown = await this.d.testing.unknownSampleCodes(
        trx,
        req.items.map((i) => i.code),
        actor.scope.path,
        boundFacilities(actor),
      );
      const errors = duplicatesAndUnknown(
        req.items.map((i) => i.code),
        unknown,
        actor.locale,
        m.unknownSample,
      );
      if (errors.length) throw new AppError('IMPORT_INVALID', errors);
      const r = await this.d.testing.applySampleResults(trx, req.items);
      await this.d.audit.record(trx, actor, {
        action: 'record_results',
        entityType: 'sample',
        entityId: null,
        localityPath: actor.scope.path,
        after: r,
      });
      return { updated: r.updated, positives: r.positives, retestOrders: 0, caseProposals: r.proposals, errors: [] };
    });
  }

  /** Pool results; positive and failed pools order individual re-tests of their members for today. */
  async poolResults(actor: Actor, req: PoolResultsRequest, now = new Date()): Promise<ResultsOutcome> {
    if (!testingPolicy.enterPoolResults(actor)) throw new AppError('FORBIDDEN');
    return this.d.db.transaction().execute(async (trx) => {
      const unknown = await this.d.testing.unknownPoolCodes(
        trx,
        req.items.map((i) => i.code),
        actor.scope.path,
      );
      const errors = duplicatesAndUnknown(
        req.items.map((i) => i.code),
        unknown,
        actor.locale,
        m.unknownPool,
      );
      if (errors.length) throw new AppError('IMPORT_INVALID', errors);
      const r = await this.d.testing.applyPoolResults(trx, req.items, vietnamToday(now));
      await this.d.audit.record(trx, actor, {
        action: 'record_pool_results',
        entityType: 'test_pool',
        entityId: null,
        localityPath: actor.scope.path,
        after: r,
      });
      return { updated: r.updated, positives: r.positives, retestOrders: r.retests, caseProposals: 0, errors: [] };
    });
  }

  /** A lab's sheet (.xlsx or .csv): code and result columns, Vietnamese or English headers and words. */
  async importResults(
    actor: Actor,
    kind: 'samples' | 'pools',
    body: Buffer,
    contentType: string,
  ): Promise<ResultsOutcome> {
    const items = resultRows(await readTable(body, contentType), actor.locale);
    return kind === 'samples' ? this.sampleResults(actor, { items }) : this.poolResults(actor, { items });
  }

  async getSample(actor: Actor, code: string): Promise<SampleView> {
    const s = await this.d.testing.findSample(this.d.db, code);
    if (!s || !testingPolicy.read(actor, s)) throw new AppError('NOT_FOUND');
    await this.d.audit.record(this.d.db, actor, {
      action: 'read',
      entityType: 'sample',
      entityId: s.id,
      localityPath: s.locality_path,
      subjectIds: [s.person_id],
    });
    return toSampleView(s);
  }

  async listProposals(actor: Actor, q: ProposalsQuery): Promise<Page<CaseProposalView>> {
    const within = await this.scopeOf(actor, q.locality, testingPolicy.listProposals(actor));
    const page = await this.proposalsPage(within, q);
    await this.d.audit.record(this.d.db, actor, {
      action: 'read_list',
      entityType: 'case_proposal',
      entityId: null,
      localityPath: within,
      subjectIds: page.items.map((p) => p.personId),
    });
    return page;
  }

  private async proposalsPage(within: string, q: ProposalsQuery): Promise<Page<CaseProposalView>> {
    const rows = await this.d.campaigns.listProposals(this.d.db, { ...q, within });
    const page = toPage(rows, q.limit, (r) => [r.created_key, r.id]);
    return { items: page.items.map(toProposalView), nextCursor: page.nextCursor };
  }

  async exportProposals(actor: Actor, q: Omit<ProposalsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const within = await this.scopeOf(actor, q.locality, testingPolicy.listProposals(actor));
    const log = await this.d.audit.exportLog(
      this.d.db,
      actor,
      { entityType: 'case_proposal', entityId: null, localityPath: within },
      (p: CaseProposalView) => p.personId,
    );
    return sheetExport({
      filename: 'de-xuat-ca-benh.xlsx',
      sheetName: actor.locale === 'vi' ? 'Đề xuất ca bệnh' : 'Case proposals',
      locale: actor.locale,
      columns: proposalColumns(actor.locale),
      pages: await allPages((after) => this.proposalsPage(within, { ...q, after, limit: 500 }), log),
    });
  }

  /**
   * Accepts a positive result as a case: registered like any case (F0, QR red, tracing starts), with
   * the sample's date; found in quarantine when the person was in an active quarantine stay.
   */
  async acceptProposal(actor: Actor, id: string): Promise<CaseProposalView> {
    const p = await this.d.campaigns.findProposal(this.d.db, id);
    if (!p || !testingPolicy.readProposal(actor, p)) throw new AppError('NOT_FOUND');
    if (!testingPolicy.decideProposal(actor, p)) throw new AppError('FORBIDDEN');
    if (p.status !== 'open') throw new AppError('CONFLICT');
    const sampledOn = vietnamToday(p.collected_at);
    // The proposal's id is the case's submission key: accepting twice (two officials, a double click) makes one case.
    const created = await this.d.registerCase(actor, {
      clientKey: p.id,
      subject: { personId: p.person_id },
      sampleDate: sampledOn,
      confirmedDate: vietnamToday(p.resulted_at ?? new Date()),
      classification: p.in_quarantine ? 'in_quarantine' : 'community',
      sourceCaseIds: [],
    });
    if (
      await this.d.campaigns.decideProposal(this.d.db, id, {
        status: 'accepted',
        caseId: created.id,
        decidedBy: actor.userId,
      })
    ) {
      await this.d.audit.record(this.d.db, actor, {
        action: 'accept',
        entityType: 'case_proposal',
        entityId: id,
        localityPath: p.locality_path,
        after: { caseId: created.id },
      });
    }
    return toProposalView((await this.d.campaigns.findProposal(this.d.db, id))!);
  }

  async dismissProposal(actor: Actor, id: string): Promise<CaseProposalView> {
    return this.d.db.transaction().execute(async (trx) => {
      const p = await this.d.campaigns.findProposal(trx, id);
      if (!p || !testingPolicy.readProposal(actor, p)) throw new AppError('NOT_FOUND');
      if (!testingPolicy.decideProposal(actor, p)) throw new AppError('FORBIDDEN');
      if (
        !(await this.d.campaigns.decideProposal(trx, id, {
          status: 'dismissed',
          caseId: null,
          decidedBy: actor.userId,
        }))
      )
        throw new AppError('CONFLICT');
      await this.d.audit.record(trx, actor, {
        action: 'dismiss',
        entityType: 'case_proposal',
        entityId: id,
        localityPath: p.locality_path,
      });
      return toProposalView((await this.d.campaigns.findProposal(trx, id))!);
    });
  }
}

function duplicatesAndUnknown(
  codes: readonly string[],
  unknown: Set<string>,
  locale: Locale,
  unknownText: Record<Locale, string>,
): ErrorDetail[] {
  const seen = new Set<string>();
  const errors: ErrorDetail[] = [];
  codes.forEach((code, i) => {
    if (unknown.has(code)) errors.push({ path: `items.${i}.code`, message: `${unknownText[locale]}: ${code}` });
    else if (seen.has(code)) errors.push({ path: `items.${i}.code`, message: `${m.duplicateCode[locale]}: ${code}` });
    seen.add(code);
  });
  return errors;
}

function resultRows(table: Table, locale: Locale): { code: string; result: TestResult; ctValue?: number }[] {
  const col = (names: readonly string[]) => table.header.findIndex((h) => names.includes(h));
  const [code, result, ct] = [col(labColumns.code), col(labColumns.result), col(labColumns.ct)];
  if (code < 0 || result < 0)
    throw new AppError('IMPORT_INVALID', [{ path: 'file', message: m.missingColumns[locale] }]);
  const errors: ErrorDetail[] = [];
  const items = table.rows.map((r) => {
    const value = parseLabResult(r.cells[result] ?? '');
    const ctValue = ct >= 0 && r.cells[ct] ? Number(r.cells[ct]!.replace(',', '.')) : undefined;
    if (!value)
      errors.push({ path: `row:${r.rowNumber}`, message: `${m.badResult[locale]}: "${r.cells[result] ?? ''}"` });
    if (ctValue !== undefined && !Number.isFinite(ctValue))
      errors.push({ path: `row:${r.rowNumber}`, message: m.badCt[locale] });
    return {
      code: (r.cells[code] ?? '').trim(),
      result: value ?? 'invalid',
      ...(ctValue !== undefined && Number.isFinite(ctValue) ? { ctValue } : {}),
    };
  });
  if (items.length === 0) errors.push({ path: 'file', message: m.empty[locale] });
  if (errors.length) throw new AppError('IMPORT_INVALID', errors);
  return items;
}
