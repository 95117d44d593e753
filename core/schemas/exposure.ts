import { z } from 'zod';
import { localityCode, pageQuery } from './common.ts';
import { symptomCodes } from '../declaration-codes.ts';

/** Exposure alerts and self-reports (issue 20). */

export const exposureKeyView = z.object({
  algorithm: z.literal('Ed25519'),
  /** The raw 32-byte public key, base64url: the phone pins it and checks every feed with it. */
  publicKey: z.string(),
});
export type ExposureKeyView = z.infer<typeof exposureKeyView>;

/** What a feed's profile tells the phone: the overlap rule and the advice to show. */
export interface FeedProfile {
  name: { vi: string; en: string };
  minOverlapMinutes: number;
  assumedStayMinutes: number;
  quarantineDays: number;
  monitoringDays: number;
  testDays: number[];
}

/**
 * The signed feed of a province (the body the signature covers, JSON). Entries are
 * `[identifier, fromMinute, toMinute, pending (0|1), profile]`: arrays, not objects, so 5,000 of them
 * stay small. `generatedAt` only grows: a phone refuses a feed older than one it accepted (replay).
 */
export interface ExposureFeed {
  v: 1;
  province: string;
  generatedAt: string;
  profiles: Record<string, FeedProfile>;
  entries: [string, number, number, 0 | 1, string][];
}

const identifier = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'Mã định danh không hợp lệ / Invalid identifier');

export const selfReportRequest = z
  .object({
    kind: z.enum(['symptoms', 'positive_test'], 'Chọn loại tự báo / Choose what you report'),
    // The declaration's symptoms: the same words on the form and for the commune.
    symptoms: z.array(z.enum(symptomCodes)).max(symptomCodes.length).default([]),
    onsetDate: z.iso.date().optional(),
    testDate: z.iso.date().optional(),
    note: z.string().trim().max(1000).optional(),
    /** The commune whose health station takes the report (where the person is now). */
    communeCode: localityCode,
    /** The phone's key for this report: sent again after a lost answer, it records the report once. */
    clientKey: z.uuid('Mã gửi không hợp lệ / Invalid submission key'),
    consent: z.literal(true, 'Cần đồng ý chia sẻ để gửi tự báo / Consent is needed to send a self-report'),
    /**
     * The phone's own check-ins, as the identifiers its venues' keys give (never the venues): published
     * at once as pending exposure entries, when the person chose to.
     */
    publish: z
      .array(
        z
          .object({ identifier, fromMinute: z.number().int().positive(), toMinute: z.number().int().positive() })
          .refine((e) => e.toMinute > e.fromMinute && e.toMinute - e.fromMinute <= 24 * 60, {
            message: 'Khoảng thời gian không hợp lệ / Invalid window',
          }),
      )
      .max(2000)
      .default([]),
  })
  .refine((r) => r.kind !== 'positive_test' || r.testDate, {
    message: 'Cần ngày xét nghiệm / The test date is needed',
    path: ['testDate'],
  });
export type SelfReportRequest = z.input<typeof selfReportRequest>;
export const selfReportResult = z.object({ id: z.string(), publishedEntries: z.number() });
export type SelfReportResult = z.infer<typeof selfReportResult>;

export const handleSelfReportRequest = z.object({
  /** What becomes of the entries the reporter published: confirmed (stay) or withdrawn (leave the feed). */
  exposure: z.enum(['confirm', 'withdraw']).optional(),
});
export const selfReportView = z.object({
  id: z.string(),
  kind: z.enum(['symptoms', 'positive_test']),
  status: z.enum(['received', 'handled']),
  publishedEntries: z.number(),
  exposureDecision: z.enum(['confirmed', 'withdrawn']).nullable(),
});

