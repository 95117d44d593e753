import type { z } from 'zod';
import type { referralAnswerView, referralView } from '../../../core/schemas/federation.ts';
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
