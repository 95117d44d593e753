import { z } from 'zod';
import { defineRoutes } from './contract.ts';
import {
  acceptReferralRequest,
  incomingReferralView,
  nationalStatusView,
  referralAnswerView,
  referralRequest,
  referralView,
} from '../schemas/federation.ts';

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
  getFederationReferralsById: {
    method: 'GET',
    path: '/federation/referrals/:origin/:id',
    summary: 'A referral received from another province, with the details as recorded there (the read is logged)',
    params: referralParams,
    answer: incomingReferralView,
  },
  getFederationNational: {
    method: 'GET',
    path: '/federation/national',
    summary:
      "The national hub's provinces: each one's last replicated heartbeat and replication lag (an installation that is not the hub answers hub: false)",
    answer: nationalStatusView,
  },
  postFederationReferralsAcceptance: {
    method: 'POST',
    path: '/federation/referrals/:origin/:id/acceptance',
    summary:
      "Accept a referral from another province (from today's work): the person is registered or picked here and put on the commune's follow-up list, in one transaction; the answer travels back to the origin",
    params: referralParams,
    body: acceptReferralRequest,
    answer: referralAnswerView,
  },
});
