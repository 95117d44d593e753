import type { SessionInfo, SessionUser } from '../../../core/schemas/auth.ts';

/**
 * Who was signed in on this phone, so a field page reopened without a signal still knows its user
 * (the session cookie is there; only the server cannot be asked). Names and role only: no token,
 * nothing personal about the people the officer works on. Removed at sign-out.
 */
const storageKey = 'pd.lastSession';

export interface KeptSession {
  user: SessionUser;
  restriction: SessionInfo['restriction'];
}

export function keepSession(session: KeptSession): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(session));
  } catch {
    // storage blocked: offline start is not possible, online use is unchanged
  }
}

export function keptSession(): KeptSession | null {
  try {
    const text = localStorage.getItem(storageKey);
    return text ? (JSON.parse(text) as KeptSession) : null;
  } catch {
    return null;
  }
}

export function forgetSession(): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // nothing kept
  }
}
