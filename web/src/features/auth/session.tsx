import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionInfo, SessionUser } from '../../../../core/schemas/auth.ts';
import { authContract } from '../../../../core/contracts/auth.ts';
import { ApiError, api, setCsrfToken, setSetupRequiredHandler, setUnauthenticatedHandler } from '../../ui/api.ts';
import { setFieldOwner } from '../../offline/field-owner.ts';
import { forgetKeptReads } from '../../offline/kept-data.ts';
import { forgetSession, keepSession, keptSession } from '../../offline/kept-session.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anon'; /** true right after the user signed out (no "come back to" page) */ afterLogout: boolean }
  | { status: 'error'; message: string }
  | { status: 'authed'; user: SessionUser; restriction: SessionInfo['restriction'] };

interface SessionApi {
  state: SessionState;
  /**
   * Throws `ApiError`: wrong credentials, LOGIN_THROTTLED, SECOND_FACTOR_REQUIRED (send again with
   * `code`), SECOND_FACTOR_INVALID.
   */
  login(username: string, password: string, code?: string): Promise<void>;
  logout(): Promise<void>;
  /** Throws `ApiError`; on success the session is refreshed (mustChangePassword cleared). */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  reload(): void;
  /** Reads the session again without the loading screen (after enrolment, a re-authentication). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

/** Holds who is signed in and the CSRF token (GET /api/auth/me at start). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const apply = useCallback((info: SessionInfo) => {
    setCsrfToken(info.csrfToken);
    setFieldOwner(info.user.id);
    keepSession({ user: info.user, restriction: info.restriction });
    setState({ status: 'authed', user: info.user, restriction: info.restriction });
  }, []);

  const signedOut = useCallback((afterLogout: boolean) => {
    setCsrfToken(null);
    setFieldOwner(null);
    const last = keptSession();
    forgetSession();
    // What field pages kept to read offline is personal; unsent work stays for the next sign-in.
    if (last) void forgetKeptReads(last.user.id).catch(() => {});
    setState({ status: 'anon', afterLogout });
  }, []);

  const probe = useCallback(async () => {
    try {
      apply(await api(authContract.getAuthMe, { noAuthRedirect: true }));
    } catch (e) {
      const kept = e instanceof ApiError && e.status === 0 ? keptSession() : null;
      if (e instanceof ApiError && e.status === 401) signedOut(false);
      else if (kept) {
        // No network: the field pages work from the phone; the token is fetched again when it is back.
        setFieldOwner(kept.user.id);
        setState({ status: 'authed', user: kept.user, restriction: kept.restriction });
      } else setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }, [apply, signedOut]);

  useEffect(() => {
    setUnauthenticatedHandler(() => signedOut(false));
    // The server refused a route until the account is set up: the router then shows the setup page.
    setSetupRequiredHandler(() => void probe());
    void probe();
  }, [probe, signedOut]);

  const value = useMemo<SessionApi>(
    () => ({
      state,
      async login(username, password, code) {
        apply(
          await api(authContract.postAuthLogin, {
            body: code ? { username, password, code } : { username, password },
            noAuthRedirect: true,
          }),
        );
      },
      async logout() {
        try {
          await api(authContract.postAuthLogout, { noAuthRedirect: true });
        } catch {
          // signed out locally in any case
        }
        signedOut(true);
      },
      async changePassword(currentPassword, newPassword) {
        // The answer is a bare { ok }: the session (no longer forced to change it) is read again.
        await api(authContract.postAuthPassword, { body: { currentPassword, newPassword } });
        await probe();
      },
      reload() {
        setState({ status: 'loading' });
        void probe();
      },
      refresh: probe,
    }),
    [state, apply, signedOut, probe],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for components rendered inside the authenticated shell. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'authed') throw new Error('useUser without a session');
  return state.user;
}
