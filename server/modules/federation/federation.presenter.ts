import type { z } from 'zod';
import type { incomingReferralView, referralAnswerView, referralView } from '../../../core/schemas/federation.ts';
import type { AcceptanceRecord, ReferralRecord } from './referrals.repository.ts';

export const toReferralView = (r: ReferralRecord): z.infer<typeof referralView> => ({
  originCode: r.origin_code,
  id: r.id,
  destinationCode: r.destination_code,
  reason: r.reason,
  createdAt: r.created_at.toISOString(),
});

export const toReferralAnswerView = (a: AcceptanceRecord): z.infer<typeof referralAnswerView> => ({
  originCode: a.origin_code,
  referralId: a.referral_id,
  outcome: a.outcome,
  decidedAt: a.decided_at.toISOString(),
});

export const toIncomingReferralView = (r: {
  referral: ReferralRecord;
  originName: string;
  answer: AcceptanceRecord | undefined;
}): z.infer<typeof incomingReferralView> => ({
  originCode: r.referral.origin_code,
  originName: r.originName,
  id: r.referral.id,
  reason: r.referral.reason,
  personName: r.referral.person_name,
  birthYear: r.referral.birth_year,
  phone: r.referral.phone,
  idNumber: r.referral.id_number,
  destinationLocalityCode: r.referral.destination_locality_code,
  address: r.referral.address,
  exposureFrom: r.referral.exposure_from,
  exposureTo: r.referral.exposure_to,
  note: r.referral.note,
  originUnit: r.referral.origin_unit,
  createdAt: r.referral.created_at.toISOString(),
  answer: r.answer ? { outcome: r.answer.outcome, decidedAt: r.answer.decided_at.toISOString() } : null,
});
