import { z } from 'zod';
import { defineRoutes } from './contract.ts';
import { acceptReferralRequest, referralAnswerView, referralRequest, referralView } from '../schemas/federation.ts';

const referralParams = z.object({
  origin: z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số / A province code has 2 digits'),
  id: z.uuid(),
});

export const federationContract = defineRoutes(['federation'], {
  postFederationReferrals: {
    method: 'POST',
    path: '/federation/referrals',
    summary:
      "Refer a person to another province (a contact living there, an arrival from its epidemic zone): written into this province's outbox, replicated through the national hub to the destination only",
    body: referralRequest,
    answer: referralView,
    status: 201,
  },
  postFederationReferralsAcceptance: {
    method: 'POST',
    path: '/federation/referrals/:origin/:id/acceptance',
    summary:
      "Accept a referral from another province (from today's work): the person is this province's to follow; the answer travels back to the origin",
    params: referralParams,
    body: acceptReferralRequest,
    answer: referralAnswerView,
  },
});
