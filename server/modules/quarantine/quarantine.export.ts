import type { Locale } from '../../../core/errors.ts';
import type { AdmissionRow } from '../../../core/schemas/quarantine.ts';
import { sheetDay, type SheetColumn } from '../../shared/excel.ts';

const reasons: Record<AdmissionRow['reason'], Record<Locale, string>> = {
  f1: { vi: 'F1', en: 'Close contact (F1)' },
  arrival: { vi: 'Người đến từ vùng dịch / nhập cảnh', en: 'Arrival' },
  f0_mild: { vi: 'F0 nhẹ', en: 'Mild case (F0)' },
};
const statuses: Record<AdmissionRow['status'], Record<Locale, string>> = {
  active: { vi: 'Đang cách ly', en: 'In quarantine' },
  released: { vi: 'Đã kết thúc', en: 'Released' },
  transferred: { vi: 'Đã chuyển', en: 'Transferred' },
  cancelled: { vi: 'Đã huỷ', en: 'Cancelled' },
};

/** Columns of the quarantine list export (the facility's register). */
export function admissionColumns(locale: Locale): SheetColumn<AdmissionRow>[] {
  return [
    { header: { vi: 'Họ tên', en: 'Full name' }, width: 26, value: (a) => a.fullName },
    { header: { vi: 'Năm sinh', en: 'Birth year' }, width: 10, value: (a) => a.birthYear },
    { header: { vi: 'Điện thoại', en: 'Phone' }, width: 16, value: (a) => a.phone },
    { header: { vi: 'Lý do', en: 'Reason' }, width: 22, value: (a) => reasons[a.reason][locale] },
    { header: { vi: 'Cơ sở cách ly', en: 'Facility' }, width: 28, value: (a) => a.facilityName },
    { header: { vi: 'Phòng', en: 'Room' }, width: 8, value: (a) => a.room },
    { header: { vi: 'Ngày bắt đầu', en: 'Start' }, width: 12, value: (a) => sheetDay(a.startsOn) },
    { header: { vi: 'Ngày cuối', en: 'Last day' }, width: 12, value: (a) => sheetDay(a.endsOn) },
    { header: { vi: 'Theo dõi đến', en: 'Monitoring until' }, width: 12, value: (a) => sheetDay(a.monitoringUntil) },
    { header: { vi: 'Gia hạn (ngày)', en: 'Extended (days)' }, width: 10, value: (a) => a.extendedDays },
    { header: { vi: 'Trạng thái', en: 'Status' }, width: 14, value: (a) => statuses[a.status][locale] },
    { header: { vi: 'Ngày kết thúc', en: 'Released on' }, width: 12, value: (a) => sheetDay(a.releasedOn) },
    { header: { vi: 'Số quyết định', en: 'Decision number' }, width: 14, value: (a) => a.documentNumber },
    { header: { vi: 'Khai báo gần nhất', en: 'Last report' }, width: 12, value: (a) => sheetDay(a.lastReportOn) },
  ];
}
