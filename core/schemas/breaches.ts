import { z } from 'zod';
import { localityCode, pageQuery } from './common.ts';

/**
 * Personal-data breaches (Law 91/2025/QH15, Decree 356/2025/NĐ-CP; DOMAIN §9): an administrator
 * records what happened and notifies the authority within 72 hours of detecting it. Messages are
 * 'vi / en': the HTTP layer shows the caller's half.
 */
export const breachNotifyWithinHours = 72;

/** What kinds of personal data a breach touched: a closed list, the sensitive kinds flagged. */
export const breachDataCategories = [
  'identity',
  'contact',
  'health',
  'test_results',
  'contact_tracing',
  'location',
  'accounts',
  'other',
] as const;
export type BreachDataCategory = (typeof breachDataCategories)[number];
/** Sensitive personal data under Law 91/2025: health, test results, F-status, where a person went. */
export const sensitiveBreachCategories: readonly BreachDataCategory[] = [
  'health',
  'test_results',
  'contact_tracing',
  'location',
];

export const breachStatuses = ['open', 'notified', 'closed'] as const;
export type BreachStatus = (typeof breachStatuses)[number];

const text = (label: { vi: string; en: string }, min: number, max: number) =>
  z
    .string({ error: `${label.vi}: bắt buộc / ${label.en}: required` })
    .trim()
    .min(min, `${label.vi}: ít nhất ${min} ký tự / ${label.en}: at least ${min} characters`)
    .max(max, `${label.vi}: tối đa ${max} ký tự / ${label.en}: at most ${max} characters`);
const notInFuture = (iso: string) => Date.parse(iso) <= Date.now() + 5 * 60_000;
const instant = z.iso
  .datetime({ offset: true, message: 'Thời điểm không hợp lệ / Invalid date and time' })
  .refine(notInFuture, 'Thời điểm không được ở tương lai / The time cannot be in the future');
const approximate = z
  .number({ error: 'Số lượng phải là số / A number is expected' })
  .int('Số lượng là số nguyên không âm / A whole number, zero or more')
  .min(0, 'Số lượng là số nguyên không âm / A whole number, zero or more')
  .max(1_000_000_000, 'Số lượng quá lớn / The number is too large');
const categories = z
  .array(z.enum(breachDataCategories, { error: 'Loại dữ liệu không hợp lệ / Unknown kind of data' }))
  .min(1, 'Chọn ít nhất một loại dữ liệu / Choose at least one kind of data')
  .refine((a) => new Set(a).size === a.length, 'Loại dữ liệu bị lặp / A kind of data is repeated');
const phone = z
  .string()
  .trim()
  .regex(/^\+?[\d\s.()-]{8,20}$/, 'Số điện thoại không hợp lệ / Not a valid phone number');

const breachFields = {
  detectedAt: instant,
  /** When it happened, if known (before or at detection). */
  occurredAt: instant.optional(),
  nature: text({ vi: 'Mô tả vi phạm', en: 'Description' }, 10, 4000),
  dataCategories: categories,
  peopleAffected: approximate.optional(),
  recordsAffected: approximate.optional(),
  consequences: text({ vi: 'Hậu quả có thể xảy ra', en: 'Likely consequences' }, 3, 4000),
  measuresTaken: text({ vi: 'Biện pháp đã thực hiện', en: 'Measures taken' }, 3, 4000),
  measuresProposed: text({ vi: 'Biện pháp đề xuất', en: 'Measures proposed' }, 3, 4000),
  contactName: text({ vi: 'Người liên hệ', en: 'Contact person' }, 2, 120),
  contactTitle: text({ vi: 'Chức vụ người liên hệ', en: "Contact's position" }, 2, 160),
  contactPhone: phone,
  contactEmail: z.email('Thư điện tử không hợp lệ / Not a valid e-mail address').optional(),
  /** Who signs the notification; blank leaves the line to be signed by hand. */
  signerName: z.string().trim().max(120).optional(),
  /** Required by the law when the notification leaves after 72 hours. */
  lateReason: z.string().trim().max(2000).optional(),
};

const occurredBeforeDetection = (b: { detectedAt?: string; occurredAt?: string }) =>
  !b.detectedAt || !b.occurredAt || Date.parse(b.occurredAt) <= Date.parse(b.detectedAt);
const occurredIssue = {
  message: 'Thời điểm xảy ra phải trước khi phát hiện / It cannot have happened after it was detected',
  path: ['occurredAt'],
};

export const createBreachRequest = z
  .strictObject({ clientKey: z.string().uuid('Mã gửi không hợp lệ / Invalid submission key'), ...breachFields })
  .refine(occurredBeforeDetection, occurredIssue);
export type CreateBreachRequest = z.infer<typeof createBreachRequest>;

/** Any field may change; `status: notified` records when the authority was notified (now when absent). */
export const updateBreachRequest = z
  .strictObject({
    ...(Object.fromEntries(Object.entries(breachFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof breachFields]: z.ZodOptional<(typeof breachFields)[K]>;
    }),
    status: z.enum(breachStatuses, { error: 'Trạng thái không hợp lệ / Unknown status' }).optional(),
    notifiedAt: instant.optional(),
  })
  .refine(occurredBeforeDetection, occurredIssue);
export type UpdateBreachRequest = z.infer<typeof updateBreachRequest>;

export const breachView = z.object({
  id: z.string().uuid(),
  /** "3/TB-SYT": the notification's number and symbol. */
  number: z.string(),
  localityCode: z.string(),
  localityName: z.string(),
  detectedAt: z.string(),
  occurredAt: z.string().nullable(),
  nature: z.string(),
  dataCategories: z.array(z.enum(breachDataCategories)),
  sensitive: z.boolean(),
  peopleAffected: z.number().int().nullable(),
  recordsAffected: z.number().int().nullable(),
  consequences: z.string(),
  measuresTaken: z.string(),
  measuresProposed: z.string(),
  contactName: z.string(),
  contactTitle: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string().nullable(),
  signerName: z.string().nullable(),
  lateReason: z.string().nullable(),
  status: z.enum(breachStatuses),
  notifiedAt: z.string().nullable(),
  /** Detection + 72 hours. */
  deadline: z.string(),
  /** Notified in time (true), late or overdue (false), still within the 72 hours (null). */
  deadlineMet: z.boolean().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BreachView = z.infer<typeof breachView>;

export const listBreachesQuery = pageQuery.extend({
  locality: localityCode.optional(),
  status: z.enum(breachStatuses, { error: 'Trạng thái không hợp lệ / Unknown status' }).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ListBreachesQuery = z.infer<typeof listBreachesQuery>;
