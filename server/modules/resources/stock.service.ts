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
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import { ledgerColumns, movementKindLabels, stockColumns, type StockExportRow } from './stock.export.ts';
import type { AuditAction } from '../../../core/audit-vocabulary.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { UnitsService } from '../units/units.module.ts';
import { resourceMessages as messages } from './resources.messages.ts';
import { resourcesPolicy as policy } from './resources.policy.ts';
import { isItemCode, toMovementView, toStockLine, toStoreView } from './stock.presenter.ts';
import type { StockRepository, StoreRecord } from './stock.repository.ts';

export interface StockDeps {
  db: Db;
  repo: StockRepository;
  units: UnitsService;
  localities: LocalitiesService;
  audit: AuditTrailService;
  clock?: () => Date;
}

/**
 * Stores and their stock (issue 18): current stock is the balances, kept beside the ledger rows by
 * StockMovementsService and equal to the ledger's sums; minimums per level and days of cover.
 */
export class StockService {
  constructor(private readonly d: StockDeps) {}

  private now(): Date {
    return this.d.clock ? this.d.clock() : new Date();
  }

  private today(): string {
    return vietnamToday(this.now());
  }

  private by(actor: Actor): string | null {
    return recordedBy(actor);
  }

  async listStores(actor: Actor, q: ListStoresQuery): Promise<Page<StoreView>> {
    if (!policy.read(actor)) throw new AppError('FORBIDDEN');
    const within = q.locality
      ? (await this.d.localities.findReadableOrThrow(actor, q.locality, this.d.db)).path
      : actor.scope.path;
    const rows = await this.d.repo.listStores(this.d.db, {
      withinPath: within,
      unitId: q.unit,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.name, r.id]);
    return {
      items: page.items.map((s) => toStoreView(s, actor.locale, policy.keepStockAt(actor, s.locality_path))),
      nextCursor: page.nextCursor,
    };
  }

