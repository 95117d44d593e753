import { z } from 'zod';
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

export const acceptReferralRequest = z.object({ note: text(1000) });
export const referralAnswerView = z.object({
  originCode: z.string(),
  referralId: z.string(),
  outcome: z.enum(['accepted', 'not_found']),
  decidedAt: z.string(),
});
