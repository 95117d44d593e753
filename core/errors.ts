/**
 * The closed set of error codes phongdich answers with. Domain code throws `AppError` with one of
 * these; the HTTP layer answers it with the code's status (`errorStatus`, also what the OpenAPI
 * description documents per route) and the message from `errorMessages` in the caller's language.
 * Adding a code means adding its status and both messages — the compiler enforces that.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'SECOND_FACTOR_REQUIRED',
  'SECOND_FACTOR_INVALID',
  'LOGIN_THROTTLED',
  'PASSWORD_CHANGE_REQUIRED',
  'TWO_FACTOR_ENROLMENT_REQUIRED',
  'REAUTH_REQUIRED',
  'CSRF_INVALID',
  'FORBIDDEN',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'QUERY_TIMEOUT',
  'CONFLICT',
  'CASE_ALREADY_ADMITTED',
  'CASE_ALREADY_AT_HOME',
  'CASE_CLOSED',
  'CASE_NOT_IN_TREATMENT',
  'CASE_TREATMENT_NEEDS_ADMISSION',
  'CASE_IN_TREATMENT_DISCHARGE_FIRST',
  'FACILITY_CLOSED',
  'NO_FREE_BED',
  'SAME_PLACE',
  'STAY_ALREADY_ENDED',
  'QUARANTINE_FULL',
  'ALREADY_IN_QUARANTINE',
  'CONTACT_NOT_CONFIRMED',
  'RELEASE_POSITIVE_RESULT',
  'RELEASE_TOO_EARLY',
  'RELEASE_TEST_MISSING',
  'CERTIFICATE_NOT_AVAILABLE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'IMPORT_INVALID',
  'POSTER_ADDRESS_LOOPBACK',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** The one table from error code to HTTP status. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SECOND_FACTOR_REQUIRED: 401,
  SECOND_FACTOR_INVALID: 401,
  LOGIN_THROTTLED: 429,
  PASSWORD_CHANGE_REQUIRED: 403,
  TWO_FACTOR_ENROLMENT_REQUIRED: 403,
  REAUTH_REQUIRED: 403,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  QUERY_TIMEOUT: 503,
  CONFLICT: 409,
  CASE_ALREADY_ADMITTED: 409,
  CASE_ALREADY_AT_HOME: 409,
  CASE_CLOSED: 409,
  CASE_NOT_IN_TREATMENT: 409,
  CASE_TREATMENT_NEEDS_ADMISSION: 409,
  CASE_IN_TREATMENT_DISCHARGE_FIRST: 409,
  FACILITY_CLOSED: 409,
  NO_FREE_BED: 409,
  SAME_PLACE: 409,
  STAY_ALREADY_ENDED: 409,
  QUARANTINE_FULL: 409,
  ALREADY_IN_QUARANTINE: 409,
  CONTACT_NOT_CONFIRMED: 409,
  RELEASE_POSITIVE_RESULT: 409,
  RELEASE_TOO_EARLY: 409,
  RELEASE_TEST_MISSING: 409,
  CERTIFICATE_NOT_AVAILABLE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  IMPORT_INVALID: 422,
  POSTER_ADDRESS_LOOPBACK: 409,
  INTERNAL: 500,
} as const satisfies Record<ErrorCode, number>;

export type ErrorStatus = (typeof errorStatus)[ErrorCode];
export type Locale = 'vi' | 'en';
export const locales: readonly Locale[] = ['vi', 'en'];

export const errorMessages: Record<ErrorCode, Record<Locale, string>> = {
  VALIDATION_FAILED: { vi: 'Dữ liệu không hợp lệ.', en: 'The input is not valid.' },
  UNAUTHENTICATED: { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  INVALID_CREDENTIALS: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  SECOND_FACTOR_REQUIRED: {
    vi: 'Nhập mã xác thực 6 số từ ứng dụng xác thực (hoặc một mã khôi phục).',
    en: 'Enter the 6-digit code from your authenticator app (or a recovery code).',
  },
  SECOND_FACTOR_INVALID: {
    vi: 'Mã xác thực không đúng hoặc đã được dùng.',
    en: 'The code is wrong or was already used.',
  },
  LOGIN_THROTTLED: {
    vi: 'Đăng nhập sai nhiều lần. Vui lòng chờ một lát rồi thử lại.',
    en: 'Too many failed sign-ins. Wait a moment and try again.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    en: 'You must change your password before going on.',
  },
  TWO_FACTOR_ENROLMENT_REQUIRED: {
    vi: 'Tài khoản của bạn phải bật xác thực hai lớp trước khi tiếp tục.',
    en: 'Your account must set up two-factor sign-in before going on.',
  },
  REAUTH_REQUIRED: {
    vi: 'Vui lòng xác nhận lại mật khẩu để thực hiện thao tác này.',
    en: 'Confirm your password again to do this.',
  },
  CSRF_INVALID: {
    vi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.',
    en: 'The request could not be verified; reload the page.',
  },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You may not do this.' },
  NOT_FOUND: { vi: 'Không tìm thấy.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { vi: 'Địa chỉ không tồn tại.', en: 'No such address.' },
  METHOD_NOT_ALLOWED: { vi: 'Địa chỉ này không nhận phương thức đó.', en: 'This address does not accept that method.' },
  QUERY_TIMEOUT: {
    vi: 'Yêu cầu chạy quá lâu nên đã được dừng. Hãy thu hẹp bộ lọc (địa bàn, thời gian) rồi thử lại.',
    en: 'The request ran too long and was stopped. Narrow the filter (area, period) and try again.',
  },
  CONFLICT: {
    vi: 'Dữ liệu đã tồn tại hoặc đã bị thay đổi.',
    en: 'This already exists or was changed meanwhile.',
  },
  CASE_ALREADY_ADMITTED: {
    vi: 'Ca bệnh đang nằm giường điều trị ở một cơ sở: hãy chuyển viện hoặc cho ra viện trước khi tiếp nhận lại.',
    en: 'The case is already in a bed: transfer or discharge it instead of admitting it again.',
  },
  CASE_ALREADY_AT_HOME: {
    vi: 'Ca bệnh đang điều trị tại nhà.',
    en: 'The case is already treated at home.',
  },
  CASE_CLOSED: {
    vi: 'Ca bệnh đã khỏi hoặc tử vong, không tiếp nhận điều trị.',
    en: 'The case has recovered or died: it cannot be admitted.',
  },
  CASE_NOT_IN_TREATMENT: {
    vi: 'Ca bệnh không đang điều trị nên không thể chuyển hoặc cho ra viện.',
    en: 'The case is not under treatment, so it cannot be transferred or discharged.',
  },
  CASE_TREATMENT_NEEDS_ADMISSION: {
    vi: 'Không thể tự đặt trạng thái “đang điều trị”: hãy tiếp nhận ca bệnh vào giường bệnh hoặc điều trị tại nhà.',
    en: 'A case cannot be set “under treatment” by hand: admit it to a bed or to home treatment.',
  },
  CASE_IN_TREATMENT_DISCHARGE_FIRST: {
    vi: 'Ca bệnh đang điều trị: hãy cho ra viện (khỏi, tử vong hoặc chuyển ra ngoài tỉnh) để kết thúc.',
    en: 'The case is under treatment: discharge it (recovered, died or transferred out of the province) to close it.',
  },
  FACILITY_CLOSED: {
    vi: 'Cơ sở đã đóng, không tiếp nhận thêm người.',
    en: 'The facility is closed and admits nobody.',
  },
  NO_FREE_BED: {
    vi: 'Cơ sở không còn giường loại này trống.',
    en: 'The facility has no free bed of this kind.',
  },
  SAME_PLACE: {
    vi: 'Người này đã ở đúng cơ sở (và loại giường) được chọn.',
    en: 'The person is already at the chosen facility (and bed kind).',
  },
  STAY_ALREADY_ENDED: {
    vi: 'Lượt điều trị hoặc cách ly này đã kết thúc.',
    en: 'This stay has already ended.',
  },
  QUARANTINE_FULL: {
    vi: 'Cơ sở đã hết chỗ cách ly.',
    en: 'The facility has no free quarantine place.',
  },
  ALREADY_IN_QUARANTINE: {
    vi: 'Người này đang cách ly ở một cơ sở khác.',
    en: 'This person is already in quarantine.',
  },
  CONTACT_NOT_CONFIRMED: {
    vi: 'Người tiếp xúc chưa được xác nhận nên chưa thể đưa đi cách ly.',
    en: 'The contact is not confirmed yet, so they cannot be quarantined.',
  },
  RELEASE_POSITIVE_RESULT: {
    vi: 'Không thể kết thúc cách ly: có kết quả xét nghiệm dương tính trong thời gian cách ly.',
    en: 'Cannot release: a test was positive during the quarantine.',
  },
  RELEASE_TOO_EARLY: {
    vi: 'Chưa hết thời gian cách ly: chỉ kết thúc sớm khi có lý do.',
    en: 'The quarantine period is not over: an early release needs a reason.',
  },
  RELEASE_TEST_MISSING: {
    vi: 'Chưa có kết quả xét nghiệm âm tính trước khi kết thúc cách ly.',
    en: 'The negative release test is missing.',
  },
  CERTIFICATE_NOT_AVAILABLE: {
    vi: 'Chỉ cấp giấy xác nhận khi đã hoàn thành cách ly.',
    en: 'A certificate is issued only once the quarantine is completed.',
  },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The upload is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    vi: 'Định dạng dữ liệu không được hỗ trợ.',
    en: 'This content type is not supported.',
  },
  RATE_LIMITED: {
    vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.',
    en: 'Too many requests; try again later.',
  },
  IMPORT_INVALID: {
    vi: 'Tệp nhập có lỗi, không dòng nào được lưu.',
    en: 'The file has errors; no row was saved.',
  },
  POSTER_ADDRESS_LOOPBACK: {
    vi: 'Chưa in được áp phích: mã QR sẽ trỏ tới địa chỉ nội bộ của máy chủ (127.0.0.1 hoặc localhost), điện thoại của khách không mở được. Quản trị hệ thống cần đặt địa chỉ công khai (PHONGDICH_PUBLIC_URL).',
    en: "The poster cannot be printed: its QR code would point at the server's own loopback address (127.0.0.1 or localhost), which visitors' phones cannot open. The system administrator must set the public address (PHONGDICH_PUBLIC_URL).",
  },
  INTERNAL: { vi: 'Lỗi hệ thống, vui lòng thử lại.', en: 'Something went wrong; please retry.' },
};

export interface ErrorDetail {
  /** Dotted path of the offending field, or `row:N` for a file import. */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  constructor(code: ErrorCode, details: ErrorDetail[] = [], internalMessage?: string) {
    super(internalMessage ?? code);
    this.code = code;
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
