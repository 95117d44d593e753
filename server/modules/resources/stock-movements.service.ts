import { AppError } from '../../../core/errors.ts';
import { itemCatalogue, unitOfMeasureLabels, type ItemCode } from '../../../core/rules/resources/catalogue.ts';
import { allocateFefo, CONSUMPTION_WINDOW_DAYS, lotStanding } from '../../../core/rules/resources/stock.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  AdjustmentRequest,
  IssueRequest,
  LedgerQuery,
  ListStoresQuery,
  MinimumRequest,
  MovementResult,
  MovementView,
  NewStoreRequest,
  ReceiptRequest,
  StockLineView,
  StoreStockView,
  StoreView,
  TransferRequest,
} from '../../../core/schemas/resources.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { StockRequestKind } from '../../db/schema-resources.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import type { AuditAction } from '../../../core/audit-vocabulary.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { UnitsService } from '../units/units.module.ts';
import { resourceMessages as messages } from './resources.messages.ts';
import { resourcesPolicy as policy } from './resources.policy.ts';
import { isItemCode, toMovementView, toStockLine, toStoreView } from './stock.presenter.ts';
import type { StockRepository, StoreRecord } from './stock.repository.ts';

import type { StockService } from './stock.service.ts';

/** A movement to write: the ledger row's balance after is the lot's balance once changed. */
interface Step {
  kind: 'receipt' | 'issue' | 'transfer_out' | 'transfer_in' | 'adjustment';
  storeId: string;
  lot: string;
  expiresOn: string | null;
  quantity: number;
  balanceAfter: number;
  counterpart: string | null;
}

export interface StockMovementsDeps {
  db: Db;
  repo: StockRepository;
  audit: AuditTrailService;
  stock: StockService;
  clock?: () => Date;
}

/**
 * Receipts, issues, transfers and adjustments (issue 18). Every movement is one transaction: the
 * request is claimed by its client key (a resend records nothing and answers what was recorded),
 * the lots change by conditional updates (never below zero, whatever runs beside), the ledger rows
 * and the audit event are written with them.
 */
export class StockMovementsService {
  constructor(private readonly d: StockMovementsDeps) {}

  private now(): Date {
    return this.d.clock ? this.d.clock() : new Date();
  }

  private today(): string {
    return vietnamToday(this.now());
  }

  private by(actor: Actor): string | null {
    return recordedBy(actor);
  }

  // --- movements -----------------------------------------------------------------------------

