import type { Locale } from '../../../core/errors.ts';
import type {
  AreaScreeningRow,
  ScreeningDueRow,
  SymptomReportView,
} from '../../../core/schemas/workplace-screening.ts';
import type { SheetColumn } from '../../shared/excel.ts';
import type { SymptomReportRecord } from './screening.repository.ts';
import { workRoleLabels } from './workforce.presenter.ts';

const yesNo = (v: boolean, locale: Locale) => (v ? { vi: 'Có', en: 'Yes' } : { vi: 'Không', en: 'No' })[locale];

/** Columns of an organisation's screening-due export. */
export function screeningDueColumns(locale: Locale): SheetColumn<ScreeningDueRow>[] {
  return [
    { header: { vi: 'Họ tên', en: 'Name' }, width: 28, value: (w) => w.fullName },
    { header: { vi: 'Phòng ban', en: 'Department' }, width: 20, value: (w) => w.department },
    { header: { vi: 'Ca', en: 'Shift' }, width: 10, value: (w) => w.shift },
    { header: { vi: 'Vị trí', en: 'Role' }, width: 16, value: (w) => workRoleLabels[w.role][locale] },
    { header: { vi: 'Xét nghiệm gần nhất', en: 'Last tested' }, width: 14, value: (w) => w.lastTestedOn },
    { header: { vi: 'Có hồ sơ', en: 'On file' }, width: 10, value: (w) => yesNo(w.onFile, locale) },
  ];
}

const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Columns of an area's screening export: today's due workers and the current round's coverage. */
export function areaScreeningColumns(locale: Locale): SheetColumn<AreaScreeningRow>[] {
  return [
    { header: { vi: 'Cơ quan, đơn vị', en: 'Organisation' }, width: 32, value: (r) => r.name },
    { header: { vi: 'Mã xã', en: 'Commune code' }, width: 10, value: (r) => r.communeCode },
    {
      header: { vi: 'Tiếp xúc khách đến hạn', en: 'Service contact due' },
      width: 14,
      value: (r) => r.serviceContactDue,
    },
    { header: { vi: 'Nguy cơ cao (mẫu)', en: 'High risk sampled' }, width: 14, value: (r) => r.highRiskDue },
    { header: { vi: 'Chưa có hồ sơ', en: 'Not on file' }, width: 12, value: (r) => r.notOnFile },
    { header: { vi: 'Vòng từ ngày', en: 'Round from' }, width: 12, value: (r) => r.coverage.from },
    { header: { vi: 'Đã chỉ định (vòng)', en: 'Ordered (round)' }, width: 12, value: (r) => r.coverage.ordered },
    { header: { vi: 'Đã lấy mẫu (vòng)', en: 'Sampled (round)' }, width: 12, value: (r) => r.coverage.sampled },
    { header: { vi: 'Có kết quả (vòng)', en: 'Tested (round)' }, width: 12, value: (r) => r.coverage.tested },
    {
      header: { vi: '% tiếp xúc khách đã xét nghiệm 7 ngày', en: '% service contact tested in 7 days' },
      width: 16,
      value: (r) => percent(r.coverage.serviceContactTestedShare),
    },
    {
      header: { vi: '% nguy cơ cao đã lấy mẫu', en: '% high risk sampled' },
      width: 14,
      value: (r) => percent(r.coverage.highRiskSampledShare),
    },
    {
      header: { vi: 'Đạt tỷ lệ nguy cơ cao', en: 'High-risk share met' },
      width: 12,
      value: (r) => yesNo(r.coverage.highRiskShareMet, locale),
    },
  ];
}

export function toSymptomReportView(r: SymptomReportRecord): SymptomReportView {
  return {
    id: r.id,
    workerId: r.roster_worker_id,
    fullName: r.full_name,
    department: r.department,
    symptoms: r.symptoms as SymptomReportView['symptoms'],
    onsetOn: r.onset_on,
    testOrdered: r.test_order_id !== null,
    reportedAt: r.reported_at.toISOString(),
    handledAt: r.handled_at?.toISOString() ?? null,
  };
}
