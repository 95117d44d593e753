import type { Locale } from '../../../core/errors.ts';
import type { OrganisationType, RiskGroup } from '../../../core/schemas/assessment-template.ts';

/** User-facing words of the organisations module, in both languages. */
export const organisationMessages: Record<
  Locale,
  {
    badPhone: string;
    unknownCommune: string;
    taxCodeTaken: string;
    badTransition: string;
    noteRequired: string;
    notApproved: string;
    unknownTemplate: string;
    templateNotFor: string;
    missing: string;
    unknownItem: string;
    unknownOption: string;
    otherOrganisation: string;
    mayNotOperate: string;
  }
> = {
  vi: {
    badPhone: 'Số điện thoại di động không hợp lệ',
    unknownCommune: 'Không có xã/phường đang hoạt động với mã này trong phạm vi của bạn',
    taxCodeTaken: 'Mã số thuế này đã được đăng ký cho một cơ quan, đơn vị khác',
    badTransition: 'Không thể đưa ra quyết định này với trạng thái hiện tại của cơ quan, đơn vị',
    noteRequired: 'Cần ghi lý do khi từ chối hoặc tạm dừng',
    notApproved: 'Chỉ cơ quan, đơn vị đã được xã/phường duyệt mới gửi được bản tự đánh giá',
    unknownTemplate: 'Không có mẫu tự đánh giá với mã này',
    templateNotFor: 'Mẫu này không dành cho loại cơ quan, đơn vị của bạn',
    missing: 'Chưa trả lời',
    unknownItem: 'Câu hỏi không có trong mẫu',
    unknownOption: 'Câu trả lời không hợp lệ; chọn một trong',
    otherOrganisation: 'Mã gửi này đã được dùng cho một cơ quan, đơn vị khác',
    mayNotOperate: 'Không được hoạt động',
  },
  en: {
    badPhone: 'Not a valid Vietnamese mobile number',
    unknownCommune: 'No active commune with this code in your scope',
    taxCodeTaken: 'This tax code is already registered to another organisation',
    badTransition: 'This decision is not possible in the organisation’s current status',
    noteRequired: 'A note is required to reject or suspend',
    notApproved: 'Only an organisation approved by its commune can submit a self-assessment',
    unknownTemplate: 'No self-assessment template with this code',
    templateNotFor: 'This template is not meant for your kind of organisation',
    missing: 'Not answered',
    unknownItem: 'Not a question of the template',
    unknownOption: 'Not a valid answer; choose one of',
    otherOrganisation: 'This client key was used for another organisation',
    mayNotOperate: 'May not operate',
  },
};

export const organisationTypeLabels: Record<OrganisationType, Record<Locale, string>> = {
  agency: { vi: 'Cơ quan hành chính, sự nghiệp', en: 'Public agency' },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  school: { vi: 'Trường học', en: 'School' },
  market: { vi: 'Chợ', en: 'Market' },
  supermarket: { vi: 'Siêu thị, trung tâm thương mại', en: 'Supermarket, mall' },
  restaurant: { vi: 'Nhà hàng, quán ăn', en: 'Restaurant' },
  industrial_park: { vi: 'Khu công nghiệp', en: 'Industrial park' },
  dormitory: { vi: 'Khu nhà ở tập thể', en: 'Dormitory' },
  health_facility: { vi: 'Cơ sở y tế', en: 'Health facility' },
  other: { vi: 'Khác', en: 'Other' },
};

export const riskGroupLabels: Record<RiskGroup, Record<Locale, string>> = {
  very_low: { vi: 'Nguy cơ rất thấp', en: 'Very low risk' },
  low: { vi: 'Nguy cơ thấp', en: 'Low risk' },
  medium: { vi: 'Nguy cơ trung bình', en: 'Medium risk' },
  high: { vi: 'Nguy cơ cao', en: 'High risk' },
  very_high: { vi: 'Nguy cơ rất cao', en: 'Very high risk' },
};

export const organisationStatusLabels: Record<
  'pending' | 'approved' | 'rejected' | 'suspended',
  Record<Locale, string>
> = {
  pending: { vi: 'Chờ duyệt', en: 'Pending' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  rejected: { vi: 'Từ chối', en: 'Rejected' },
  suspended: { vi: 'Tạm dừng', en: 'Suspended' },
};

/** A local day as Vietnamese write it: 07/12/2026. */
const dayVi = (day: string) => day.split('-').reverse().join('/');

/** The words of a self-assessment reminder, in both languages (the notification shows the reader's). */
export function assessmentReminderWords(
  name: string,
  dueOn: string,
  r: { stage: 'upcoming' | 'due' | 'overdue'; daysLate: number },
): { title: { vi: string; en: string }; body: { vi: string; en: string } } {
  if (r.stage === 'overdue')
    return {
      title: { vi: `Quá hạn tự đánh giá an toàn COVID: ${name}`, en: `COVID-safety self-assessment overdue: ${name}` },
      body: {
        vi: `${name} chưa tự đánh giá an toàn COVID, hạn ngày ${dayVi(dueOn)} (quá ${r.daysLate} ngày).`,
        en: `${name} has not assessed its COVID safety, due on ${dueOn} (${r.daysLate} day${r.daysLate === 1 ? '' : 's'} late).`,
      },
    };
  return {
    title: { vi: `Nhắc tự đánh giá an toàn COVID: ${name}`, en: `COVID-safety self-assessment reminder: ${name}` },
    body: {
      vi: `${name} cần tự đánh giá an toàn COVID ${r.stage === 'due' ? 'trong hôm nay' : 'trước hết'} ngày ${dayVi(dueOn)}.`,
      en: `${name} must assess its COVID safety ${r.stage === 'due' ? 'today' : 'by'} ${r.stage === 'due' ? `(${dueOn})` : dueOn}.`,
    },
  };
}
