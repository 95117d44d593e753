import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../core/roles.ts';
import { loadConfig, type Config } from '../config.ts';
import { createHttpServer, openPlatform, type Platform } from '../main.ts';
import { newTotpSecret, totpCode } from '../modules/identity/totp.ts';
import { systemActor } from '../shared/actor.ts';
import { newSecret } from '../modules/system/signing-secrets.ts';
import { openTestDatabase } from './test-database.ts';
import { watchUndocumentedErrors } from './undocumented-errors.ts';

export const LAI_CHAU = '12';
export const DIEN_BIEN = '11';
/** Two communes of Lai Châu and one of Điện Biên, from the real GSO list. */
export const DOAN_KET = '03388';
export const BINH_LU = '03390';
export const DIEN_BIEN_PHU = '03127';

export interface TestClient {
  user: { id: string; username: string; password: string };
  csrfToken: string;
  request(o: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  /** Base32 TOTP secret when the account was enrolled (always for the roles that must use it). */
  totpSecret: string | null;
  recoveryCodes: string[];
}

export interface CreateUserOptions {
  /** Enrol a TOTP secret: by default only for the roles that must (PHONGDICH_2FA_ROLES). */
  enrol?: boolean;
}

export interface TestPlatform {
  platform: Platform;
  app: FastifyInstance;
  /** Creates an account (through the service, so it is audited), enrolled when its role requires it, and signs it in. */
  signIn(role: Role, localityCode: string, username?: string): Promise<TestClient>;
  createUser(role: Role, localityCode: string, username?: string, o?: CreateUserOptions): Promise<TestUser>;
  /** Signs in, with the next unused TOTP code when the account was enrolled by `createUser`. */
  login(username: string, password: string, o?: { remoteAddress?: string; totpSecret?: string }): Promise<TestClient>;
  /** A TOTP code of the account not used yet (the current step, else the next one). */
  nextCode(username: string): string;
  /** Binds a facility staff account to facilities, as an administrator does. */
  bindFacilities(userId: string, facilityIds: string[]): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

/** A password that meets the rules and never contains the username. */
export const testPassword = () => `Kt-${randomBytes(9).toString('base64url')}-7q`;

export async function createTestPlatform(overrides: Partial<Config> = {}): Promise<TestPlatform> {
  // Every test request comes from 127.0.0.1: per-address limits are raised unless a test sets them.
  // A signing secret of its own, as an installation outside demo mode must have.
  const config: Config = {
    ...loadConfig({}),
    logLevel: 'silent',
    publicRateLimit: { otpPerMinute: 10_000, submitPerMinute: 10_000 },
    secret: newSecret(),
    ...overrides,
  };
  const platform = await openPlatform(config, await openTestDatabase());
  const app = await createHttpServer(platform, { quiet: true });
  const undocumented = watchUndocumentedErrors(app);
  await app.ready();
  const enrolled = new Map<string, { secret: string; lastStep: number; recoveryCodes: string[] }>();

  const createUser = async (
    role: Role,
    localityCode: string,
    username = `${role.replace('_', '')}${++counter}`,
    o: CreateUserOptions = {},
  ): Promise<TestUser> => {
    const password = testPassword();
    const r = await platform.services.users.create(systemActor('test'), {
      username,
      fullName: `Test ${username}`,
      role,
      localityCode,
      password,
    });
    if (!(o.enrol ?? config.twoFactor.roles.includes(role)))
      return { id: r.user.id, username, password, totpSecret: null, recoveryCodes: [] };
    const secret = newTotpSecret();
    const { recoveryCodes } = await platform.services.twoFactor.enrolKnownSecret(
      systemActor('test'),
      r.user.id,
      secret,
    );
    enrolled.set(username, { secret, lastStep: 0, recoveryCodes: [...recoveryCodes] });
    return { id: r.user.id, username, password, totpSecret: secret, recoveryCodes };
  };

  const nextCode = (username: string): string => {
    const e = enrolled.get(username);
    if (!e) throw new Error(`${username} has no TOTP secret`);
    const now = Math.floor(Date.now() / 30_000);
    // A code is accepted once per 30-second step; the next step's code is accepted too (clock drift).
    for (const step of [now, now + 1]) {
      if (step > e.lastStep) {
        e.lastStep = step;
        return totpCode(e.secret, step * 30_000);
      }
    }
    const recovery = e.recoveryCodes.shift();
    if (!recovery) throw new Error(`${username}: no unused code left`);
    return recovery;
  };

  const login = async (
    username: string,
    password: string,
    o: { remoteAddress?: string; totpSecret?: string } = {},
  ): Promise<TestClient> => {
    // An account enrolled elsewhere (the demo seed) signs in with the secret it was given.
    if (o.totpSecret && !enrolled.has(username))
      enrolled.set(username, { secret: o.totpSecret, lastStep: 0, recoveryCodes: [] });
    const code = enrolled.has(username) ? nextCode(username) : undefined;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password, code },
      remoteAddress: o.remoteAddress,
    });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'pd_session' || c.name === '__Host-pd_session')!;
    const { csrfToken, user } = res.json<{ csrfToken: string; user: { id: string } }>();
    const request = (r: InjectOptions & { csrf?: boolean }) =>
      app.inject({
        ...r,
        headers: {
          cookie: `${cookie.name}=${cookie.value}`,
          ...(r.csrf === false ? {} : { 'x-csrf-token': csrfToken }),
          ...r.headers,
        },
      });
    return {
      user: { id: user.id, username, password },
      csrfToken,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, body) => request({ method: 'POST', url, payload: body as InjectOptions['payload'] }),
      patch: (url, body) => request({ method: 'PATCH', url, payload: body as InjectOptions['payload'] }),
      delete: (url) => request({ method: 'DELETE', url }),
    };
  };

  return {
    platform,
    app,
    createUser,
    login,
    nextCode,
    bindFacilities: async (userId, facilityIds) =>
      void (await platform.services.users.update(systemActor('test'), userId, { facilityIds })),
    signIn: async (role, localityCode, username) => {
      const u = await createUser(role, localityCode, username);
      return login(u.username, u.password);
    },
    close: async () => {
      await app.close();
      await platform.close();
      undocumented.assertNone();
    },
  };
}
