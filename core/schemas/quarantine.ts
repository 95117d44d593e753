import { z } from 'zod';
import { localityCode, pageQuery } from './common.ts';
import { personRef } from './cases.ts';
import { clientKey, symptomCodes } from './declarations.ts';

/** Quarantine admissions, their changes and releases, and the daily self-reports (issue 5). */
export const quarantineReasons = ['f1', 'arrival', 'f0_mild'] as const;
export const admissionStatuses = ['active', 'released', 'transferred', 'cancelled'] as const;
export const releaseBlockers = ['too_early', 'positive_result', 'release_test_missing'] as const;

const date = z.iso.date('Ngày không hợp lệ (YYYY-MM-DD) / Invalid date (YYYY-MM-DD)');
const reasonText = z
  .string()
  .trim()
  .min(3, 'Cần nêu lý do (ít nhất 3 ký tự) / A reason is needed (at least 3 characters)')
  .max(500);

export const admitRequest = z.object({
  clientKey,
  subject: personRef,
  reason: z.enum(quarantineReasons, 'Lý do cách ly không hợp lệ / Unknown quarantine reason'),
  facilityId: z.string().uuid('Cần chọn cơ sở cách ly / A facility is needed'),
  /** Day 1 of the quarantine; today when absent. */
  startsOn: date.optional(),
  vaccinatedOrRecovered: z.boolean().default(false),
  room: z.string().trim().max(40).optional(),
  /** The confirmed contact this admission answers (tracing's task). */
  contactId: z.string().uuid().optional(),
  profileCode: z.string().max(64).optional(),
});
export type AdmitRequest = z.infer<typeof admitRequest>;

export const admissionTest = z.object({
  code: z.string(),
  sampledOn: z.string(),
  kind: z.enum(['rt_pcr', 'rapid_antigen']),
  result: z.enum(['negative', 'positive', 'invalid']).nullable(),
});

export const admissionView = z.object({
  id: z.string().uuid(),
  personId: z.string().uuid(),
  fullName: z.string(),
  birthYear: z.number().int(),
  phone: z.string().nullable(),
  facilityId: z.string().uuid(),
  facilityName: z.string(),
  facilityKind: z.string(),
  reason: z.enum(quarantineReasons),
  profileCode: z.string(),
  vaccinatedOrRecovered: z.boolean(),
  startsOn: z.string(),
  endsOn: z.string(),
  monitoringUntil: z.string(),
  testDates: z.array(z.string()),
  room: z.string().nullable(),
  status: z.enum(admissionStatuses),
  releasedOn: z.string().nullable(),
  releaseKind: z.enum(['completed', 'early']).nullable(),
  extendedDays: z.number().int(),
  documentNumber: z.string().nullable(),
  tests: z.array(admissionTest),
  /** The stay's test orders (scheduled days, symptoms): a sample is recorded against one. */
  orders: z.array(
    z.object({
      id: z.string().uuid(),
      dueOn: z.string(),
      reason: z.string(),
      status: z.enum(['ordered', 'sampled', 'resulted', 'cancelled']),
    }),
  ),
  release: z.object({ allowed: z.boolean(), blockers: z.array(z.enum(releaseBlockers)) }),
  /** The no-login daily report link's token (the page is /c/theo-doi/<token>). */
  monitorToken: z.string().nullable(),
  lastReportOn: z.string().nullable(),
});
export type AdmissionView = z.infer<typeof admissionView>;

export const admissionRow = admissionView.omit({ tests: true, orders: true, release: true, monitorToken: true });
export type AdmissionRow = z.infer<typeof admissionRow>;

export const listAdmissionsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  facilityId: z.string().uuid().optional(),
  status: z.enum(admissionStatuses).optional(),
  /** Stays whose last day is on or before this date: releases due. */
  endsBy: date.optional(),
});
export type ListAdmissionsQuery = z.infer<typeof listAdmissionsQuery>;

export const extendRequest = z.object({
  days: z
    .number()
    .int()
    .min(1, 'Ít nhất 1 ngày / At least one day')
    .max(30, 'Tối đa 30 ngày mỗi lần / At most 30 days at a time'),
  reason: reasonText,
});
export const transferRequest = z.object({
  facilityId: z.string().uuid(),
  room: z.string().trim().max(40).optional(),
  reason: reasonText,
});
export const releaseRequest = z
  .object({ early: z.boolean().default(false), note: z.string().trim().max(500).optional() })
  .refine((r) => !r.early || (r.note && r.note.length >= 3), {
    message: 'Kết thúc cách ly sớm cần nêu lý do / An early release needs a reason',
    path: ['note'],
  });
export type ReleaseRequest = z.infer<typeof releaseRequest>;

export const monitoringReport = z.object({
  temperature: z
    .number()
    .min(34, 'Nhiệt độ từ 34 đến 43 °C / Temperature between 34 and 43 °C')
    .max(43, 'Nhiệt độ từ 34 đến 43 °C / Temperature between 34 and 43 °C')
    .optional(),
  symptoms: z.array(z.enum(symptomCodes)).max(symptomCodes.length).default([]),
});
export type MonitoringReport = z.infer<typeof monitoringReport>;

export const monitoringStatus = z.object({
  displayName: z.string(),
  facilityName: z.string(),
  endsOn: z.string(),
  reportedToday: z.boolean(),
  /** A test is due today: scheduled, or ordered because of the symptoms reported. */
  testDueToday: z.boolean(),
});
export type MonitoringStatus = z.infer<typeof monitoringStatus>;

export const missingReportsQuery = pageQuery.extend({ locality: localityCode.optional(), date: date.optional() });
