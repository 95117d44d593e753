import type { Locale } from './errors.ts';

/**
 * What the audit log records, in closed lists: the server's `AuditEntry` accepts only these codes,
 * so a new kind of event cannot be written without its words here (vi and en, checked by type and
 * by `audit-vocabulary.test.ts`). Officials read the words; the codes stay in the database.
 */
export const auditActionLabels = {
  // Reading
  read: { vi: 'Xem hồ sơ', en: 'Viewed a record' },
  read_list: { vi: 'Xem danh sách', en: 'Viewed a list' },
  read_contacts: { vi: 'Xem danh sách tiếp xúc', en: 'Viewed contacts' },
  read_duplicates: { vi: 'Xem hồ sơ có thể trùng', en: 'Viewed possible duplicates' },
  read_link_request: { vi: 'Xem yêu cầu xác minh hồ sơ', en: 'Viewed a record verification request' },
  read_own_accesses: {
    vi: 'Công dân xem lịch sử truy cập dữ liệu của mình',
    en: 'Citizen viewed who accessed their data',
  },
  search: { vi: 'Tìm kiếm người', en: 'Searched people' },
  export: { vi: 'Xuất Excel', en: 'Exported to Excel' },
  export_own_data: { vi: 'Công dân tải bản sao dữ liệu của mình', en: 'Citizen downloaded a copy of their data' },
  print_decision: { vi: 'In quyết định cách ly', en: 'Printed the quarantine decision' },
  print_certificate: { vi: 'In giấy xác nhận hoàn thành cách ly', en: 'Printed the quarantine certificate' },
  print_notification: { vi: 'In thông báo', en: 'Printed a notification' },
  // Records
  create: { vi: 'Tạo mới', en: 'Created' },
  update: { vi: 'Cập nhật', en: 'Updated' },
  import: { vi: 'Nhập từ tệp', en: 'Imported from a file' },
  merge: { vi: 'Gộp hồ sơ', en: 'Merged records' },
  rename: { vi: 'Đổi tên', en: 'Renamed' },
  erase: { vi: 'Xoá dữ liệu cá nhân', en: 'Erased personal data' },
  dismiss: { vi: 'Bỏ qua', en: 'Dismissed' },
  accept: { vi: 'Chấp nhận', en: 'Accepted' },
  // Cases and tracing
  trace: { vi: 'Truy vết', en: 'Ran contact tracing' },
  confirm: { vi: 'Xác nhận tiếp xúc', en: 'Confirmed a contact' },
  reject: { vi: 'Từ chối', en: 'Rejected' },
  declare_contact: { vi: 'Khai báo người tiếp xúc', en: 'Declared a contact' },
  follow_up: { vi: 'Ghi nhận theo dõi', en: 'Recorded a follow-up' },
  // Quarantine, testing, treatment
  admit: { vi: 'Tiếp nhận', en: 'Admitted' },
  transfer: { vi: 'Chuyển nơi', en: 'Transferred' },
  extend: { vi: 'Gia hạn cách ly', en: 'Extended the quarantine' },
  release: { vi: 'Kết thúc cách ly', en: 'Released from quarantine' },
  early_release: { vi: 'Kết thúc cách ly sớm', en: 'Released early from quarantine' },
  discharge: { vi: 'Ra viện', en: 'Discharged' },
  record_sample: { vi: 'Ghi nhận mẫu xét nghiệm', en: 'Recorded a sample' },
  record_samples: { vi: 'Ghi nhận các mẫu xét nghiệm', en: 'Recorded samples' },
  record_results: { vi: 'Nhập kết quả xét nghiệm', en: 'Entered test results' },
  record_pool_results: { vi: 'Nhập kết quả mẫu gộp', en: 'Entered pooled results' },
  import_vaccination: { vi: 'Nhập số liệu tiêm chủng', en: 'Imported vaccination figures' },
  // Workplaces
  link_site: { vi: 'Gắn địa điểm làm cơ sở của đơn vị', en: 'Linked a venue as a site' },
  gate_check: { vi: 'Kiểm tra tại cổng', en: 'Checked at the gate' },
  open_follow_up: { vi: 'Mở việc theo dõi', en: 'Opened a follow-up' },
  // Risk levels and zones
  approve: { vi: 'Phê duyệt', en: 'Approved' },
  override: { vi: 'Quyết định cấp độ khác cấp độ tính toán', en: 'Decided a level other than the computed one' },
  suspend: { vi: 'Tạm dừng hoạt động', en: 'Suspended' },
  save_rule_set: { vi: 'Lưu bộ tiêu chí', en: 'Saved a rule set' },
  activate_rule_set: { vi: 'Áp dụng bộ tiêu chí', en: 'Activated a rule set' },
  create_zone: { vi: 'Khoanh vùng dịch', en: 'Declared an epidemic zone' },
  end_zone: { vi: 'Kết thúc vùng dịch', en: 'Ended an epidemic zone' },
  set_population: { vi: 'Cập nhật dân số', en: 'Set the population' },
  load_province: { vi: 'Nạp dữ liệu tỉnh', en: 'Loaded a province' },
  // Citizens
  declare: { vi: 'Khai báo y tế', en: 'Made a health declaration' },
  declare_arrival: { vi: 'Khai báo di chuyển', en: 'Declared an arrival' },
  declare_residence: { vi: 'Khai báo lưu trú', en: 'Declared a residence' },
  verify_phone: { vi: 'Xác minh số điện thoại', en: 'Verified a phone number' },
  link_phone: { vi: 'Gắn số điện thoại đã xác minh', en: 'Linked a verified phone' },
  request_link: { vi: 'Yêu cầu xác minh hồ sơ', en: 'Asked for record verification' },
  link_accept: { vi: 'Xác minh và gộp hồ sơ', en: 'Verified and linked a record' },
  link_reject: { vi: 'Từ chối xác minh hồ sơ', en: 'Refused a record verification' },
  open_session: { vi: 'Công dân mở phiên', en: 'Citizen opened a session' },
  self_report: {
    vi: 'Công dân tự báo triệu chứng hoặc test nhanh dương tính',
    en: 'Citizen self-reported symptoms or a positive test',
  },
  handle_self_report: { vi: 'Xử lý tự báo của công dân', en: "Handled a citizen's self-report" },
  mark_transmission_risk: {
    vi: 'Đánh dấu lượt đến địa điểm có nguy cơ lây nhiễm',
    en: 'Marked a venue visit as a transmission risk',
  },
  // Accounts and security
  login: { vi: 'Đăng nhập', en: 'Signed in' },
  logout: { vi: 'Đăng xuất', en: 'Signed out' },
  login_failed: { vi: 'Đăng nhập không thành công', en: 'Failed sign-in' },
  login_throttled: { vi: 'Tạm khoá đăng nhập do thử sai nhiều lần', en: 'Sign-in locked after repeated failures' },
  reauth: { vi: 'Xác nhận lại mật khẩu', en: 'Confirmed the password again' },
  reauth_failed: { vi: 'Xác nhận lại mật khẩu không thành công', en: 'Failed password confirmation' },
  change_password: { vi: 'Đổi mật khẩu', en: 'Changed the password' },
  change_password_failed: { vi: 'Đổi mật khẩu không thành công', en: 'Failed password change' },
  reset_password: { vi: 'Đặt lại mật khẩu', en: 'Reset the password' },
  reset_2fa: { vi: 'Đặt lại xác thực hai lớp', en: 'Reset two-factor sign-in' },
  '2fa_enrolment_started': { vi: 'Bắt đầu đăng ký xác thực hai lớp', en: 'Started two-factor enrolment' },
  '2fa_enrolled': { vi: 'Bật xác thực hai lớp', en: 'Turned on two-factor sign-in' },
  '2fa_disabled': { vi: 'Tắt xác thực hai lớp', en: 'Turned off two-factor sign-in' },
  '2fa_recovery_codes_renewed': { vi: 'Cấp lại mã khôi phục', en: 'Renewed recovery codes' },
  '2fa_recovery_code_used': { vi: 'Dùng mã khôi phục để đăng nhập', en: 'Signed in with a recovery code' },
  enable: { vi: 'Mở khoá tài khoản', en: 'Enabled the account' },
  disable: { vi: 'Khoá tài khoản', en: 'Disabled the account' },
  rescope: { vi: 'Đổi địa bàn phụ trách', en: 'Changed the area of responsibility' },
  assign_facilities: { vi: 'Gán cơ sở', en: 'Assigned facilities' },
  end_sessions: { vi: 'Kết thúc các phiên đăng nhập', en: 'Ended sign-in sessions' },
  session_ended: { vi: 'Phiên đăng nhập kết thúc', en: 'Session ended' },
  // Reporting units and their reports
  assign_officer: { vi: 'Phân công cán bộ báo cáo', en: 'Assigned a reporting officer' },
  save_draft: { vi: 'Lưu bản nháp báo cáo', en: 'Saved a report draft' },
  submit_report: { vi: 'Gửi báo cáo', en: 'Submitted a report' },
  amend_report: { vi: 'Gửi lại, bổ sung báo cáo', en: 'Resubmitted or amended a report' },
  return_report: { vi: 'Trả lại báo cáo', en: 'Returned a report' },
  accept_report: { vi: 'Chấp nhận báo cáo', en: 'Accepted a report' },
  // Directives
  issue_directive: { vi: 'Ban hành, gửi văn bản chỉ đạo', en: 'Issued a directive' },
  acknowledge_directive: { vi: 'Xác nhận đã nhận văn bản chỉ đạo', en: 'Acknowledged a directive' },
  assign_task: { vi: 'Giao nhiệm vụ', en: 'Assigned a task' },
  report_task_progress: { vi: 'Báo cáo tiến độ nhiệm vụ', en: 'Reported progress on a task' },
  attach_document: { vi: 'Đính kèm văn bản', en: 'Attached the text of a document' },
  // Federation (issue 21)
  refer_across_provinces: {
    vi: 'Chuyển thông tin một người sang tỉnh khác',
    en: 'Referred a person to another province',
  },
  accept_referral: { vi: 'Tiếp nhận thông tin chuyển từ tỉnh khác', en: 'Accepted a referral from another province' },
  // Response plans and command on the spot
  save_plan: { vi: 'Lưu phiên bản kế hoạch ứng phó', en: 'Saved a response plan version' },
  submit_plan: { vi: 'Trình kế hoạch ứng phó', en: 'Submitted a response plan' },
  approve_plan: { vi: 'Phê duyệt kế hoạch ứng phó', en: 'Approved a response plan' },
  return_plan: { vi: 'Trả lại kế hoạch ứng phó', en: 'Returned a response plan' },
  update_committee: { vi: 'Cập nhật thành viên Ban chỉ đạo', en: 'Updated the steering committee members' },
  activate_committee: { vi: 'Kích hoạt Ban chỉ đạo', en: 'Activated the steering committee' },
  stand_down_committee: { vi: 'Đưa Ban chỉ đạo về trạng thái bình thường', en: 'Stood the steering committee down' },
  activate_plan: { vi: 'Kích hoạt phương án theo cấp độ dịch', en: 'Activated a plan section for a level' },
  close_plan_activation: { vi: 'Đóng phương án không còn áp dụng', en: 'Closed a plan section no longer in force' },
  complete_plan_task: { vi: 'Hoàn thành nhiệm vụ của phương án', en: "Completed a plan section's task" },
  // Means, supplies, forces and donations
  receive_stock: { vi: 'Nhập kho', en: 'Received stock' },
  issue_stock: { vi: 'Xuất kho', en: 'Issued stock' },
  transfer_stock: { vi: 'Điều chuyển vật tư giữa các kho', en: 'Transferred stock between stores' },
  adjust_stock: { vi: 'Điều chỉnh tồn kho sau kiểm kê', en: 'Adjusted stock after a count' },
  set_minimum_stock: { vi: 'Đặt mức tồn kho tối thiểu', en: 'Set a minimum stock' },
  request_reinforcement: { vi: 'Đề nghị tăng cường lực lượng', en: 'Asked for reinforcement' },
  assign_reinforcement: { vi: 'Điều động lực lượng tăng cường', en: 'Sent reinforcement' },
  decline_reinforcement: { vi: 'Từ chối đề nghị tăng cường', en: 'Declined a reinforcement request' },
  schedule_duty: { vi: 'Phân lịch trực', en: 'Scheduled a duty' },
  record_donation: { vi: 'Tiếp nhận ủng hộ', en: 'Recorded a donation' },
  distribute_support: { vi: 'Trao hỗ trợ', en: 'Handed out support' },
  // Border and entry control
  record_crossing: { vi: 'Ghi nhận người qua chốt', en: 'Recorded a person at a checkpoint' },
  record_interception: {
    vi: 'Lập biên bản bắt giữ người nhập cảnh trái phép',
    en: 'Recorded an illegal-entry interception',
  },
  take_tipoff: { vi: 'Nhận xử lý tin tố giác', en: 'Took a tip-off to investigate' },
  // Inspections
  plan_inspection: { vi: 'Lập kế hoạch kiểm tra', en: 'Planned an inspection round' },
  record_visit: { vi: 'Ghi nhận cuộc kiểm tra', en: 'Recorded an inspection visit' },
  edit_visit: { vi: 'Sửa biên bản kiểm tra', en: 'Edited an inspection record' },
  attach_photo: { vi: 'Đính kèm ảnh kiểm tra', en: 'Attached an inspection photo' },
  print_record: { vi: 'In biên bản kiểm tra', en: 'Printed an inspection record' },
  record_violation: { vi: 'Lập biên bản vi phạm hành chính', en: 'Recorded an administrative violation' },
  decide_fine: { vi: 'Quyết định xử phạt', en: 'Decided a fine' },
  record_payment: { vi: 'Ghi nhận nộp phạt', en: 'Recorded a fine paid' },
  decide_publication: {
    vi: 'Quyết định công khai vi phạm của cá nhân',
    en: "Decided to publish an individual's violation",
  },
  require_action: { vi: 'Yêu cầu khắc phục', en: 'Required a corrective action' },
  report_action: { vi: 'Báo cáo kết quả khắc phục', en: 'Reported on a corrective action' },
  close_action: { vi: 'Đóng yêu cầu khắc phục', en: 'Closed a corrective action' },
} as const satisfies Record<string, Record<Locale, string>>;

