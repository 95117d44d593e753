import type { PendingExposureView } from '../../../core/schemas/exposure.ts';
import type { Locale } from '../../../core/errors.ts';
import type { SheetColumn } from '../../shared/excel.ts';
import { exposureMessages } from './exposure.messages.ts';

/** Columns of the pending exposure entries' export (one row per self-report). */
export function pendingColumns(locale: Locale): SheetColumn<PendingExposureView>[] {
  const m = exposureMessages[locale];
  return [
    { header: { vi: 'Thời điểm tự báo', en: 'Reported at' }, width: 20, value: (r) => new Date(r.createdAt) },
    { header: { vi: 'Họ tên', en: 'Name' }, width: 28, value: (r) => r.fullName },
    { header: { vi: 'Mã xã', en: 'Commune' }, width: 10, value: (r) => r.communeCode },
    {
      header: { vi: 'Loại', en: 'Kind' },
      width: 22,
      value: (r) => (r.kind === 'positive_test' ? m.positive : m.symptoms),
    },
    { header: { vi: 'Ngày test', en: 'Test date' }, width: 12, value: (r) => r.testDate ?? '' },
    { header: { vi: 'Mục chờ xác nhận', en: 'Pending entries' }, width: 10, value: (r) => r.pendingEntries },
    { header: { vi: 'Từ', en: 'From' }, width: 20, value: (r) => (r.firstFrom ? new Date(r.firstFrom) : '') },
    { header: { vi: 'Đến', en: 'To' }, width: 20, value: (r) => (r.lastTo ? new Date(r.lastTo) : '') },
    { header: { vi: 'Có ảnh test', en: 'Test photo' }, width: 8, value: (r) => (r.hasPhoto ? '✓' : '') },
  ];
}
