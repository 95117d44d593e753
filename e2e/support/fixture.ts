import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { artefactsDir, launchChromium, startE2eServer } from './e2e-server.ts';

type E2eServer = Awaited<ReturnType<typeof startE2eServer>>;

/** What one end-to-end file runs against: its own server and a Chromium. */
export interface E2eFixture {
  readonly server: E2eServer;
  readonly browser: Browser;
}

/**
 * Starts the file's server and browser before its tests and closes them after, registered in the
 * describe block it is called from (its own `beforeAll` then runs after this one, with both ready).
 * `demo`: demo mode (see startE2eServer); `clock`: the reports module's now (a test clock).
 */
export function useE2e(chromiumPath: string, o: { demo?: boolean; clock?: () => Date } = {}): E2eFixture {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    fs.mkdirSync(artefactsDir, { recursive: true });
    server = await startE2eServer({ demo: o.demo, clock: o.clock });
    browser = await launchChromium(chromiumPath);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the end-to-end ${what} is not started (use it inside a test or hook)`);
    return value;
  };
  return {
    get server() {
      return ready(server, 'server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
  };
}
