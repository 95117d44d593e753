import { roleLabels, wordsIn } from '../../../core/code-labels.ts';
import { securityVi } from '../features/auth/messages.vi.ts';
import { casesVi } from '../features/cases/messages.vi.ts';
import { facilitiesVi } from '../features/facilities/messages.vi.ts';
import { quarantineVi } from '../features/quarantine/messages.vi.ts';
import { riskDashboardVi } from '../features/risk-dashboard/messages.vi.ts';
import { riskRulesVi } from '../features/risk-rules/messages.vi.ts';
import { riskVi } from '../features/risk/messages.vi.ts';
import { testingVi } from '../features/testing/messages.vi.ts';
import { todayVi } from '../features/today/messages.vi.ts';
import { federationVi } from '../features/federation/messages.vi.ts';
import { nationalHubVi } from '../features/federation/national-messages.vi.ts';
import { situationVi } from '../features/home/messages.vi.ts';
import { peopleLinksVi } from '../features/people-links/messages.vi.ts';
import { breachesVi } from '../features/admin-breaches/messages.vi.ts';
import { treatmentVi } from '../features/treatment/messages.vi.ts';
import { usersVi } from '../features/admin-users/messages.vi.ts';
import { localitiesVi } from '../features/admin-localities/messages.vi.ts';
import { unitsVi } from '../features/admin-units/messages.vi.ts';
import { auditVi } from '../features/admin-audit/messages.vi.ts';
import { peopleSearchVi } from '../features/people/messages.vi.ts';
import { declarationsVi } from '../features/declarations/messages.vi.ts';
import { venuesVi } from '../features/venues/messages.vi.ts';
import { checkinsVi } from '../features/checkins/messages.vi.ts';
import { organisationsVi } from '../features/organisations/messages.vi.ts';
import { reportsVi } from '../features/reports/messages.vi.ts';
import { directivesVi } from '../features/directives/messages.vi.ts';
import { inspectionsVi } from '../features/inspections/messages.vi.ts';
import { resourcesVi } from '../features/resources/messages.vi.ts';
import { plansVi } from '../features/plans/messages.vi.ts';
import { borderVi } from '../features/border/messages.vi.ts';
import { exposureVi } from '../features/exposure/messages.vi.ts';
import { offlineVi } from '../offline/messages.vi.ts';
/**
 * Vietnamese catalogue (default language). `en.ts` must have exactly the same keys — the compiler
 * checks the shape and `catalogue.test.ts` checks keys, empty strings and `{{placeholders}}`.
 * No plural suffixes (`_one`/`_other`): Vietnamese has no plural forms, so keys stay identical.
 */
