import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import { breachView, createBreachRequest, listBreachesQuery, updateBreachRequest } from '../schemas/breaches.ts';
import { pageOf } from '../schemas/common.ts';

const idParams = z.object({ id: z.string().uuid() });

export const breachesContract = defineRoutes(['breaches'], {
  getBreaches: {
    method: 'GET',
    path: '/breaches',
    summary: 'Personal-data breaches, most recently detected first (keyset paged), with their 72-hour deadline',
    query: listBreachesQuery,
    answer: pageOf(breachView),
  },
  ...sheetExportRoutes('getBreachesExport', '/breaches/export', {
    summary: 'Export the breach register',
    query: listBreachesQuery.omit({ after: true, limit: true }),
  }),
  postBreaches: {
    method: 'POST',
    path: '/breaches',
    summary: 'Record a personal-data breach (the same client key again answers with the first record)',
    body: createBreachRequest,
    answer: breachView,
    status: 201,
  },
  getBreachesById: {
    method: 'GET',
    path: '/breaches/:id',
    summary: 'One breach with its deadline',
    params: idParams,
    answer: breachView,
  },
  patchBreachesById: {
    method: 'PATCH',
    path: '/breaches/:id',
    summary: 'Complete a breach record; mark it notified (when) or closed',
    params: idParams,
    body: updateBreachRequest,
    answer: breachView,
  },
  getBreachesNotification: {
    method: 'GET',
    path: '/breaches/:id/notification.pdf',
    summary:
      'The notification to the authority (THÔNG BÁO vi phạm quy định về bảo vệ dữ liệu cá nhân), Decree 30 layout',
    params: idParams,
  },
});
