import { z } from 'zod';
import { personRef } from './cases.ts';
import { localityCode } from './common.ts';

/** Cross-province referrals (issue 21): what a province writes for another, and the answer. */
const provinceCode = z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số / A province code has 2 digits');
const date = z.iso.date('Ngày không hợp lệ (YYYY-MM-DD) / Invalid date (YYYY-MM-DD)');
const text = (max: number) => z.string().trim().max(max).nullable().optional();

export const referralReasons = ['contact_of_case', 'arrival_from_zone'] as const;

/** The minimum the destination needs: who, why, the dates, the details as recorded. */
export const referralRequest = z.object({
  clientKey: z.uuid(),
  destinationCode: provinceCode,
  reason: z.enum(referralReasons),
  personName: z.string().trim().min(1).max(200),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  phone: text(20),
  idNumber: text(20),
  destinationLocalityCode: localityCode.nullable().optional(),
  address: text(500),
  exposureFrom: date.nullable().optional(),
  exposureTo: date.nullable().optional(),
  note: text(1000),
  originUnit: z.string().trim().min(1).max(200),
});
export type ReferralRequest = z.infer<typeof referralRequest>;

export const referralView = z.object({
  originCode: z.string(),
  id: z.string(),
  destinationCode: z.string(),
  reason: z.enum(referralReasons),
  createdAt: z.string(),
});

/**
 * Accepting takes the person in: `subject` is the record they are followed on here (picked from
 * the registry, or their identity as the receiving official confirmed it).
 */
export const acceptReferralRequest = z.object({ note: text(1000), subject: personRef });
export type AcceptReferralRequest = z.infer<typeof acceptReferralRequest>;

/** A referral as the destination reads it before accepting: the details as the origin recorded them. */
export const incomingReferralView = z.object({
  originCode: z.string(),
  originName: z.string(),
  id: z.string(),
  reason: z.enum(referralReasons),
  personName: z.string(),
  birthYear: z.number().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  destinationLocalityCode: z.string().nullable(),
  address: z.string().nullable(),
  exposureFrom: z.string().nullable(),
  exposureTo: z.string().nullable(),
  note: z.string().nullable(),
  originUnit: z.string(),
  createdAt: z.string(),
  answer: z.object({ outcome: z.enum(['accepted', 'not_found']), decidedAt: z.string() }).nullable(),
});
export type IncomingReferralView = z.infer<typeof incomingReferralView>;

/**
 * The national hub's view of its provinces (issue 21): when each last sent its rows and how far
 * behind it is. `hub: false` on an installation that is not the hub (its page says so).
 */
export const nationalStatusView = z.object({
  hub: z.boolean(),
  /** This installation's place in the federation (null: a province alone, as the demo). */
  role: z.enum(['hub', 'province']).nullable(),
  provinces: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      /** The province's last heartbeat as replicated here. */
      lastBeatAt: z.string().nullable(),
      /** Seconds since that heartbeat. */
      beatAgeSeconds: z.number().nullable(),
      /** The hub's subscription to the province is streaming now. */
      streaming: z.boolean(),
      /** Seconds since the province's last replication message was sent. */
      lagSeconds: z.number().nullable(),
      /** Tables still in their first copy. */
      tablesCopying: z.number(),
    }),
  ),
});
export type NationalStatusView = z.infer<typeof nationalStatusView>;
export const referralAnswerView = z.object({
  originCode: z.string(),
  referralId: z.string(),
  outcome: z.enum(['accepted', 'not_found']),
  decidedAt: z.string(),
});
