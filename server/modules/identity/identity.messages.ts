import type { Locale } from '../../../core/errors.ts';

type Messages = Record<Locale, string>;

/** Field messages of sign-in, account security and account management. */
export const identityMessages = {
  wrongPassword: { vi: 'Mật khẩu không đúng.', en: 'The password is wrong.' },
  wrongCurrentPassword: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  codeNeeded: {
    vi: 'Nhập mã 6 số từ ứng dụng xác thực hoặc một mã khôi phục.',
    en: 'Enter the 6-digit code from your authenticator app or a recovery code.',
  },
  wrongCode: { vi: 'Mã không đúng hoặc đã được dùng.', en: 'The code is wrong or was already used.' },
  noPendingEnrolment: {
    vi: 'Hãy bắt đầu lại việc bật xác thực hai lớp.',
    en: 'Start setting up two-factor sign-in again.',
  },
  alreadyEnrolled: {
    vi: 'Tài khoản đã bật xác thực hai lớp.',
    en: 'Two-factor sign-in is already on for this account.',
  },
  notEnrolled: { vi: 'Tài khoản chưa bật xác thực hai lớp.', en: 'Two-factor sign-in is not on for this account.' },
  requiredForRole: {
    vi: 'Vai trò của bạn bắt buộc dùng xác thực hai lớp.',
    en: 'Your role must use two-factor sign-in.',
  },
  taken: { vi: 'Tên đăng nhập đã được dùng', en: 'This username is taken' },
  notYourself: {
    vi: 'Không thể tự khoá, đổi vai trò hay phạm vi của chính mình',
    en: 'You cannot disable yourself or change your own role or scope',
  },
  unknownLocality: { vi: 'Không có đơn vị này trong phạm vi của bạn', en: 'No such unit in your scope' },
  wrongLevel: { vi: 'Vai trò này chỉ gắn với cấp', en: 'This role can only be scoped to' },
} satisfies Record<string, Messages>;
