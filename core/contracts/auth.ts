import { defineRoutes } from './contract.ts';
import { changePasswordRequest, loginRequest, reauthRequest, sessionInfo } from '../schemas/auth.ts';
import { okBody } from '../schemas/common.ts';

export const authContract = defineRoutes(['auth'], {
  postAuthLogin: {
    method: 'POST',
    path: '/auth/login',
    summary: 'Sign in (with `code` for accounts with two-factor sign-in)',
    description:
      '401 SECOND_FACTOR_REQUIRED: the password is right, send it again with `code`. 429 LOGIN_THROTTLED with Retry-After.',
    body: loginRequest,
    answer: sessionInfo,
    errors: [401, 429],
  },
  postAuthLogout: {
    method: 'POST',
    path: '/auth/logout',
    summary: 'Sign out',
    answer: okBody,
  },
  getAuthMe: {
    method: 'GET',
    path: '/auth/me',
    summary: 'Current session',
    answer: sessionInfo,
  },
  postAuthPassword: {
    method: 'POST',
    path: '/auth/password',
    summary: 'Change own password',
    body: changePasswordRequest,
    answer: okBody,
    errors: [429],
  },
  postAuthReauth: {
    method: 'POST',
    path: '/auth/reauth',
    summary: "Confirm the password (and code) again before exports and administrators' actions",
    body: reauthRequest,
    answer: sessionInfo,
    errors: [429],
  },
});
