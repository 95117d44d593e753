import type { Locale } from '../../../core/errors.ts';
import type { CampaignView, CaseProposalView, OrderView } from '../../../core/schemas/testing.ts';
import { sheetDay, type SheetColumn } from '../../shared/excel.ts';
import type { PlaceNamer } from '../../../core/rules/place-names.ts';

const reasons: Record<OrderView['reason'], Record<Locale, string>> = {
  schedule: { vi: 'Theo lịch cách ly', en: 'Quarantine schedule' },
  contact: { vi: 'Người tiếp xúc', en: 'Contact' },
  symptoms: { vi: 'Có triệu chứng', en: 'Symptoms' },
  campaign: { vi: 'Xét nghiệm diện rộng', en: 'Campaign' },
  pool_retest: { vi: 'Xét nghiệm lại (mẫu gộp dương tính)', en: 'Re-test (positive pool)' },
  manual: { vi: 'Chỉ định', en: 'Ordered' },
};
const orderStatuses: Record<OrderView['status'], Record<Locale, string>> = {
  ordered: { vi: 'Chờ lấy mẫu', en: 'To sample' },
  sampled: { vi: 'Đã lấy mẫu', en: 'Sampled' },
  resulted: { vi: 'Có kết quả', en: 'Resulted' },
  cancelled: { vi: 'Đã huỷ', en: 'Cancelled' },
};
const kinds = {
  rt_pcr: { vi: 'RT-PCR', en: 'RT-PCR' },
  rapid_antigen: { vi: 'Test nhanh kháng nguyên', en: 'Rapid antigen' },
} as const;
const instant = (d: string | null) => (d ? new Date(d) : null);

/** The sampling team's list. */
export function orderColumns(locale: Locale): SheetColumn<OrderView>[] {
  return [
    { header: { vi: 'Ngày đến hạn', en: 'Due' }, width: 12, value: (o) => sheetDay(o.dueOn) },
    { header: { vi: 'Họ tên', en: 'Full name' }, width: 26, value: (o) => o.fullName },
    { header: { vi: 'Năm sinh', en: 'Birth year' }, width: 10, value: (o) => o.birthYear },
    { header: { vi: 'Điện thoại', en: 'Phone' }, width: 16, value: (o) => o.phone },
    { header: { vi: 'Lý do', en: 'Reason' }, width: 28, value: (o) => reasons[o.reason][locale] },
    { header: { vi: 'Loại xét nghiệm', en: 'Test' }, width: 16, value: (o) => kinds[o.testKind][locale] },
    { header: { vi: 'Mẫu gộp', en: 'Pool' }, width: 16, value: (o) => o.poolCode },
    { header: { vi: 'Trạng thái', en: 'Status' }, width: 14, value: (o) => orderStatuses[o.status][locale] },
  ];
}

export function campaignColumns(names: PlaceNamer): SheetColumn<CampaignView>[] {
  return [
    { header: { vi: 'Tên đợt', en: 'Campaign' }, width: 30, value: (c) => c.name },
    { header: { vi: 'Địa bàn', en: 'Area' }, width: 20, value: (c) => names(c.localityCode, c.localityName) },
    { header: { vi: 'Từ ngày', en: 'From' }, width: 12, value: (c) => sheetDay(c.startsOn) },
    { header: { vi: 'Đến ngày', en: 'To' }, width: 12, value: (c) => sheetDay(c.endsOn) },
    { header: { vi: 'Dân số mục tiêu', en: 'Target population' }, width: 12, value: (c) => c.targetPopulation },
    { header: { vi: 'Cỡ gộp mẫu', en: 'Pool size' }, width: 10, value: (c) => c.poolSize },
    { header: { vi: 'Đã lấy mẫu', en: 'Sampled' }, width: 10, value: (c) => c.sampled },
    { header: { vi: 'Có kết quả', en: 'Resulted' }, width: 10, value: (c) => c.resulted },
    { header: { vi: 'Dương tính', en: 'Positive' }, width: 10, value: (c) => c.positive },
  ];
}

export function proposalColumns(locale: Locale): SheetColumn<CaseProposalView>[] {
  const status = {
    open: { vi: 'Chờ xử lý', en: 'Open' },
    accepted: { vi: 'Đã ghi nhận ca bệnh', en: 'Accepted' },
    dismissed: { vi: 'Đã bỏ qua', en: 'Dismissed' },
  } as const;
  return [
    { header: { vi: 'Họ tên', en: 'Full name' }, width: 26, value: (p) => p.fullName },
    { header: { vi: 'Năm sinh', en: 'Birth year' }, width: 10, value: (p) => p.birthYear },
    { header: { vi: 'Mã mẫu', en: 'Sample' }, width: 16, value: (p) => p.sampleCode },
    { header: { vi: 'Loại xét nghiệm', en: 'Test' }, width: 16, value: (p) => kinds[p.sampleKind][locale] },
    { header: { vi: 'Lấy mẫu lúc', en: 'Sampled at' }, width: 20, value: (p) => instant(p.collectedAt) },
    { header: { vi: 'Có kết quả lúc', en: 'Resulted at' }, width: 20, value: (p) => instant(p.resultedAt) },
    { header: { vi: 'Đang cách ly', en: 'In quarantine' }, width: 10, value: (p) => p.inQuarantine },
    { header: { vi: 'Trạng thái', en: 'Status' }, width: 18, value: (p) => status[p.status][locale] },
  ];
}
