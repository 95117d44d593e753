import type { Locale } from '../../../core/errors.ts';
import { isCommonPassword } from './common-passwords.ts';

export const MIN_PASSWORD_LENGTH = 12;
/** How many of an account's last passwords (the current one included) may not be chosen again. */
export const PASSWORD_HISTORY = 5;

export type PasswordProblem = 'too_short' | 'common' | 'contains_username' | 'reused';

export const passwordMessages: Record<PasswordProblem, Record<Locale, string>> = {
  too_short: {
    vi: `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
    en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
  },
  common: {
    vi: 'Mật khẩu này quá phổ biến hoặc đã lộ trong các vụ rò rỉ dữ liệu. Hãy chọn mật khẩu khác, ví dụ một câu ngắn dễ nhớ.',
    en: 'This password is too common or appears in known data breaches. Choose another, for example a short sentence.',
  },
  contains_username: {
    vi: 'Mật khẩu không được chứa tên đăng nhập.',
    en: 'The password must not contain the username.',
  },
  reused: {
    vi: `Không dùng lại một trong ${PASSWORD_HISTORY} mật khẩu gần nhất.`,
    en: `Do not reuse one of your last ${PASSWORD_HISTORY} passwords.`,
  },
};

/** What is wrong with a new password, before the (slower) comparison with the account's history. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (username.length >= 3 && password.toLowerCase().includes(username.trim().toLowerCase()))
    return 'contains_username';
  if (isCommonPassword(password)) return 'common';
  return null;
}