export const vi = {
  app: {
    name: 'Phòng, chống dịch',
    loading: 'Đang tải…',
  },
  common: {
    save: 'Lưu',
    saving: 'Đang lưu…',
    cancel: 'Huỷ',
    close: 'Đóng',
    search: 'Tìm kiếm',
    loadMore: 'Tải thêm',
    loading: 'Đang tải…',
    noData: 'Không có dữ liệu.',
    all: 'Tất cả',
    exportExcel: 'Xuất Excel',
    exportCsv: 'Xuất CSV',
    copy: 'Sao chép',
    copied: 'Đã sao chép',
    actions: 'Thao tác',
    demoFigure: '(số liệu minh hoạ)',
    empty: '—',
    retry: 'Thử lại',
    shownCount_other: 'Đang hiển thị {{count, number}} dòng',
    optional: '(không bắt buộc)',
  },
  sheetImport: {
    file: 'Tệp dữ liệu',
    submit: 'Nhập dữ liệu',
    importing: 'Đang nhập…',
    unsupported: 'Chỉ nhận tệp .xlsx hoặc .csv.',
    row: 'Dòng {{row}}',
  },
  errors: {
    network: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.',
    unexpected: 'Lỗi hệ thống, vui lòng thử lại.',
    fieldList: 'Chi tiết:',
  },
  lang: {
    label: 'Ngôn ngữ',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  auth: {
    loginTitle: 'Đăng nhập',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    submitting: 'Đang đăng nhập…',
    logout: 'Đăng xuất',
    changePasswordTitle: 'Đổi mật khẩu',
    mustChangeIntro: 'Đây là lần đăng nhập đầu tiên hoặc mật khẩu vừa được đặt lại. Vui lòng đặt mật khẩu mới.',
    currentPassword: 'Mật khẩu hiện tại',
    newPassword: 'Mật khẩu mới',
    newPasswordHint:
      'Ít nhất 12 ký tự; không chứa tên đăng nhập; không dùng mật khẩu phổ biến hay 5 mật khẩu gần nhất. Một câu ngắn dễ nhớ là lựa chọn tốt.',
    confirmPassword: 'Nhập lại mật khẩu mới',
    passwordMismatch: 'Hai mật khẩu mới không khớp.',
    passwordTooShort: 'Mật khẩu mới phải có ít nhất 12 ký tự.',
    passwordChanged: 'Đã đổi mật khẩu.',
    changePassword: 'Đổi mật khẩu',
    backToApp: 'Quay lại ứng dụng',
  },
  roles: wordsIn(roleLabels, 'vi'),
  levels: {
    country: 'Toàn quốc',
    province: 'Tỉnh, thành phố',
    district: 'Quận, huyện',
    commune: 'Xã, phường',
  },
  nav: {
    menu: 'Menu',
    closeMenu: 'Đóng menu',
    main: 'Điều hướng chính',
    home: 'Trang chủ, bản đồ',
    comingSoon: 'Sắp có',
    declarations: 'Khai báo y tế',
    venues: 'Địa điểm & check-in',
    cases: 'Ca bệnh',
    chains: 'Chuỗi lây nhiễm',
    clusters: 'Ổ dịch',
    tracing: 'Truy vết',
    quarantine: 'Cách ly',
    testing: 'Xét nghiệm',
    treatment: 'Điều trị',
    riskLevels: 'Cấp độ dịch',
    reports: 'Báo cáo',
    inspections: 'Kiểm tra',
    admin: 'Quản trị',
    adminUsers: 'Người dùng',
    adminLocalities: 'Đơn vị hành chính',
    adminAudit: 'Nhật ký hệ thống',
    adminBreaches: 'Vi phạm dữ liệu cá nhân',
    account: 'Tài khoản',
  },
  locality: {
    label: 'Địa bàn',
    searchPlaceholder: 'Tìm địa bàn…',
    noMatch: 'Không có địa bàn phù hợp',
    loadError: 'Không tải được danh sách địa bàn.',
  },
  address: {
    province: 'Tỉnh/thành phố',
    typeName: 'Gõ tên rồi chọn, không cần dấu (ví dụ: doan ket).',
    typePlaceholder: 'Gõ tên…',
    noMatch: 'Không có tên nào khớp.',
    loadFailed: 'Không tải được danh sách địa bàn.',
  },
  home: {
    title: 'Bản đồ địa bàn',
    mapLabel: 'Bản đồ ranh giới các xã, phường',
    mapHint: 'Chọn một xã, phường trên bản đồ để xem thông tin.',
    population: 'Dân số',
    code: 'Mã',
    name: 'Tên',
    fullName: 'Tên đầy đủ',
    communes: 'Danh sách xã, phường',
    noBoundaries: 'Chưa có dữ liệu ranh giới cho địa bàn này.',
  },
  ...usersVi,
  ...localitiesVi,
  ...unitsVi,
  ...auditVi,
  ...peopleSearchVi,
  ...declarationsVi,
  ...venuesVi,
  ...checkinsVi,
  ...organisationsVi,
  ...reportsVi,
  ...directivesVi,
  ...inspectionsVi,
  ...resourcesVi,
  ...plansVi,
  ...borderVi,
  ...exposureVi,
  ...offlineVi,
  ...casesVi,
  ...securityVi,
  ...quarantineVi,
  ...testingVi,
  ...facilitiesVi,
  ...treatmentVi,
  ...todayVi,
  ...federationVi,
  ...nationalHubVi,
  ...situationVi,
  ...peopleLinksVi,
  ...breachesVi,
  ...riskVi,
  ...riskDashboardVi,
  ...riskRulesVi,
  notFound: {
    title: 'Không tìm thấy trang',
    text: 'Địa chỉ bạn mở không tồn tại.',
    backHome: 'Về trang chủ',
  },
  forbidden: {
    title: 'Không có quyền truy cập',
    text: 'Tài khoản của bạn không được dùng chức năng này.',
  },
};

export type Catalogue = typeof vi;
