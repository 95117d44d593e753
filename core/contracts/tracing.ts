import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import {
  contactView,
  decideContactRequest,
  declareContactRequest,
  listContactsQuery,
  listAreaContactsQuery,
  tracingRunResult,
} from '../schemas/cases.ts';
import { localityCode, pageOf } from '../schemas/common.ts';

const idParams = z.object({ id: z.string().uuid() });

export const tracingContract = defineRoutes(['tracing'], {
  getCasesContacts: {
    method: 'GET',
    path: '/cases/:id/contacts',
    summary: "A case's contacts: proposals ranked for the tracer, then decided ones",
    params: idParams,
    query: listContactsQuery,
    answer: pageOf(contactView),
  },
  ...sheetExportRoutes('getCasesContactsExport', '/cases/:id/contacts/export', {
    summary: "Export a case's contacts",
    params: idParams,
    query: listContactsQuery.omit({ after: true, limit: true }),
  }),
  postCasesContacts: {
    method: 'POST',
    path: '/cases/:id/contacts',
    summary: 'Add a contact the case named in the interview (proposed F1)',
    params: idParams,
    body: declareContactRequest,
    answer: contactView,
    status: 201,
  },
  postCasesTracing: {
    method: 'POST',
    path: '/cases/:id/tracing',
    summary: 'Re-run the tracing of a case (new check-ins, changed dates)',
    params: idParams,
    answer: tracingRunResult,
  },
  postContactsDecision: {
    method: 'POST',
    path: '/contacts/:id/decision',
    summary: 'Confirm or reject a proposed contact; confirming sets the F-level and proposes the next level',
    params: idParams,
    body: decideContactRequest,
    answer: contactView,
  },
  ...sheetExportRoutes('getContactsExport', '/contacts/export', {
    summary: 'Export the follow-up list',
    query: listAreaContactsQuery.omit({ after: true, limit: true }),
  }),
  getContacts: {
    method: 'GET',
    path: '/contacts',
    summary: 'Contacts living in the area (follow-up list), newest first',
    query: listAreaContactsQuery,
    answer: pageOf(contactView),
  },
});
