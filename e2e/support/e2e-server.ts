import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Role } from '../../core/roles.ts';
import { loadConfig } from '../../server/config.ts';
import { loadProvinceUnits } from '../../server/cli/seed.ts';
import { hasWebBuild } from '../../server/http/server.ts';
import { createHttpServer, openPlatform } from '../../server/main.ts';
import { newSecret } from '../../server/modules/system/signing-secrets.ts';
import { systemActor } from '../../server/shared/actor.ts';

export const artefactsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-artifacts/e2e');

/** The real server on a free loopback port, on an in-memory PGlite with the demo province. */
export async function startE2eServer() {
  if (!hasWebBuild()) throw new Error('web/dist is missing: run `npm run build:web` (npm test does it)');
  const platform = await openPlatform({ ...loadConfig({}), logLevel: 'silent', database: { dataDir: 'memory://' }, secret: newSecret() });
  await loadProvinceUnits(platform, '12', true);
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
    async createUser(username: string, role: Role, localityCode: string) {
      const password = `${username}-e2e-password`;
      await platform.services.users.create(systemActor('e2e'), { username, fullName: `E2E ${username}`, role, localityCode, password });
      return { username, password };
    },
    async close() {
      await app.close();
      await platform.close();
    },
  };
}

export async function launchChromium(executablePath: string, extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    // A closed network: no background calls home, no QUIC, no sandbox (CI runs as root).
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/** Chromium whose camera shows the given Y4M video, with the permission prompt answered yes. */
export function launchWithFakeCamera(executablePath: string, y4mFile: string): Promise<Browser> {
  return launchChromium(executablePath, ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4mFile}`]);
}

/** Signs in through the login page and waits for the app shell. */
export async function signIn(page: Page, baseUrl: string, user: { username: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}