export const exposureCountsQuery = z.object({ locality: localityCode.optional() });
export const exposureCounts = z.object({
  from: z.string(),
  to: z.string(),
  days: z.array(
    z.object({
      day: z.string(),
      entriesPublished: z.number(),
      feedFetches: z.number(),
      selfReportsReceived: z.number(),
      selfReportsHandled: z.number(),
    }),
  ),
  venues: z.array(z.object({ day: z.string(), venueName: z.string(), entries: z.number() })),
});
export type ExposureCounts = z.infer<typeof exposureCounts>;

/** Self-reports whose published entries wait for an official (confirm or withdraw), oldest first. */
export const listPendingExposureQuery = pageQuery.extend({ locality: localityCode.optional() });
export type ListPendingExposureQuery = z.infer<typeof listPendingExposureQuery>;
export const pendingExposureView = z.object({
  /** The self-report's id: what `POST /self-reports/:id/handle` takes. */
  id: z.string(),
  createdAt: z.string(),
  kind: z.enum(['symptoms', 'positive_test']),
  testDate: z.string().nullable(),
  fullName: z.string(),
  communeCode: z.string(),
  /** Entries the reporter's phone published, pending in the feed. */
  pendingEntries: z.number(),
  /** The windows they cover (first start, last end): the venues are not known to the server. */
  firstFrom: z.string().nullable(),
  lastTo: z.string().nullable(),
  hasPhoto: z.boolean(),
});
export type PendingExposureView = z.infer<typeof pendingExposureView>;

/** A case's stay at a venue, from its own check-ins over the retention period, and whether the feed has it. */
export const caseStayView = z.object({
  venueId: z.string(),
  venueName: z.string(),
  checkedInAt: z.string(),
  checkedOutAt: z.string().nullable(),
  /** An entry of this case at this venue overlaps the stay (published at registration or marked). */
  published: z.boolean(),
});
export type CaseStayView = z.infer<typeof caseStayView>;
export const caseStaysView = z.object({ items: z.array(caseStayView) });

/** An investigator marks a stay of a case at a venue as a transmission risk: published to the feed. */
export const markTransmissionRiskRequest = z.object({
  venueId: z.uuid(),
  checkedInAt: z.iso.datetime({ offset: true }),
});
export type MarkTransmissionRiskRequest = z.infer<typeof markTransmissionRiskRequest>;
export const markTransmissionRiskResult = z.object({ published: z.number() });

/** A citizen's own self-reports, as their phone's session sees them (never the photo). */
export const mySelfReportView = z.object({
  id: z.string(),
  createdAt: z.string(),
  kind: z.enum(['symptoms', 'positive_test']),
  symptoms: z.array(z.enum(symptomCodes)),
  testDate: z.string().nullable(),
  hasPhoto: z.boolean(),
  /** Check-ins published from the phone, and what the commune decided of them. */
  publishedEntries: z.number(),
  exposureDecision: z.enum(['confirmed', 'withdrawn']).nullable(),
  status: z.enum(['received', 'handled']),
});
export type MySelfReportView = z.infer<typeof mySelfReportView>;
export const mySelfReportsView = z.object({ items: z.array(mySelfReportView) });

/** Web push (issue 20): the key browsers subscribe with, and a browser's subscription. */
export const pushKeyView = z.object({ publicKey: z.string().nullable() });
export const pushSubscriptionRequest = z.object({
  endpoint: z.url().max(1000),
  keys: z.object({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{80,100}=*$/, 'p256dh'),
    auth: z.string().regex(/^[A-Za-z0-9_-]{16,32}=*$/, 'auth'),
  }),
});
export const pushUnsubscribeRequest = z.object({ endpoint: z.url().max(1000) });
export const pushSubscriptionsView = z.object({ subscribed: z.boolean() });

/** SMS alerts: read the person's choice (no field) or set it; answers the choice now in force. */
export const alertConsentRequest = z.object({ sms: z.boolean().optional() });
export const alertConsentView = z.object({ sms: z.boolean(), hasPhone: z.boolean() });
