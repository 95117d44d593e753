import { z } from 'zod';
import { defineRoutes, mediaTypes, sheetExportRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import {
  acknowledgeRequest,
  directiveSummaryView,
  directiveView,
  issueDirectiveRequest,
  listDirectivesQuery,
  newTaskRequest,
  taskEvidenceView,
  taskProgressRequest,
} from '../schemas/directives.ts';

const idParams = z.object({ id: z.string().uuid() });

export const directivesContract = defineRoutes(['directives'], {
  getDirectives: {
    method: 'GET',
    path: '/directives',
    summary: 'Directives the caller issued, received or oversees, newest first (keyset paged, searchable)',
    query: listDirectivesQuery,
    answer: pageOf(directiveSummaryView),
  },
  ...sheetExportRoutes('getDirectivesExport', '/directives/export', {
    summary: 'Directives with their acknowledgements and tasks',
    query: listDirectivesQuery.omit({ after: true, limit: true }),
  }),
  postDirectives: {
    method: 'POST',
    path: '/directives',
    summary: 'Record a directive sent to subordinate units, with its tasks; the recipients are notified',
    body: issueDirectiveRequest,
    answer: directiveView,
    status: 201,
  },
  getDirectivesById: {
    method: 'GET',
    path: '/directives/:id',
    summary: 'A directive with who acknowledged it and its tasks (done, in progress, overdue)',
    params: idParams,
    answer: directiveView,
  },
  postDirectivesAcknowledgements: {
    method: 'POST',
    path: '/directives/:id/acknowledgements',
    summary: 'Acknowledge receipt for a recipient unit (again: the first acknowledgement stands)',
    params: idParams,
    body: acknowledgeRequest,
    answer: directiveView,
  },
  postDirectivesTasks: {
    method: 'POST',
    path: '/directives/:id/tasks',
    summary: 'Assign a task with a deadline to a recipient unit',
    params: idParams,
    body: newTaskRequest,
    answer: directiveView,
    status: 201,
  },
  postDirectivesTasksProgress: {
    method: 'POST',
    path: '/directives/:id/tasks/:taskId/progress',
    summary: "Report progress on a unit's task (status, note, evidence; history kept)",
    params: z.object({ id: z.string().uuid(), taskId: z.string().uuid() }),
    body: taskProgressRequest,
    answer: directiveView,
    status: 201,
  },
  putDirectivesDocument: {
    method: 'PUT',
    path: '/directives/:id/document',
    summary: 'Attach the text of the directive (a PDF sent as the body); replaces the previous one',
    params: idParams,
    answer: directiveView,
    upload: [mediaTypes.pdf],
  },
  putDirectivesTasksEvidence: {
    method: 'PUT',
    path: '/directives/:id/tasks/:taskId/evidence/:fileKey',
    summary:
      "Attach evidence to a task's progress (PDF, JPEG, PNG, WebP, .docx or .xlsx as the body, ≤ 10 MB; the type is read from the bytes); a resend stores it once",
    params: z.object({ id: z.string().uuid(), taskId: z.string().uuid(), fileKey: z.string().uuid() }),
    query: z.object({ filename: z.string().max(200).optional() }),
    upload: [mediaTypes.pdf, mediaTypes.jpeg, mediaTypes.png, mediaTypes.webp, mediaTypes.docx, mediaTypes.xlsx],
    answer: taskEvidenceView,
    status: 201,
  },
  getDirectivesEvidenceById: {
    method: 'GET',
    path: '/directives/evidence/:id',
    summary: "A task's evidence file, to the issuer, the units above it and the task's unit (each reading audited)",
    params: idParams,
    fileAnswer: [mediaTypes.pdf, mediaTypes.jpeg, mediaTypes.png, mediaTypes.webp, mediaTypes.docx, mediaTypes.xlsx],
  },
  getDirectivesDocument: {
    method: 'GET',
    path: '/directives/:id/document.pdf',
    summary: 'The text of the directive (PDF)',
    params: idParams,
  },
});
