import { defineRoutes, mediaTypes } from './contract.ts';
import { personAccessView } from '../schemas/audit.ts';
import { myAccessesRequest, myDataRequest, openSessionRequest, openSessionResult } from '../schemas/citizen.ts';
import { pageOf } from '../schemas/common.ts';

export const citizenContract = defineRoutes(['citizens'], {
  postPublicSessions: {
    method: 'POST',
    path: '/public/sessions',
    summary: 'Open a session on this phone with a one-time code (for a phone without one)',
    body: openSessionRequest,
    answer: openSessionResult,
  },
  postPublicMeAccesses: {
    method: 'POST',
    path: '/public/me/accesses',
    summary: 'Which agencies accessed my data, and when (session; keyset paged)',
    body: myAccessesRequest,
    answer: pageOf(personAccessView),
    citizenSession: true,
  },
  postPublicMeData: {
    method: 'POST',
    path: '/public/me/data',
    summary: 'Download everything held about me, as JSON or PDF (session and a fresh one-time code)',
    body: myDataRequest,
    fileAnswer: [mediaTypes.json, mediaTypes.pdf],
    citizenSession: true,
  },
});
