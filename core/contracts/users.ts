import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import {
  createUserRequest,
  createdUser,
  endedSessions,
  listUsersQuery,
  resetPasswordResult,
  updateUserRequest,
  userView,
} from '../schemas/users.ts';

const idParams = z.object({ id: z.string().uuid() });

export const usersContract = defineRoutes(['users'], {
  getUsers: {
    method: 'GET',
    path: '/users',
    summary: 'List accounts (keyset paged)',
    query: listUsersQuery,
    answer: pageOf(userView),
  },
  ...sheetExportRoutes('getUsersExport', '/users/export', {
    summary: 'Export accounts',
    query: listUsersQuery.omit({ after: true, limit: true }),
  }),
  postUsers: {
    method: 'POST',
    path: '/users',
    summary: 'Create an account',
    body: createUserRequest,
    answer: createdUser,
    status: 201,
  },
  patchUsersById: {
    method: 'PATCH',
    path: '/users/:id',
    summary: 'Change, disable or enable an account',
    params: idParams,
    body: updateUserRequest,
    answer: userView,
  },
  postUsersResetPassword: {
    method: 'POST',
    path: '/users/:id/reset-password',
    summary: 'Reset to a one-time password',
    params: idParams,
    answer: resetPasswordResult,
  },
  postUsersReset2fa: {
    method: 'POST',
    path: '/users/:id/reset-2fa',
    summary: "Remove the account's second factor (lost phone); ends its sessions",
    params: idParams,
    answer: userView,
  },
  postUsersEndSessions: {
    method: 'POST',
    path: '/users/:id/end-sessions',
    summary: 'Sign the account out everywhere',
    params: idParams,
    answer: endedSessions,
  },
});
