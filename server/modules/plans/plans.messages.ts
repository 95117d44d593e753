import type { Locale } from '../../../core/errors.ts';

/** User-facing words of the plans module, in both languages. */
export const planMessages: Record<
  Locale,
  Record<
    | 'notOfficer'
    | 'notReviewer'
    | 'unknownLevel'
    | 'duplicateLevel'
    | 'responsibleNotInPlan'
    | 'otherUnit'
    | 'notDraft'
    | 'notSubmitted'
    | 'returnNeedsComment'
    | 'noSuchLevel'
    | 'notResponsible'
    | 'taskNotOpen'
    | 'mayNotActivate'
    | 'unknownResource',
    string
  >
> = {
  vi: {
    notOfficer: 'Bạn không phải cán bộ của đơn vị này',
    notReviewer: 'Chỉ cấp trên của đơn vị mới phê duyệt hoặc trả lại kế hoạch',
    unknownLevel: 'Bộ quy tắc đang áp dụng không có cấp độ này: không thể lập phương án cho cấp độ không tồn tại',
    duplicateLevel: 'Mỗi cấp độ chỉ có một phần trong kế hoạch',
    responsibleNotInPlan: 'Đơn vị chủ trì phải là chính đơn vị hoặc một đơn vị cấp dưới',
    otherUnit: 'Mã gửi này đã dùng cho kế hoạch của đơn vị khác',
    notDraft: 'Chỉ trình được phiên bản đang soạn hoặc bị trả lại',
    notSubmitted: 'Chỉ phê duyệt hoặc trả lại được phiên bản đã trình',
    returnNeedsComment: 'Trả lại kế hoạch cần nêu ý kiến',
    noSuchLevel: 'Bộ quy tắc đang áp dụng không có cấp độ số này',
    notResponsible: 'Chỉ đơn vị chủ trì mới báo hoàn thành nhiệm vụ',
    taskNotOpen: 'Nhiệm vụ đã hoàn thành hoặc đã đóng',
    mayNotActivate: 'Bạn không có quyền kích hoạt Ban chỉ đạo của đơn vị này',
    unknownResource: 'Không có loại lực lượng, vật tư, giường hoặc chỗ cách ly này trong danh mục',
  },
  en: {
    notOfficer: 'You are not an officer of this unit',
    notReviewer: "Only the unit's upper level approves or returns its plan",
    unknownLevel: 'The active rule set has no such level: a plan cannot have a section for a level that does not exist',
    duplicateLevel: 'Each level has one section in a plan',
    responsibleNotInPlan: 'The responsible unit must be the unit itself or one below it',
    otherUnit: "This submission key was used for another unit's plan",
    notDraft: 'Only a draft or returned version can be submitted',
    notSubmitted: 'Only a submitted version can be approved or returned',
    returnNeedsComment: 'Returning a plan needs a comment',
    noSuchLevel: 'The active rule set has no level with this number',
    notResponsible: 'Only the responsible unit reports a task done',
    taskNotOpen: 'The task is already done or closed',
    mayNotActivate: "You may not activate this unit's steering committee",
    unknownResource: 'No such force kind, catalogue item, bed kind or quarantine place',
  },
};

export const committeeRoleLabels = {
  head: { vi: 'Trưởng ban', en: 'Head' },
  deputy_head: { vi: 'Phó trưởng ban', en: 'Deputy head' },
  standing_member: { vi: 'Ủy viên thường trực', en: 'Standing member' },
  member: { vi: 'Ủy viên', en: 'Member' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
} as const;

export const planStatusLabels = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã trình', en: 'Submitted' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
} as const;
