import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { Role } from '../../core/roles.ts';
import { loadConfig } from '../../server/config.ts';
import { loadProvinceUnits } from '../../server/cli/seed.ts';
import { openPgliteFromSnapshot } from '../../server/db/database.ts';
import { hasWebBuild } from '../../server/http/server.ts';
import { createHttpServer, openPlatform } from '../../server/main.ts';
import { newTotpSecret, totpCode } from '../../server/modules/identity/totp.ts';
import { newSecret } from '../../server/modules/system/signing-secrets.ts';
import { systemActor } from '../../server/shared/actor.ts';
import { testPassword } from '../../server/testing/test-platform.ts';

export const artefactsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-artifacts/e2e');

/**
 * The real server on a free loopback port, on an in-memory PGlite with the demo province.
 * `demo`: demo mode, where venue posters may carry this loopback address (refused otherwise).
 */
export async function startE2eServer(o: { demo?: boolean; clock?: () => Date } = {}) {
  if (!hasWebBuild()) throw new Error('web/dist is missing: run `npm run build:web` (npm test does it)');
  const snapshot = providedSnapshot();
  const config = {
    ...loadConfig({}),
    demo: o.demo ?? false,
    logLevel: 'silent' as const,
    database: { dataDir: 'memory://' },
    secret: newSecret(),
  };
  // The run's migrated copy when the project's global setup made one (`npm test`), else from scratch.
  const platform = snapshot
    ? await openPlatform(config, await openPgliteFromSnapshot(new Blob([await fs.readFile(snapshot)])), {
        clock: o.clock,
      })
    : await openPlatform(config, undefined, { clock: o.clock });
  if (!snapshot) await loadProvinceUnits(platform, '12', true);
  const app = await createHttpServer(platform, { quiet: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    platform,
    /** The last one-time code sent to a phone (the development outbox). */
    otpFor(phone: string) {
      return platform.services.outbox!.lastCodeFor(`+84${phone.replace(/^0/, '')}`);
    },
    /** An account that can sign in at once: enrolled with a known TOTP secret when its role must use one. */
    async createUser(
      username: string,
      role: Role,
      localityCode: string,
      o: { enrol?: boolean } = {},
    ): Promise<E2eUser> {
      const password = testPassword();
      const { user } = await platform.services.users.create(systemActor('e2e'), {
        username,
        fullName: `E2E ${username}`,
        role,
        localityCode,
        password,
      });
      if (!(o.enrol ?? platform.config.twoFactor.roles.includes(role))) return { username, password, totpSecret: null };
      const totpSecret = newTotpSecret();
      await platform.services.twoFactor.enrolKnownSecret(systemActor('e2e'), user.id, totpSecret);
      totpSecrets.set(username, totpSecret);
      return { username, password, totpSecret };
    },
    async close() {
      await app.close();
      await platform.close();
    },
  };
}

/** The end-to-end project's migrated copy; none when run by a benchmark, outside vitest. */
function providedSnapshot(): string | undefined {
  try {
    return inject('e2eSnapshot');
  } catch {
    return undefined;
  }
}

export async function launchChromium(executablePath: string, extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    // A closed network: no background calls home, no QUIC, no sandbox (CI runs as root).
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** Chromium whose camera shows the given Y4M video, with the permission prompt answered yes. */
export function launchWithFakeCamera(executablePath: string, y4mFile: string): Promise<Browser> {
  return launchChromium(executablePath, [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${y4mFile}`,
  ]);
}

export interface E2eUser {
  username: string;
  password: string;
  totpSecret?: string | null;
}

/** Secrets of the accounts `createUser` enrolled, so callers that pass only a name and password still sign in. */
const totpSecrets = new Map<string, string>();
const lastStepUsed = new Map<string, number>();

/**
 * A code of the secret not used yet by this process: a code is accepted once per 30-second step,
 * and the next step's code too; past that, waits for the next step.
 */
export async function nextTotpCode(username: string, secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 30_000);
  const step = Math.max(now, (lastStepUsed.get(username) ?? 0) + 1);
  if (step > now + 1) await new Promise((r) => setTimeout(r, (step - 1) * 30_000 - Date.now() + 50));
  lastStepUsed.set(username, step);
  return totpCode(secret, step * 30_000);
}

/**
 * Signs in through the login page and waits for the app shell; when the page asks for the
 * second factor, types the current code of the account's secret.
 */
export async function signIn(page: Page, baseUrl: string, user: E2eUser): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  const secret = user.totpSecret ?? totpSecrets.get(user.username);
  if (secret) {
    await page.getByTestId('login-code').waitFor();
    await page.getByTestId('login-code').fill(await nextTotpCode(user.username, secret));
    await page.getByTestId('login-submit').click();
  }
  await page.getByTestId('user-menu').waitFor();
}
