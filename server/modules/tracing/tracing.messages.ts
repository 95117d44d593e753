import type { Locale } from '../../../core/errors.ts';

type Text = Record<Locale, string>;

export const tracingMessages: { alreadyDecided: Text; selfContact: Text } = {
  alreadyDecided: {
    vi: 'Người tiếp xúc này đã được xác nhận hoặc loại trước đó',
    en: 'This contact was already confirmed or rejected',
  },
  selfContact: { vi: 'Ca bệnh không thể là người tiếp xúc của chính mình', en: 'A case cannot be its own contact' },
};