  /**
   * Runs one movement: the store kept by the actor, the client key claimed (a resend answers what
   * was recorded the first time), the steps written with the audit event, all in one transaction.
   */
  private async movement(
    actor: Actor,
    storeId: string,
    clientKey: string,
    kind: StockRequestKind,
    item: ItemCode,
    action: AuditAction,
    steps: (trx: Db, store: StoreRecord) => Promise<Step[]>,
    note: string | null,
  ): Promise<MovementResult> {
    const m = messages[actor.locale];
    // The result is read after commit: the lots' row locks are held only while they change.
    const storeIdDone = await this.d.db.transaction().execute(async (trx) => {
      const store = await this.d.stock.readableStore(trx, actor, storeId);
      if (!policy.keepStockAt(actor, store.locality_path))
        throw new AppError('FORBIDDEN', [{ path: 'id', message: m.notYourStore }]);
      if (!(await this.d.repo.claimRequest(trx, clientKey, store.id, kind))) {
        const first = await this.d.repo.findRequest(trx, clientKey);
        if (!first || first.store_id !== store.id || first.kind !== kind)
          throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherRequest }]);
        return store.id;
      }
      const written = await steps(trx, store);
      const at = this.now();
      await this.d.repo.insertMovements(
        trx,
        written.map((s) => ({
          request_key: clientKey,
          store_id: s.storeId,
          item_code: item,
          lot: s.lot,
          expires_on: s.expiresOn,
          kind: s.kind,
          quantity: s.quantity,
          balance_after: s.balanceAfter,
          counterpart_store_id: s.counterpart,
          note,
          at,
          recorded_by: this.by(actor),
        })),
      );
      await this.d.audit.record(trx, actor, {
        action,
        entityType: 'resource_store',
        entityId: store.id,
        localityCode: store.locality_code,
        localityPath: store.locality_path,
        after: {
          item,
          movements: written.map((s) => ({ kind: s.kind, store: s.storeId, lot: s.lot, quantity: s.quantity })),
        },
      });
      return store.id;
    });
    return this.result(this.d.db, actor, clientKey, storeIdDone, item);
  }

  private async result(
    db: Db,
    actor: Actor,
    clientKey: string,
    storeId: string,
    item: ItemCode,
  ): Promise<MovementResult> {
    const rows = await this.d.repo.ofRequest(db, clientKey);
    const [stock] = await this.d.stock.lines(db, actor, storeId, undefined, item);
    return { movements: rows.map((r) => toMovementView(r, actor.locale)), stock: stock! };
  }

  private checkLot(
    actor: Actor,
    item: ItemCode,
    lot: string | undefined,
    expiresOn: string | undefined,
    receiving: boolean,
  ): void {
    const m = messages[actor.locale];
    const tracked = itemCatalogue[item].lotTracked;
    if (tracked && receiving && (lot === undefined || expiresOn === undefined))
      throw new AppError('VALIDATION_FAILED', [
        { path: lot === undefined ? 'lot' : 'expiresOn', message: m.lotRequired },
      ]);
    if (!tracked && (lot !== undefined || expiresOn !== undefined))
      throw new AppError('VALIDATION_FAILED', [{ path: 'lot', message: m.lotNotTracked }]);
  }

  async receive(actor: Actor, storeId: string, req: ReceiptRequest): Promise<MovementResult> {
    const m = messages[actor.locale];
    this.checkLot(actor, req.item, req.lot, req.expiresOn, true);
    if (req.expiresOn !== undefined && lotStanding(req.expiresOn, this.today()) === 'expired')
      throw new AppError('VALIDATION_FAILED', [{ path: 'expiresOn', message: m.expiredOnReceipt }]);
    return this.movement(
      actor,
      storeId,
      req.clientKey,
      'receipt',
      req.item,
      'receive_stock',
      async (trx, store) => {
        const lot = req.lot ?? '';
        const existing = (await this.d.repo.lots(trx, store.id, req.item, true)).find((l) => l.lot === lot);
        if (existing && existing.expires_on !== (req.expiresOn ?? null))
          throw new AppError('VALIDATION_FAILED', [
            { path: 'expiresOn', message: m.lotOtherExpiry(existing.expires_on ?? '') },
          ]);
        const after = await this.d.repo.add(trx, store.id, req.item, lot, req.expiresOn ?? null, req.quantity);
        return [
          {
            kind: 'receipt',
            storeId: store.id,
            lot,
            expiresOn: req.expiresOn ?? null,
            quantity: req.quantity,
            balanceAfter: after,
            counterpart: null,
          },
        ];
      },
      req.source ?? null,
    );
  }

  /** Takes from usable lots: the lot asked, or the first expiring first; never below zero. */
  private async takeSteps(
    trx: Db,
    actor: Actor,
    store: StoreRecord,
    item: ItemCode,
    quantity: number,
    lot: string | undefined,
  ): Promise<{ lot: string; expiresOn: string | null; take: number; after: number }[]> {
    const m = messages[actor.locale];
    const today = this.today();
    const lots = (await this.d.repo.lots(trx, store.id, item, true)).filter(
      (l) => lotStanding(l.expires_on, today) !== 'expired',
    );
    const candidates = lot === undefined ? lots : lots.filter((l) => l.lot === lot);
    if (lot !== undefined && candidates.length === 0)
      throw new AppError('VALIDATION_FAILED', [{ path: 'lot', message: m.unknownLot }]);
    const usable = candidates.reduce((n, l) => n + l.quantity, 0);
    const plan = allocateFefo(
      candidates.map((l) => ({ lot: l.lot, expiresOn: l.expires_on, quantity: l.quantity })),
      quantity,
    );
    const unit = unitOfMeasureLabels[itemCatalogue[item].unit][actor.locale];
    if (!plan) throw new AppError('CONFLICT', [{ path: 'quantity', message: m.notEnough(usable, unit) }]);
    const out: { lot: string; expiresOn: string | null; take: number; after: number }[] = [];
    for (const p of plan) {
      const after = await this.d.repo.take(trx, store.id, item, p.lot.lot, p.take);
      if (after === undefined)
        throw new AppError('CONFLICT', [{ path: 'quantity', message: m.notEnough(usable, unit) }]);
      out.push({ lot: p.lot.lot, expiresOn: p.lot.expiresOn, take: p.take, after });
    }
    return out;
  }

  /**
   * The hot path (many issues of one item at once): one transaction of four statements — the store,
   * the claim-allocate-take-record statement (`issueFefo`), the audit event, commit — so a lot's row
   * lock is held only from that statement to commit. The answer is read after commit.
   */
  async issue(actor: Actor, storeId: string, req: IssueRequest): Promise<MovementResult> {
    this.checkLot(actor, req.item, req.lot, undefined, false);
    const m = messages[actor.locale];
    const done = await this.d.db.transaction().execute(async (trx) => {
      const store = await this.d.stock.readableStore(trx, actor, storeId);
      if (!policy.keepStockAt(actor, store.locality_path))
        throw new AppError('FORBIDDEN', [{ path: 'id', message: m.notYourStore }]);
      const r = await this.d.repo.issueFefo(trx, {
        clientKey: req.clientKey,
        storeId: store.id,
        item: req.item,
        quantity: req.quantity,
        lot: req.lot,
        today: this.today(),
        note: req.purpose,
        at: this.now(),
        recordedBy: this.by(actor),
      });
      if (!r.claimed) {
        const first = await this.d.repo.findRequest(trx, req.clientKey);
        if (!first || first.store_id !== store.id || first.kind !== 'issue')
          throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherRequest }]);
        return { storeId: store.id, movements: null };
      }
      if (req.lot !== undefined && r.lots === 0)
        throw new AppError('VALIDATION_FAILED', [{ path: 'lot', message: m.unknownLot }]);
      if (r.movements.length === 0) {
        const unit = unitOfMeasureLabels[itemCatalogue[req.item].unit][actor.locale];
        throw new AppError('CONFLICT', [{ path: 'quantity', message: m.notEnough(r.usable, unit) }]);
      }
      await this.d.audit.record(trx, actor, {
        action: 'issue_stock',
        entityType: 'resource_store',
        entityId: store.id,
        localityCode: store.locality_code,
        localityPath: store.locality_path,
        after: {
          item: req.item,
          movements: r.movements.map((x) => ({ kind: x.kind, store: store.id, lot: x.lot, quantity: x.quantity })),
        },
      });
      return { storeId: store.id, movements: r.movements };
    });
    // A resend answers what the first request recorded.
    if (done.movements === null) return this.result(this.d.db, actor, req.clientKey, done.storeId, req.item);
    return {
      movements: done.movements.map((x) => toMovementView(x, actor.locale)),
      stock: await this.d.stock.itemLine(this.d.db, actor, done.storeId, req.item),
    };
  }

  /** Both sides in one transaction: what leaves one store enters the other, lot by lot. */
  async transfer(actor: Actor, storeId: string, req: TransferRequest): Promise<MovementResult> {
    const m = messages[actor.locale];
    this.checkLot(actor, req.item, req.lot, undefined, false);
    if (req.toStoreId === storeId)
      throw new AppError('VALIDATION_FAILED', [{ path: 'toStoreId', message: m.sameStore }]);
    return this.movement(
      actor,
      storeId,
      req.clientKey,
      'transfer',
      req.item,
      'transfer_stock',
      async (trx, store) => {
        const to = await this.d.repo.findStore(trx, req.toStoreId);
        if (!to || !policy.readAt(actor, to.locality_path))
          throw new AppError('VALIDATION_FAILED', [{ path: 'toStoreId', message: m.notYourUnit }]);
        const taken = await this.takeSteps(trx, actor, store, req.item, req.quantity, req.lot);
        const steps: Step[] = [];
        for (const t of taken) {
          steps.push({
            kind: 'transfer_out',
            storeId: store.id,
            lot: t.lot,
            expiresOn: t.expiresOn,
            quantity: -t.take,
            balanceAfter: t.after,
            counterpart: to.id,
          });
          const after = await this.d.repo.add(trx, to.id, req.item, t.lot, t.expiresOn, t.take);
          steps.push({
            kind: 'transfer_in',
            storeId: to.id,
            lot: t.lot,
            expiresOn: t.expiresOn,
            quantity: t.take,
            balanceAfter: after,
            counterpart: store.id,
          });
        }
        return steps;
      },
      req.note ?? null,
    );
  }

  /** What a count found: the ledger records the difference from the lot's balance. */
  async adjust(actor: Actor, storeId: string, req: AdjustmentRequest): Promise<MovementResult> {
    const m = messages[actor.locale];
    this.checkLot(actor, req.item, req.lot, undefined, false);
    return this.movement(
      actor,
      storeId,
      req.clientKey,
      'adjustment',
      req.item,
      'adjust_stock',
      async (trx, store) => {
        const lot = req.lot ?? '';
        const current = (await this.d.repo.lots(trx, store.id, req.item, true)).find((l) => l.lot === lot);
        if (!current && lot !== '') throw new AppError('VALIDATION_FAILED', [{ path: 'lot', message: m.unknownLot }]);
        const difference = req.countedQuantity - (current?.quantity ?? 0);
        if (difference === 0)
          throw new AppError('VALIDATION_FAILED', [{ path: 'countedQuantity', message: m.noDifference }]);
        const after =
          difference > 0
            ? await this.d.repo.add(trx, store.id, req.item, lot, current?.expires_on ?? null, difference)
            : await this.d.repo.take(trx, store.id, req.item, lot, -difference);
        return [
          {
            kind: 'adjustment',
            storeId: store.id,
            lot,
            expiresOn: current?.expires_on ?? null,
            quantity: difference,
            balanceAfter: after ?? 0,
            counterpart: null,
          },
        ];
      },
      req.note,
    );
  }
}
