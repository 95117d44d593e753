import type { Locale } from '../../../core/errors.ts';
import type { ValueProblemKind } from '../../../core/rules/reports/report-values.ts';

/** User-facing words of the reports module, in both languages. */
export const reportMessages: Record<
  Locale,
  {
    notOfficer: string;
    unknownTemplate: string;
    badPeriod: string;
    futurePeriod: string;
    amendmentReasonNeeded: string;
    locked: string;
    accepted: string;
    nothingToReview: string;
    commentNeeded: string;
    otherReport: string;
    chooseLocality: string;
    taskNotOfUnit: string;
    values: Record<ValueProblemKind, string>;
  }
> = {
  vi: {
    notOfficer: 'Bạn không phải cán bộ báo cáo của đơn vị này',
    unknownTemplate: 'Không có mẫu báo cáo với mã này',
    badPeriod: 'Kỳ báo cáo không đúng loại kỳ của mẫu báo cáo',
    futurePeriod: 'Kỳ báo cáo này chưa bắt đầu: chưa thể báo cáo',
    amendmentReasonNeeded: 'Báo cáo đã gửi trước đó: cần ghi lý do gửi lại hoặc bổ sung',
    locked: 'Báo cáo đã gửi: muốn sửa, hãy gửi bổ sung kèm lý do',
    accepted: 'Báo cáo đã được chấp nhận và khoá',
    nothingToReview: 'Báo cáo chưa được gửi (hoặc đã trả lại): chưa có gì để duyệt',
    commentNeeded: 'Cần ghi nhận xét khi trả lại báo cáo: đơn vị cần sửa gì',
    otherReport: 'Mã gửi này đã dùng cho một báo cáo khác',
    chooseLocality: 'Hãy chọn tỉnh/thành phố',
    taskNotOfUnit: 'Nhiệm vụ này không giao cho đơn vị báo cáo',
    values: {
      unknown_field: 'Mẫu báo cáo không có chỉ tiêu này',
      not_whole_number: 'Phải là số nguyên (không có phần thập phân, không phải chữ)',
      negative: 'Không được là số âm',
      too_large: 'Số quá lớn: hãy kiểm tra lại',
      not_text: 'Phải là văn bản',
      text_too_long: 'Nội dung quá dài (tối đa 5.000 ký tự)',
      reason_needed: 'Số liệu khác số hệ thống tính: cần ghi lý do',
      reason_too_long: 'Lý do quá dài (tối đa 500 ký tự)',
    },
  },
  en: {
    notOfficer: 'You are not a reporting officer of this unit',
    unknownTemplate: 'There is no report template with this code',
    badPeriod: "The period is not of the template's kind",
    futurePeriod: 'This period has not begun yet: it cannot be reported',
    amendmentReasonNeeded: 'The report was submitted before: give the reason for resubmitting or amending it',
    locked: 'The report is submitted: to change it, send an amendment with its reason',
    accepted: 'The report is accepted and locked',
    nothingToReview: 'The report is not submitted (or was returned): there is nothing to review',
    commentNeeded: 'A comment is needed to return a report: what the unit must correct',
    otherReport: 'This submission key was used for another report',
    chooseLocality: 'Choose a province',
    taskNotOfUnit: 'This task is not assigned to the reporting unit',
    values: {
      unknown_field: 'The template has no such figure',
      not_whole_number: 'Must be a whole number (no decimals, not text)',
      negative: 'Cannot be negative',
      too_large: 'The number is too large: check it',
      not_text: 'Must be text',
      text_too_long: 'The text is too long (at most 5,000 characters)',
      reason_needed: 'The figure differs from what phongdich counted: give the reason',
      reason_too_long: 'The reason is too long (at most 500 characters)',
    },
  },
};

/** A reminder's words: before the deadline, late, or (escalated) to the supervisor unit's officers. */
export function reportReminderWords(
  unit: { name: string; name_en: string },
  period: { from: string; to: string; due: Date },
  step: { hoursBefore: number | null; lateDay: number },
): { title: Record<Locale, string>; body: Record<Locale, string> } {
  const span = `${period.from} – ${period.to}`;
  if (step.hoursBefore !== null)
    return {
      title: { vi: `Sắp đến hạn báo cáo: ${unit.name}`, en: `Report due soon: ${unit.name_en}` },
      body: {
        vi: `${unit.name} chưa gửi báo cáo kỳ ${span}; hạn nộp còn ${step.hoursBefore} giờ.`,
        en: `${unit.name_en} has not submitted its report for ${span}; it is due in ${step.hoursBefore} hours.`,
      },
    };
  return {
    title: { vi: `Quá hạn báo cáo: ${unit.name}`, en: `Report overdue: ${unit.name_en}` },
    body: {
      vi: `${unit.name} chưa gửi báo cáo kỳ ${span}, đã quá hạn ${step.lateDay} ngày.`,
      en: `${unit.name_en} has not submitted its report for ${span}: ${step.lateDay} day${step.lateDay === 1 ? '' : 's'} late.`,
    },
  };
}