export type AuditAction = keyof typeof auditActionLabels;
export const auditActions = Object.keys(auditActionLabels) as [AuditAction, ...AuditAction[]];

export const auditEntityLabels = {
  person: { vi: 'Người (hồ sơ cá nhân)', en: 'Person' },
  case: { vi: 'Ca bệnh', en: 'Case' },
  contact: { vi: 'Người tiếp xúc', en: 'Contact' },
  cluster: { vi: 'Ổ dịch', en: 'Cluster' },
  quarantine_admission: { vi: 'Hồ sơ cách ly', en: 'Quarantine stay' },
  treatment_stay: { vi: 'Lượt điều trị', en: 'Treatment stay' },
  test_order: { vi: 'Chỉ định xét nghiệm', en: 'Test order' },
  sample: { vi: 'Mẫu xét nghiệm', en: 'Sample' },
  case_proposal: { vi: 'Đề xuất ca bệnh', en: 'Case proposal' },
  test_pool: { vi: 'Mẫu gộp', en: 'Pooled sample' },
  test_campaign: { vi: 'Đợt xét nghiệm diện rộng', en: 'Mass-testing campaign' },
  health_declaration: { vi: 'Tờ khai y tế', en: 'Health declaration' },
  arrival: { vi: 'Khai báo di chuyển, lưu trú', en: 'Arrival or residence declaration' },
  venue: { vi: 'Địa điểm', en: 'Venue' },
  self_report: { vi: 'Tự báo của công dân', en: 'Citizen self-report' },
  organisation: { vi: 'Cơ quan, đơn vị, doanh nghiệp', en: 'Organisation' },
  organisation_assessment: { vi: 'Tự đánh giá an toàn COVID', en: 'COVID-safety self-assessment' },
  workforce_roster: { vi: 'Danh sách người lao động', en: 'Workforce roster' },
  workplace_gate_event: { vi: 'Lượt kiểm tra tại cổng đơn vị', en: 'Workplace gate check' },
  workplace_follow_up: { vi: 'Việc theo dõi cơ quan, đơn vị', en: 'Workplace follow-up' },
  facility: { vi: 'Cơ sở cách ly, điều trị', en: 'Facility' },
  locality: { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
  epidemic_zone: { vi: 'Vùng dịch', en: 'Epidemic zone' },
  risk_level: { vi: 'Cấp độ dịch', en: 'Risk level' },
  risk_rule_set: { vi: 'Bộ tiêu chí đánh giá cấp độ', en: 'Risk rule set' },
  disease_profile: { vi: 'Hồ sơ bệnh', en: 'Disease profile' },
  vaccination_coverage: { vi: 'Độ bao phủ tiêm chủng', en: 'Vaccination coverage' },
  work_list: { vi: 'Việc cần làm', en: "Today's work" },
  user: { vi: 'Tài khoản', en: 'Account' },
  notification_preferences: { vi: 'Kênh nhận thông báo', en: 'Notification channels' },
  data_breach: { vi: 'Vi phạm dữ liệu cá nhân', en: 'Personal-data breach' },
  audit_event: { vi: 'Nhật ký hệ thống', en: 'Audit log' },
  audit_alert: { vi: 'Cảnh báo nhật ký', en: 'Audit alert' },
  reporting_unit: { vi: 'Đơn vị báo cáo', en: 'Reporting unit' },
  unit_report: { vi: 'Báo cáo của đơn vị', en: "A unit's report" },
  consolidated_report: { vi: 'Báo cáo tổng hợp của tỉnh', en: "The province's consolidated report" },
  directive: { vi: 'Văn bản chỉ đạo', en: 'Directive' },
  federation_referral: { vi: 'Thông tin chuyển liên tỉnh', en: 'Cross-province referral' },
  response_plan: { vi: 'Kế hoạch ứng phó theo cấp độ', en: 'Response plan' },
  steering_committee: { vi: 'Ban chỉ đạo', en: 'Steering committee' },
  plan_activation: { vi: 'Phương án được kích hoạt', en: 'Activated plan section' },
  resource_store: { vi: 'Kho vật tư', en: 'Store' },
  force_member: { vi: 'Người trong lực lượng tại chỗ', en: 'Force member' },
  reinforcement_request: { vi: 'Đề nghị tăng cường lực lượng', en: 'Reinforcement request' },
  donation: { vi: 'Khoản ủng hộ', en: 'Donation' },
  support_distribution: { vi: 'Lượt trao hỗ trợ', en: 'Support handed out' },
  border_post: { vi: 'Đồn, cửa khẩu, chốt', en: 'Border post or checkpoint' },
  border_shift: { vi: 'Sổ ca trực tại chốt', en: 'Checkpoint shift log' },
  border_crossing: { vi: 'Người qua chốt', en: 'Person at a checkpoint' },
  border_goods: { vi: 'Phương tiện vận chuyển hàng hoá qua biên giới', en: 'Cross-border goods vehicle' },
  border_interception: { vi: 'Người nhập cảnh trái phép', en: 'Illegal-entry interception' },
  border_trail: { vi: 'Đường mòn, lối mở', en: 'Trail or opening' },
  border_patrol: { vi: 'Tuần tra đường mòn', en: 'Trail patrol' },
  border_tipoff: { vi: 'Tin tố giác', en: 'Tip-off' },
  inspection_plan: { vi: 'Kế hoạch kiểm tra', en: 'Inspection plan' },
  inspection_visit: { vi: 'Cuộc kiểm tra', en: 'Inspection visit' },
  violation_record: { vi: 'Vi phạm hành chính', en: 'Administrative violation' },
  corrective_action: { vi: 'Yêu cầu khắc phục', en: 'Corrective action' },
} as const satisfies Record<string, Record<Locale, string>>;

export type AuditEntityType = keyof typeof auditEntityLabels;
export const auditEntityTypes = Object.keys(auditEntityLabels) as [AuditEntityType, ...AuditEntityType[]];

export const isAuditAction = (v: string): v is AuditAction => Object.hasOwn(auditActionLabels, v);
export const isAuditEntityType = (v: string): v is AuditEntityType => Object.hasOwn(auditEntityLabels, v);

/** The words for a code; an unknown code (an event older than its word) reads as itself. */
export const auditActionLabel = (action: string, locale: Locale): string =>
  isAuditAction(action) ? auditActionLabels[action][locale] : action;
export const auditEntityLabel = (type: string, locale: Locale): string =>
  isAuditEntityType(type) ? auditEntityLabels[type][locale] : type;

/**
 * The staff page of the record an event concerns, where the staff app has one. Null when it has
 * none (a person, a declaration: they are read through their case, stay or list).
 */
export function auditEntityHref(type: string, id: string | null): string | null {
  const page = entityPages[type as AuditEntityType];
  if (!page) return null;
  if (page.includes(':id')) return id ? page.replace(':id', encodeURIComponent(id)) : null;
  return page;
}

const entityPages: Partial<Record<AuditEntityType, string>> = {
  case: '/cases/:id',
  quarantine_admission: '/quarantine/:id',
  venue: '/venues/:id/entries',
  cluster: '/clusters',
  treatment_stay: '/treatment',
  test_order: '/testing',
  sample: '/testing',
  case_proposal: '/testing',
  test_pool: '/testing',
  test_campaign: '/testing/campaigns/:id',
  facility: '/facilities',
  epidemic_zone: '/risk',
  risk_level: '/risk',
  risk_rule_set: '/risk',
  locality: '/admin/localities',
  user: '/admin/users',
  data_breach: '/admin/breaches',
  audit_alert: '/admin/audit?tab=alerts',
  work_list: '/today',
  reporting_unit: '/reports',
  unit_report: '/reports/:id',
  workforce_roster: '/organisations/:id',
  workplace_gate_event: '/organisations',
  workplace_follow_up: '/today',
  consolidated_report: '/reports',
  directive: '/directives/:id',
  federation_referral: '/today',
  response_plan: '/plans',
  steering_committee: '/plans',
  plan_activation: '/plans',
  resource_store: '/resources/stores/:id',
  force_member: '/resources/forces',
  reinforcement_request: '/resources/forces',
  donation: '/resources/support',
  support_distribution: '/resources/support',
  border_post: '/border',
  border_shift: '/border',
  border_crossing: '/border',
  border_goods: '/border',
  border_interception: '/border/interceptions',
  border_trail: '/border/trails',
  border_patrol: '/border/trails',
  border_tipoff: '/border/tipoffs',
  inspection_plan: '/inspections/plans/:id',
  inspection_visit: '/inspections/visits/:id',
  violation_record: '/inspections/violations',
  corrective_action: '/inspections',
};
