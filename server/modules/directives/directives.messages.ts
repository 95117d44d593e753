import type { Locale } from '../../../core/errors.ts';
import type { DirectiveKind, TaskStatus } from '../../db/schema-directives.ts';
import type { TaskStanding } from '../../../core/rules/directive-tasks.ts';

/** User-facing words of the directives module, in both languages. */
export const directiveMessages: Record<
  Locale,
  {
    notIssuerOfficer: string;
    notSubordinate: string;
    notRecipient: string;
    notOfficer: string;
    taskUnitNotRecipient: string;
    duplicateNumber: string;
    otherDirective: string;
    otherTask: string;
    dueBeforeIssued: string;
    issuedInFuture: string;
    notPdf: string;
    evidenceType: string;
    evidenceTooBig: string;
    otherEvidence: string;
  }
> = {
  vi: {
    notIssuerOfficer: 'Bạn không phải cán bộ của đơn vị ban hành văn bản này',
    notSubordinate: 'Đơn vị nhận không trực thuộc đơn vị ban hành: chỉ gửi văn bản cho các đơn vị cấp dưới',
    notRecipient: 'Đơn vị này không có trong danh sách nơi nhận văn bản: không thể xác nhận đã nhận',
    notOfficer: 'Bạn không phải cán bộ của đơn vị này',
    taskUnitNotRecipient: 'Chỉ giao nhiệm vụ cho đơn vị có trong danh sách nơi nhận',
    duplicateNumber: 'Đơn vị đã có văn bản cùng số, ký hiệu và ngày ban hành',
    otherDirective: 'Mã gửi này đã dùng cho một văn bản khác',
    otherTask: 'Mã gửi này đã dùng cho một nhiệm vụ khác',
    dueBeforeIssued: 'Hạn hoàn thành phải từ ngày ban hành trở đi',
    issuedInFuture: 'Ngày ban hành không được sau ngày hôm nay',
    notPdf: 'Tệp văn bản phải là PDF',
    evidenceType: 'Tệp minh chứng phải là PDF, ảnh (JPEG, PNG, WebP), Word (.docx) hoặc Excel (.xlsx)',
    evidenceTooBig: 'Tệp minh chứng không được lớn hơn 10 MB',
    otherEvidence: 'Mã tệp này đã dùng cho một nhiệm vụ khác',
  },
  en: {
    notIssuerOfficer: 'You are not an officer of the unit that issued this directive',
    notSubordinate: 'A recipient is not under the issuing unit: directives go to subordinate units only',
    notRecipient: 'This unit is not among the recipients of the directive: it cannot acknowledge it',
    notOfficer: 'You are not an officer of this unit',
    taskUnitNotRecipient: 'Tasks go to recipient units only',
    duplicateNumber: 'The unit already has a directive with this number and symbol on this date',
    otherDirective: 'This submission key was used for another directive',
    otherTask: 'This submission key was used for another task',
    dueBeforeIssued: 'The deadline must be on or after the issue date',
    issuedInFuture: 'The issue date cannot be after today',
    notPdf: 'The text of the directive must be a PDF',
    evidenceType: 'Evidence must be a PDF, an image (JPEG, PNG, WebP), a Word (.docx) or an Excel (.xlsx) file',
    evidenceTooBig: 'Evidence files may be at most 10 MB',
    otherEvidence: 'This file key was used for another task',
  },
};

export const directiveKindLabels: Record<DirectiveKind, Record<Locale, string>> = {
  directive: { vi: 'Chỉ thị', en: 'Directive' },
  official_letter: { vi: 'Công văn', en: 'Official letter' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  conclusion: { vi: 'Kết luận', en: 'Conclusion' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  notice: { vi: 'Thông báo', en: 'Notice' },
  resolution: { vi: 'Nghị quyết', en: 'Resolution' },
  other: { vi: 'Văn bản khác', en: 'Other document' },
};

export const taskStandingLabels: Record<TaskStanding | TaskStatus, Record<Locale, string>> = {
  not_started: { vi: 'Chưa thực hiện', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Đã hoàn thành', en: 'Done' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
};
