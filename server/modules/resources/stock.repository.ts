import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { microsecondKey } from '../../db/cursor-keys.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { MovementKindColumn, StockMovementsTable, StockRequestKind } from '../../db/schema-resources.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type StoreRecord = NonNullable<Awaited<ReturnType<StockRepository['findStore']>>>;
export type LotRecord = Awaited<ReturnType<StockRepository['lots']>>[number];
export type MovementRecord = Awaited<ReturnType<StockRepository['ledger']>>[number];

/** SQL of stores, the stock ledger, balances and minimums. Balances change only beside a ledger row. */
export class StockRepository {
  private stores(db: Db) {
    return db
      .selectFrom('resource_stores as s')
      .innerJoin('reporting_units as u', 'u.id', 's.unit_id')
      .select([
        's.id',
        's.name',
        's.unit_id',
        's.locality_path',
        's.province_code',
        'u.code as unit_code',
        'u.name as unit_name',
        'u.name_en as unit_name_en',
        'u.locality_code',
      ]);
  }

  findStore(db: Db, id: string) {
    return this.stores(db).where('s.id', '=', id).executeTakeFirst();
  }

  findStoreByClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('resource_stores')
      .select(['id', 'unit_id'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  async insertStore(
    db: Db,
    row: { client_key: string; unit_id: string; name: string; locality_path: string; province_code: string },
  ) {
    const r = await db.insertInto('resource_stores').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  storeNamed(db: Db, unitId: string, name: string) {
    return db
      .selectFrom('resource_stores')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  /** By area, then name (keyset paged). */
  listStores(db: Db, o: { withinPath: string; unitId?: string; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['text', 'uuid']);
    let q = this.stores(db).where(pathWithinSql('s.locality_path', o.withinPath));
    if (o.unitId) q = q.where('s.unit_id', '=', o.unitId);
    if (cursor) q = q.where(sql<boolean>`(s.name, s.id) > (${cursor[0]}, ${cursor[1]}::uuid)`);
    return q
      .orderBy('s.name')
      .orderBy('s.id')
      .limit(o.limit + 1)
      .execute();
  }

  /** Records the request once: false when its client key was seen already (a resend). */
  async claimRequest(db: Db, clientKey: string, storeId: string, kind: StockRequestKind): Promise<boolean> {
    const r = await db
      .insertInto('stock_requests')
      .values({ client_key: clientKey, store_id: storeId, kind })
      .onConflict((oc) => oc.column('client_key').doNothing())
      .returning('client_key')
      .executeTakeFirst();
    return r !== undefined;
  }

  findRequest(db: Db, clientKey: string) {
    return db
      .selectFrom('stock_requests')
      .select(['store_id', 'kind'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  /** The lots of an item in a store; `lock` holds them (in lot order, so two issues never deadlock). */
  lots(db: Db, storeId: string, item: string, lock = false) {
    let q = db
      .selectFrom('stock_balances')
      .select(['lot', 'expires_on', 'quantity'])
      .where('store_id', '=', storeId)
      .where('item_code', '=', item)
      .orderBy('lot');
    if (lock) q = q.forUpdate();
    return q.execute();
  }

  /** Every lot of a store, for its stock view. */
  balances(db: Db, storeId: string) {
    return db
      .selectFrom('stock_balances')
      .select(['item_code', 'lot', 'expires_on', 'quantity'])
      .where('store_id', '=', storeId)
      .orderBy('item_code')
      .orderBy('expires_on')
      .orderBy('lot')
      .execute();
  }

  /** Adds to a lot (created at its first receipt); answers the new quantity. */
  async add(db: Db, storeId: string, item: string, lot: string, expiresOn: string | null, quantity: number) {
    const r = await db
      .insertInto('stock_balances')
      .values({ store_id: storeId, item_code: item, lot, expires_on: expiresOn, quantity })
      .onConflict((oc) =>
        oc
          .columns(['store_id', 'item_code', 'lot'])
          .doUpdateSet({ quantity: sql`stock_balances.quantity + excluded.quantity` }),
      )
      .returning('quantity')
      .executeTakeFirstOrThrow();
    return r.quantity;
  }

  /**
   * Takes from a lot only if it holds enough: the row's lock serialises concurrent takers, and a
   * taker that finds too little changes nothing. Undefined: not enough.
   */
  async take(db: Db, storeId: string, item: string, lot: string, quantity: number) {
    const r = await db
      .updateTable('stock_balances')
      .set({ quantity: sql`quantity - ${quantity}` })
      .where('store_id', '=', storeId)
      .where('item_code', '=', item)
      .where('lot', '=', lot)
      .where('quantity', '>=', quantity)
      .returning('quantity')
      .executeTakeFirst();
    return r?.quantity;
  }

  /**
   * An issue in one statement (the hot path: many officers issuing the same item at once). The
   * request is claimed by its client key; only if it is new are the item's usable lots locked (in
   * lot order, as every other movement locks them, so no two movements deadlock), the quantity
   * allocated first-expiring first (`allocateFefo`'s order: expiry, lots without one last, then lot),
   * the lots taken down and the ledger rows written. Locks read the latest committed balances, so
   * nothing is read before it is written elsewhere; when the lots hold too little nothing changes
   * and the caller rolls the claim back. Answers the claim, the usable lots and quantity, and the
   * ledger rows as the ledger view reads them.
   */
  async issueFefo(
    db: Db,
    o: {
      clientKey: string;
      storeId: string;
      item: string;
      quantity: number;
      lot: string | undefined;
      today: string;
      note: string | null;
      at: Date;
      recordedBy: string | null;
    },
  ) {
    const onlyLot = o.lot === undefined ? sql`true` : sql`lot = ${o.lot}`;
    const r = await sql<{
      claimed: boolean;
      lots: string;
      usable: string;
      id: string | null;
      kind: MovementKindColumn | null;
      item_code: string | null;
      lot: string | null;
      expires_on: string | null;
      quantity: number | null;
      balance_after: number | null;
      note: string | null;
      at: Date | null;
      by_name: string | null;
      at_key: string | null;
    }>`
      with claim as (
        insert into stock_requests (client_key, store_id, kind) values (${o.clientKey}, ${o.storeId}, 'issue')
        on conflict (client_key) do nothing returning client_key
      ), locked as (
        select lot, expires_on, quantity from stock_balances
        where store_id = ${o.storeId} and item_code = ${o.item} and ${onlyLot}
          and (expires_on is null or expires_on > ${o.today}::date) and exists (select 1 from claim)
        order by lot for update
      ), alloc as (
        select lot, expires_on,
          least(quantity, greatest(0, ${o.quantity} - (sum(quantity) over fefo - quantity))) as take
        from locked
        window fefo as (order by expires_on nulls last, lot rows between unbounded preceding and current row)
      ), taken as (
        update stock_balances b set quantity = b.quantity - a.take
        from alloc a
        where b.store_id = ${o.storeId} and b.item_code = ${o.item} and b.lot = a.lot and a.take > 0
          and b.quantity >= a.take and (select sum(take) from alloc) = ${o.quantity}
        returning b.lot, b.expires_on, b.quantity as after, a.take
      ), ledger as (
        insert into stock_movements
          (request_key, store_id, item_code, lot, expires_on, kind, quantity, balance_after, note, at, recorded_by)
        select ${o.clientKey}, ${o.storeId}, ${o.item}, t.lot, t.expires_on, 'issue', -t.take, t.after, ${o.note},
          ${o.at}, ${o.recordedBy}
        from taken t
        returning *
      )
      select h.claimed, h.lots, h.usable, l.id, l.kind, l.item_code, l.lot, to_char(l.expires_on, 'YYYY-MM-DD') as expires_on,
        l.quantity, l.balance_after, l.note, l.at, u.full_name as by_name,
        to_char(l.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key
      from (select exists (select 1 from claim) as claimed, (select count(*) from locked) as lots,
          (select coalesce(sum(quantity), 0) from locked) as usable) h
        left join ledger l on true
        left join users u on u.id = l.recorded_by
      order by l.seq`.execute(db);
    const head = r.rows[0]!;
    const movements: MovementRecord[] = r.rows.flatMap((x) =>
      x.id === null
        ? []
        : [
            {
              id: x.id,
              kind: x.kind!,
              item_code: x.item_code!,
              lot: x.lot!,
              expires_on: x.expires_on,
              quantity: x.quantity!,
              balance_after: x.balance_after!,
              note: x.note,
              at: x.at!,
              counterpart_name: null,
              by_name: x.by_name,
              at_key: x.at_key!,
            },
          ],
    );
    return { claimed: head.claimed, lots: Number(head.lots), usable: Number(head.usable), movements };
  }

  /** One item's lots in a store and what of it was issued since an instant: the line a movement answers. */
  itemLots(db: Db, storeId: string, item: string, since: Date) {
    return db
      .selectFrom(
        db
          .selectFrom('stock_movements')
          .select(sql<string | null>`-sum(quantity)`.as('issued'))
          .where('store_id', '=', storeId)
          .where('item_code', '=', item)
          .where('kind', '=', 'issue')
          .where('at', '>=', since)
          .as('i'),
      )
      .leftJoin('stock_balances as b', (j) => j.on('b.store_id', '=', storeId).on('b.item_code', '=', item))
      .select(['i.issued', 'b.item_code', 'b.lot', 'b.expires_on', 'b.quantity'])
      .orderBy('b.expires_on')
      .orderBy('b.lot')
      .execute();
  }

  async insertMovements(db: Db, rows: Insertable<StockMovementsTable>[]) {
    if (rows.length === 0) return;
    await db.insertInto('stock_movements').values(rows).execute();
  }

  private movements(db: Db) {
    return db
      .selectFrom('stock_movements as m')
      .leftJoin('resource_stores as c', 'c.id', 'm.counterpart_store_id')
      .leftJoin('users as by', 'by.id', 'm.recorded_by')
      .select([
        'm.id',
        'm.kind',
        'm.item_code',
        'm.lot',
        'm.expires_on',
        'm.quantity',
        'm.balance_after',
        'm.note',
        'm.at',
        'c.name as counterpart_name',
        'by.full_name as by_name',
        microsecondKey('m.at').as('at_key'),
      ]);
  }

  ofRequest(db: Db, clientKey: string) {
    return this.movements(db).where('m.request_key', '=', clientKey).orderBy('m.seq').execute();
  }

  /** Newest first (keyset paged). */
  ledger(db: Db, o: { storeId: string; item?: string; kind?: MovementKindColumn; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = this.movements(db).where('m.store_id', '=', o.storeId);
    if (o.item) q = q.where('m.item_code', '=', o.item);
    if (o.kind) q = q.where('m.kind', '=', o.kind);
    if (cursor) q = q.where(sql<boolean>`(m.at, m.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
    return q
      .orderBy('m.at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  /** What was issued (consumed) per item since an instant: transfers move stock, they do not consume it. */
  issuedSince(db: Db, storeId: string, since: Date) {
    return db
      .selectFrom('stock_movements')
      .select(['item_code', sql<string>`-sum(quantity)`.as('issued')])
      .where('store_id', '=', storeId)
      .where('kind', '=', 'issue')
      .where('at', '>=', since)
      .groupBy('item_code')
      .execute();
  }

  minimums(db: Db, storeId: string, level: number) {
    return db
      .selectFrom('stock_minimums')
      .select(['item_code', 'minimum'])
      .where('store_id', '=', storeId)
      .where('level', '=', level)
      .execute();
  }

  async setMinimum(db: Db, storeId: string, item: string, level: number, minimum: number) {
    await db
      .insertInto('stock_minimums')
      .values({ store_id: storeId, item_code: item, level, minimum })
      .onConflict((oc) => oc.columns(['store_id', 'item_code', 'level']).doUpdateSet({ minimum }))
      .execute();
  }

  /** Sum of a store's ledger per item and lot: what the balances must equal (tests, checks). */
  ledgerSums(db: Db, storeId: string) {
    return db
      .selectFrom('stock_movements')
      .select(['item_code', 'lot', sql<string>`sum(quantity)`.as('total')])
      .where('store_id', '=', storeId)
      .groupBy(['item_code', 'lot'])
      .execute();
  }
}
