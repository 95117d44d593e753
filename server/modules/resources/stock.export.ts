import type { MovementView, StockLineView } from '../../../core/schemas/resources.ts';
import type { SheetColumn } from '../../shared/excel.ts';
import { unitOfMeasureLabels } from '../../../core/rules/resources/catalogue.ts';
import type { Locale } from '../../../core/errors.ts';

/** One row per store and item: the stock on hand of the stores in scope. */
export type StockExportRow = StockLineView & { store: string; unitName: string };

export function stockColumns(locale: Locale): SheetColumn<StockExportRow>[] {
  return [
    { header: { vi: 'Đơn vị', en: 'Unit' }, width: 30, value: (r) => r.unitName },
    { header: { vi: 'Kho', en: 'Store' }, width: 24, value: (r) => r.store },
    { header: { vi: 'Mặt hàng', en: 'Item' }, width: 30, value: (r) => r.itemName },
    {
      header: { vi: 'Đơn vị tính', en: 'Unit of measure' },
      width: 10,
      value: (r) => unitOfMeasureLabels[r.unit][locale],
    },
    { header: { vi: 'Tồn dùng được', en: 'Usable' }, width: 12, value: (r) => r.quantity },
    {
      header: { vi: 'Sắp hết hạn (30 ngày)', en: 'Expiring (30 days)' },
      width: 12,
      value: (r) => r.expiringWithin30Days,
    },
    { header: { vi: 'Đã hết hạn', en: 'Expired' }, width: 10, value: (r) => r.expired },
    { header: { vi: 'Tiêu thụ/ngày', en: 'Used per day' }, width: 10, value: (r) => r.issuedPerDay },
    { header: { vi: 'Số ngày đủ dùng', en: 'Days of cover' }, width: 10, value: (r) => r.daysOfCover },
  ];
}

export function ledgerColumns(kindLabel: (k: MovementView['kind']) => string): SheetColumn<MovementView>[] {
  return [
    { header: { vi: 'Thời điểm', en: 'At' }, width: 20, value: (m) => new Date(m.at) },
    { header: { vi: 'Loại', en: 'Kind' }, width: 14, value: (m) => kindLabel(m.kind) },
    { header: { vi: 'Mặt hàng', en: 'Item' }, width: 30, value: (m) => m.itemName },
    { header: { vi: 'Lô', en: 'Lot' }, width: 12, value: (m) => m.lot },
    {
      header: { vi: 'Hạn dùng', en: 'Expires on' },
      width: 12,
      value: (m) => (m.expiresOn ? { day: m.expiresOn } : null),
    },
    { header: { vi: 'Số lượng', en: 'Quantity' }, width: 10, value: (m) => m.quantity },
    { header: { vi: 'Tồn sau', en: 'Balance after' }, width: 10, value: (m) => m.balanceAfter },
    { header: { vi: 'Kho đối ứng', en: 'Other store' }, width: 24, value: (m) => m.counterpartStore },
    { header: { vi: 'Ghi chú', en: 'Note' }, width: 30, value: (m) => m.note },
    { header: { vi: 'Người ghi', en: 'Recorded by' }, width: 20, value: (m) => m.by },
  ];
}

export const movementKindLabels: Record<MovementView['kind'], Record<Locale, string>> = {
  receipt: { vi: 'Nhập kho', en: 'Receipt' },
  issue: { vi: 'Xuất kho', en: 'Issue' },
  transfer_out: { vi: 'Chuyển đi', en: 'Transfer out' },
  transfer_in: { vi: 'Chuyển đến', en: 'Transfer in' },
  adjustment: { vi: 'Điều chỉnh kiểm kê', en: 'Count adjustment' },
};