  async createStore(actor: Actor, req: NewStoreRequest): Promise<StoreView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const resent = await this.d.repo.findStoreByClientKey(trx, req.clientKey);
      if (resent) return this.storeView(trx, actor, resent.id);
      const unit = await this.d.units.findById(trx, req.unitId);
      if (!unit || !unit.active) throw new AppError('NOT_FOUND');
      if (!policy.keepStockAt(actor, unit.locality_path))
        throw new AppError('FORBIDDEN', [{ path: 'unitId', message: m.notYourUnit }]);
      if (await this.d.repo.storeNamed(trx, unit.id, req.name))
        throw new AppError('CONFLICT', [{ path: 'name', message: m.storeExists }]);
      const id = await this.d.repo.insertStore(trx, {
        client_key: req.clientKey,
        unit_id: unit.id,
        name: req.name,
        locality_path: unit.locality_path,
        province_code: unit.province_code,
      });
      await this.d.audit.record(trx, actor, {
        action: 'create',
        entityType: 'resource_store',
        entityId: id,
        localityCode: unit.locality_code,
        localityPath: unit.locality_path,
        after: { unit: unit.code, name: req.name },
      });
      return this.storeView(trx, actor, id);
    });
  }

  private async storeView(db: Db, actor: Actor, id: string): Promise<StoreView> {
    const s = await this.d.repo.findStore(db, id);
    if (!s) throw new AppError('NOT_FOUND');
    return toStoreView(s, actor.locale, policy.keepStockAt(actor, s.locality_path));
  }

  async readableStore(db: Db, actor: Actor, id: string): Promise<StoreRecord> {
    const s = await this.d.repo.findStore(db, id);
    if (!s || !policy.readAt(actor, s.locality_path)) throw new AppError('NOT_FOUND');
    return s;
  }

  async stock(actor: Actor, storeId: string, level: number | undefined): Promise<StoreStockView> {
    const s = await this.readableStore(this.d.db, actor, storeId);
    const lines = await this.lines(this.d.db, actor, s.id, level);
    return {
      store: toStoreView(s, actor.locale, policy.keepStockAt(actor, s.locality_path)),
      level: level ?? null,
      lines,
    };
  }

  /** One item's line (no minimum): what a movement answers, in one statement. */
  async itemLine(db: Db, actor: Actor, storeId: string, item: ItemCode): Promise<StockLineView> {
    const since = new Date(this.now().getTime() - CONSUMPTION_WINDOW_DAYS * 86_400_000);
    const rows = await this.d.repo.itemLots(db, storeId, item, since);
    const lots = rows.flatMap((r) =>
      r.lot === null || r.quantity === null
        ? []
        : [{ item_code: item, lot: r.lot, expires_on: r.expires_on, quantity: r.quantity }],
    );
    return toStockLine(item, lots, {
      today: this.today(),
      locale: actor.locale,
      minimum: null,
      issuedInWindow: Number(rows[0]?.issued ?? 0),
    });
  }

  /** Every item the store ever held, with its lots, minimum at the level and days of cover. */
  async lines(
    db: Db,
    actor: Actor,
    storeId: string,
    level: number | undefined,
    only?: ItemCode,
  ): Promise<StockLineView[]> {
    const since = new Date(this.now().getTime() - CONSUMPTION_WINDOW_DAYS * 86_400_000);
    const [balances, issued, minimums] = await Promise.all([
      this.d.repo.balances(db, storeId),
      this.d.repo.issuedSince(db, storeId, since),
      level ? this.d.repo.minimums(db, storeId, level) : Promise.resolve([]),
    ]);
    const items = new Set<ItemCode>();
    for (const b of balances) if (isItemCode(b.item_code)) items.add(b.item_code);
    for (const m of minimums) if (isItemCode(m.item_code)) items.add(m.item_code);
    if (only) items.add(only);
    const today = this.today();
    return [...items]
      .filter((i) => !only || i === only)
      .map((item) =>
        toStockLine(
          item,
          balances.filter((b) => b.item_code === item),
          {
            today,
            locale: actor.locale,
            minimum: minimums.find((m) => m.item_code === item)?.minimum ?? null,
            issuedInWindow: Number(issued.find((i) => i.item_code === item)?.issued ?? 0),
          },
        ),
      );
  }

  async ledger(actor: Actor, storeId: string, q: LedgerQuery): Promise<Page<MovementView>> {
    const s = await this.readableStore(this.d.db, actor, storeId);
    const rows = await this.d.repo.ledger(this.d.db, {
      storeId: s.id,
      item: q.item,
      kind: q.kind,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.at_key, r.id]);
    return { items: page.items.map((r) => toMovementView(r, actor.locale)), nextCursor: page.nextCursor };
  }

  async setMinimum(actor: Actor, storeId: string, req: MinimumRequest): Promise<StockLineView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const store = await this.readableStore(trx, actor, storeId);
      if (!policy.keepStockAt(actor, store.locality_path))
        throw new AppError('FORBIDDEN', [{ path: 'id', message: m.notYourStore }]);
      await this.d.repo.setMinimum(trx, store.id, req.item, req.level, req.minimum);
      await this.d.audit.record(trx, actor, {
        action: 'set_minimum_stock',
        entityType: 'resource_store',
        entityId: store.id,
        localityCode: store.locality_code,
        localityPath: store.locality_path,
        after: req,
      });
      const [line] = await this.lines(trx, actor, store.id, req.level, req.item);
      return line!;
    });
  }

  /** The stock of every store in scope: one row per store and item. */
  async exportStock(actor: Actor, q: Omit<ListStoresQuery, 'after' | 'limit'>): Promise<SheetExport> {
    if (!policy.read(actor)) throw new AppError('FORBIDDEN');
    const stores = await allPages((after) => this.listStores(actor, { ...q, after, limit: 100 }));
    const self = this;
    const pages = (async function* () {
      for await (const page of stores) {
        const rows: StockExportRow[] = [];
        for (const s of page)
          for (const line of await self.lines(self.d.db, actor, s.id, undefined))
            rows.push({ ...line, store: s.name, unitName: s.unit.name });
        yield rows;
      }
    })();
    return sheetExport({
      filename: `ton-kho-${this.today()}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Tồn kho' : 'Stock',
      locale: actor.locale,
      columns: stockColumns(actor.locale),
      pages,
    });
  }

  async exportLedger(actor: Actor, storeId: string, q: Omit<LedgerQuery, 'after' | 'limit'>): Promise<SheetExport> {
    await this.readableStore(this.d.db, actor, storeId);
    const pages = await allPages((after) => this.ledger(actor, storeId, { ...q, after, limit: 500 }));
    return sheetExport({
      filename: `so-kho-${this.today()}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Sổ kho' : 'Ledger',
      locale: actor.locale,
      columns: ledgerColumns((k) => movementKindLabels[k][actor.locale]),
      pages,
    });
  }
}
