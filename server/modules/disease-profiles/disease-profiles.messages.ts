import type { Locale } from '../../../core/errors.ts';

type Text = Record<Locale, string>;

export const diseaseProfileMessages: Record<'codeMismatch', Text> = {
  codeMismatch: { vi: 'Mã hồ sơ không khớp địa chỉ', en: 'The profile code does not match the address' },
};
