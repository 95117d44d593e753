import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import {
  decideLinkRequest,
  linkDecisionResult,
  linkRequestDetail,
  linkRequestRow,
  listLinkRequestsQuery,
} from '../schemas/citizen.ts';
import { pageOf } from '../schemas/common.ts';

const idParams = z.object({ id: z.string().uuid() });

export const personLinksContract = defineRoutes(['people'], {
  getPeopleLinkRequests: {
    method: 'GET',
    path: '/people/link-requests',
    summary:
      "Citizens' records awaiting a link to officials' record of their document (keyset paged; the read is logged)",
    query: listLinkRequestsQuery,
    answer: pageOf(linkRequestRow),
  },
  ...sheetExportRoutes('getPeopleLinkRequestsExport', '/people/link-requests/export', {
    summary: 'Export link requests',
    query: listLinkRequestsQuery.omit({ after: true, limit: true }),
  }),
  getPeopleLinkRequestsById: {
    method: 'GET',
    path: '/people/link-requests/:id',
    summary: 'Both records side by side (the read is logged)',
    params: idParams,
    answer: linkRequestDetail,
  },
  postPeopleLinkRequestsAccept: {
    method: 'POST',
    path: '/people/link-requests/:id/accept',
    summary:
      "Link the citizen's record to officials' record (records, QR and sessions move; the phone becomes verified)",
    params: idParams,
    body: decideLinkRequest,
    answer: linkDecisionResult,
  },
  postPeopleLinkRequestsReject: {
    method: 'POST',
    path: '/people/link-requests/:id/reject',
    summary: "Reject: the citizen's record stays as history, its QR is revoked",
    params: idParams,
    body: decideLinkRequest,
    answer: linkDecisionResult,
  },
});
