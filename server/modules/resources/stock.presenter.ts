import type { Locale } from '../../../core/errors.ts';
import { itemCatalogue, itemCodes, type ItemCode } from '../../../core/rules/resources/catalogue.ts';
import {
  belowMinimum,
  CONSUMPTION_WINDOW_DAYS,
  daysOfCover,
  lotStanding,
} from '../../../core/rules/resources/stock.ts';
import type { MovementView, StockLineView, StoreView } from '../../../core/schemas/resources.ts';
import type { LotRecord, MovementRecord, StoreRecord } from './stock.repository.ts';

export function isItemCode(code: string): code is ItemCode {
  return (itemCodes as readonly string[]).includes(code);
}

export function toStoreView(s: StoreRecord, locale: Locale, canRecord: boolean): StoreView {
  return {
    id: s.id,
    name: s.name,
    unit: { id: s.unit_id, code: s.unit_code, name: locale === 'vi' ? s.unit_name : s.unit_name_en },
    localityCode: s.locality_code,
    canRecord,
  };
}

/** One item of a store: usable quantity (expired lots apart), expiring lots, minimum and days of cover. */
export function toStockLine(
  item: ItemCode,
  lots: readonly LotRecord[],
  o: { today: string; locale: Locale; minimum: number | null; issuedInWindow: number },
): StockLineView {
  let quantity = 0;
  let expired = 0;
  let expiring = 0;
  for (const l of lots) {
    const standing = lotStanding(l.expires_on, o.today);
    if (standing === 'expired') expired += l.quantity;
    else quantity += l.quantity;
    if (standing === 'expiring') expiring += l.quantity;
  }
  return {
    item,
    itemName: itemCatalogue[item].name[o.locale],
    unit: itemCatalogue[item].unit,
    quantity,
    expired,
    expiringWithin30Days: expiring,
    minimum: o.minimum,
    belowMinimum: belowMinimum(quantity, o.minimum),
    issuedPerDay: Math.round((o.issuedInWindow / CONSUMPTION_WINDOW_DAYS) * 10) / 10,
    daysOfCover: daysOfCover(quantity, o.issuedInWindow),
    lots: lots
      .filter((l) => l.quantity > 0)
      .map((l) => ({ lot: l.lot, expiresOn: l.expires_on, quantity: l.quantity })),
  };
}

export function toMovementView(m: MovementRecord, locale: Locale): MovementView {
  const item = isItemCode(m.item_code) ? m.item_code : itemCodes[0];
  return {
    id: m.id,
    kind: m.kind,
    item,
    itemName: itemCatalogue[item].name[locale],
    lot: m.lot === '' ? null : m.lot,
    expiresOn: m.expires_on,
    quantity: m.quantity,
    balanceAfter: m.balance_after,
    counterpartStore: m.counterpart_name,
    note: m.note,
    at: m.at_key,
    by: m.by_name,
  };
}
