import type { Locale } from '../../../core/errors.ts';
import type { BreachDataCategory, BreachStatus } from '../../../core/schemas/breaches.ts';

type Text = Record<Locale, string>;

export const breachCategoryLabels: Record<BreachDataCategory, Text> = {
  identity: {
    vi: 'Thông tin định danh (họ tên, ngày sinh, số giấy tờ tùy thân)',
    en: 'Identity (name, date of birth, ID number)',
  },
  contact: { vi: 'Thông tin liên lạc (số điện thoại, địa chỉ)', en: 'Contact details (phone, address)' },
  health: { vi: 'Tình trạng sức khỏe, tờ khai y tế', en: 'Health status, health declarations' },
  test_results: { vi: 'Kết quả xét nghiệm', en: 'Test results' },
  contact_tracing: { vi: 'Thông tin truy vết, phân loại F0, F1, cách ly', en: 'Contact tracing, F-status, quarantine' },
  location: { vi: 'Vị trí, lịch sử quét mã tại địa điểm', en: 'Location and venue check-in history' },
  accounts: { vi: 'Tài khoản cán bộ sử dụng hệ thống', en: "Officials' accounts" },
  other: { vi: 'Dữ liệu khác', en: 'Other data' },
};

export const breachStatusLabels: Record<BreachStatus, Text> = {
  open: { vi: 'Chưa thông báo', en: 'Not notified yet' },
  notified: { vi: 'Đã thông báo', en: 'Notified' },
  closed: { vi: 'Đã khắc phục, đóng', en: 'Resolved and closed' },
};

export const breachMessages = {
  notNotified: {
    vi: 'Chỉ đóng được vi phạm đã thông báo cho cơ quan chuyên trách',
    en: 'Only a breach notified to the authority can be closed',
  },
  reopen: { vi: 'Không mở lại được vi phạm đã thông báo', en: 'A notified breach cannot be reopened' },
  notifiedBeforeDetection: {
    vi: 'Thời điểm thông báo phải sau khi phát hiện',
    en: 'It cannot have been notified before it was detected',
  },
  occurredAfterDetection: {
    vi: 'Thời điểm xảy ra phải trước khi phát hiện',
    en: 'It cannot have happened after it was detected',
  },
} satisfies Record<string, Text>;
