import { randomUUID } from 'node:crypto';
import { BINH_LU, DOAN_KET, LAI_CHAU } from '../testing/test-platform.ts';
import { csv, neighbour, refused, type RouteTable } from './jurisdiction-neighbour.ts';

/** The routes of health, sign-in and sessions, users, localities, the audit log and the breach register. */
export const adminRoutes: RouteTable = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'own-session',
  'GET /api/auth/me': 'own-session',
  'POST /api/auth/password': 'own-session',
  'POST /api/auth/reauth': 'own-session',
  'GET /api/auth/2fa': 'own-session',
  'POST /api/auth/2fa/enrol': 'own-session',
  'POST /api/auth/2fa/confirm': 'own-session',
  'POST /api/auth/2fa/recovery-codes': 'own-session',
  'DELETE /api/auth/2fa': 'own-session',
  'GET /api/auth/sessions': 'own-session',
  // Sessions are ended by their public id, and only the caller's own: anyone else's is "not found".
  'DELETE /api/auth/sessions/:id': {
    attempt: (c) => c.delete(`/api/auth/sessions/${neighbour.sessionId}`),
    expect: refused,
  },
  // The inbox is the caller's own; another's message is "not found", even to mark it read.
  'GET /api/inbox': 'own-session',
  'POST /api/inbox/:id/read': {
    attempt: (c) => c.post(`/api/inbox/${neighbour.inboxMessageId}/read`),
    expect: refused,
  },
  'GET /api/inbox/:id': { attempt: (c) => c.get(`/api/inbox/${neighbour.inboxMessageId}`), expect: refused },
  // One's own channels and quiet hours: there is no one else's to name.
  'GET /api/notification-preferences': 'own-session',
  'PUT /api/notification-preferences': 'own-session',
  'GET /api/users': { attempt: (c) => c.get(`/api/users?locality=${BINH_LU}`), expect: refused },
  'GET /api/users/export.xlsx': {
    attempt: (c) => c.get(`/api/users/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/users/export.csv': {
    attempt: (c) => c.get(`/api/users/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/users': {
    attempt: (c) =>
      c.post('/api/users', {
        username: 'intruder',
        fullName: 'Intruder',
        role: 'commune_officer',
        localityCode: BINH_LU,
      }),
    expect: refused,
  },
  'PATCH /api/users/:id': {
    attempt: (c) => c.patch(`/api/users/${neighbour.userId}`, { disabled: true }),
    expect: refused,
  },
  'POST /api/users/:id/reset-password': {
    attempt: (c) => c.post(`/api/users/${neighbour.userId}/reset-password`),
    expect: refused,
  },
  'POST /api/users/:id/reset-2fa': {
    attempt: (c) => c.post(`/api/users/${neighbour.userId}/reset-2fa`),
    expect: refused,
  },
  'POST /api/users/:id/end-sessions': {
    attempt: (c) => c.post(`/api/users/${neighbour.userId}/end-sessions`),
    expect: refused,
  },
  'GET /api/localities': { attempt: (c) => c.get(`/api/localities?parent=${LAI_CHAU}`), expect: refused },
  'GET /api/localities/tree': { attempt: async (c) => c.get('/api/localities/tree'), expect: [200] },
  'GET /api/localities/export.xlsx': {
    attempt: (c) => c.get(`/api/localities/export.xlsx?parent=${LAI_CHAU}`),
    expect: refused,
  },
  'GET /api/localities/export.csv': {
    attempt: (c) => c.get(`/api/localities/export.csv?parent=${LAI_CHAU}`),
    expect: refused,
  },
  'POST /api/localities/merge': {
    attempt: (c) =>
      c.post('/api/localities/merge', {
        sourceCode: BINH_LU,
        targetCode: DOAN_KET,
        effectiveDate: '2026-01-01',
        reason: 'grab',
      }),
    expect: refused,
  },
  'POST /api/localities/population/import': {
    attempt: csv(`code,population\n${BINH_LU},1\n`),
    expect: [403, 404, 422],
  },
  'GET /api/localities/:code': { attempt: (c) => c.get(`/api/localities/${BINH_LU}`), expect: refused },
  'PATCH /api/localities/:code': {
    attempt: (c) => c.patch(`/api/localities/${BINH_LU}`, { name: 'X', fullName: 'Xã X', reason: 'grab' }),
    expect: refused,
  },
  'GET /api/localities/:code/history': { attempt: (c) => c.get(`/api/localities/${BINH_LU}/history`), expect: refused },
  'GET /api/localities/:code/boundaries': {
    attempt: (c) => c.get(`/api/localities/${LAI_CHAU}/boundaries`),
    expect: refused,
  },
  'GET /api/audit': { attempt: (c) => c.get('/api/audit'), expect: refused },
  'GET /api/audit/export.xlsx': { attempt: (c) => c.get('/api/audit/export.xlsx'), expect: refused },
  'GET /api/audit/export.csv': { attempt: (c) => c.get('/api/audit/export.csv'), expect: refused },
  'GET /api/audit/actors': { attempt: (c) => c.get('/api/audit/actors?q=binh'), expect: refused },
  'GET /api/audit/alerts': { attempt: (c) => c.get(`/api/audit/alerts?locality=${BINH_LU}`), expect: refused },
  'GET /api/audit/alerts/export.xlsx': {
    attempt: (c) => c.get(`/api/audit/alerts/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/audit/alerts/export.csv': {
    attempt: (c) => c.get(`/api/audit/alerts/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  // The breach register is the administrators': an officer is refused whatever the breach.
  'GET /api/breaches': { attempt: (c) => c.get(`/api/breaches?locality=${BINH_LU}`), expect: refused },
  'GET /api/breaches/export.xlsx': {
    attempt: (c) => c.get(`/api/breaches/export.xlsx?locality=${BINH_LU}`),
    expect: refused,
  },
  'GET /api/breaches/export.csv': {
    attempt: (c) => c.get(`/api/breaches/export.csv?locality=${BINH_LU}`),
    expect: refused,
  },
  'POST /api/breaches': {
    attempt: (c) =>
      c.post('/api/breaches', {
        clientKey: randomUUID(),
        detectedAt: new Date().toISOString(),
        nature: 'Grab grab grab',
        dataCategories: ['other'],
        consequences: 'Grab',
        measuresTaken: 'Grab',
        measuresProposed: 'Grab',
        contactName: 'Grab',
        contactTitle: 'Grab',
        contactPhone: '0912345678',
      }),
    expect: refused,
  },
  'GET /api/breaches/:id': { attempt: (c) => c.get(`/api/breaches/${neighbour.breachId}`), expect: refused },
  'PATCH /api/breaches/:id': {
    attempt: (c) => c.patch(`/api/breaches/${neighbour.breachId}`, { status: 'notified' }),
    expect: refused,
  },
  'GET /api/breaches/:id/notification.pdf': {
    attempt: (c) => c.get(`/api/breaches/${neighbour.breachId}/notification.pdf`),
    expect: refused,
  },
};
