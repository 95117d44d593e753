import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../core/roles.ts';
import { loadConfig, type Config } from '../config.ts';
import { createHttpServer, openPlatform, type Platform } from '../main.ts';
import { systemActor } from '../shared/actor.ts';
import { newSecret } from '../modules/system/signing-secrets.ts';
import { openTestDatabase } from './test-database.ts';

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
}

export interface TestPlatform {
  platform: Platform;
  app: FastifyInstance;
  /** Creates an account (through the service, so it is audited) and signs it in. */
  signIn(role: Role, localityCode: string, username?: string): Promise<TestClient>;
  createUser(role: Role, localityCode: string, username?: string): Promise<{ id: string; username: string; password: string }>;
  login(username: string, password: string): Promise<TestClient>;
  /** Binds a facility staff account to facilities, as an administrator does. */
  bindFacilities(userId: string, facilityIds: string[]): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

export async function createTestPlatform(overrides: Partial<Config> = {}): Promise<TestPlatform> {
  // Every test request comes from 127.0.0.1: per-address limits are raised unless a test sets them.
  // A signing secret of its own, as an installation outside demo mode must have.
  const config: Config = { ...loadConfig({}), logLevel: 'silent', publicRateLimit: { otpPerMinute: 10_000, submitPerMinute: 10_000 }, secret: newSecret(), ...overrides };
  const platform = await openPlatform(config, await openTestDatabase());
  const app = await createHttpServer(platform, { quiet: true });
  await app.ready();

  const createUser = async (role: Role, localityCode: string, username = `${role.replace('_', '')}${++counter}`) => {
    const password = `pw-${username}-long-enough`;
    const r = await platform.services.users.create(systemActor('test'), { username, fullName: `Test ${username}`, role, localityCode, password });
    return { id: r.user.id, username, password };
  };

  const login = async (username: string, password: string): Promise<TestClient> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'pd_session');
    const { csrfToken, user } = res.json<{ csrfToken: string; user: { id: string } }>();
    const request = (o: InjectOptions & { csrf?: boolean }) =>
      app.inject({
        ...o,
        headers: {
          cookie: `pd_session=${cookie!.value}`,
          ...(o.csrf === false ? {} : { 'x-csrf-token': csrfToken }),
          ...o.headers,
        },
      });
    return {
      user: { id: user.id, username, password },
      csrfToken,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, body) => request({ method: 'POST', url, payload: body as InjectOptions['payload'] }),
      patch: (url, body) => request({ method: 'PATCH', url, payload: body as InjectOptions['payload'] }),
    };
  };

  return {
    platform,
    app,
    createUser,
    login,
    bindFacilities: async (userId, facilityIds) => void (await platform.services.users.update(systemActor('test'), userId, { facilityIds })),
    signIn: async (role, localityCode, username) => {
      const u = await createUser(role, localityCode, username);
      return login(u.username, u.password);
    },
    close: async () => {
      await app.close();
      await platform.close();
    },
  };
}
