import { z } from 'zod';
import { defineRoutes } from './contract.ts';
import {
  recoveryCodes,
  sessionList,
  twoFactorCodeRequest,
  twoFactorEnrolment,
  twoFactorStatus,
} from '../schemas/auth.ts';
import { okBody } from '../schemas/common.ts';

const sessionParams = z.object({ id: z.string().uuid() });

export const accountContract = defineRoutes(['auth'], {
  getAuth2fa: {
    method: 'GET',
    path: '/auth/2fa',
    summary: 'Two-factor sign-in: on or off, required for the role, recovery codes left',
    answer: twoFactorStatus,
  },
  postAuth2faEnrol: {
    method: 'POST',
    path: '/auth/2fa/enrol',
    summary: 'Start enrolment: a new secret (otpauth:// URI for the QR, base32 to type)',
    answer: twoFactorEnrolment,
  },
  postAuth2faConfirm: {
    method: 'POST',
    path: '/auth/2fa/confirm',
    summary: 'Finish enrolment with a code; answers the ten recovery codes, once',
    body: twoFactorCodeRequest,
    answer: recoveryCodes,
  },
  postAuth2faRecoveryCodes: {
    method: 'POST',
    path: '/auth/2fa/recovery-codes',
    summary: 'New recovery codes (the old ones stop working)',
    answer: recoveryCodes,
  },
  deleteAuth2fa: {
    method: 'DELETE',
    path: '/auth/2fa',
    summary: 'Turn two-factor sign-in off (roles that must use it cannot)',
    answer: okBody,
  },
  getAuthSessions: {
    method: 'GET',
    path: '/auth/sessions',
    summary: 'Own active sessions (device, address, started, last seen, current)',
    answer: sessionList,
  },
  deleteAuthSessionsById: {
    method: 'DELETE',
    path: '/auth/sessions/:id',
    summary: 'End one of own sessions',
    params: sessionParams,
    answer: okBody,
  },
});
