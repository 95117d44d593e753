import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { loadTestSettings } from './server/config.ts';

const settings = loadTestSettings();
const dbTests = ['server/**/*.int.test.ts'];
// The hub's browser test (e2e/hub.fed.test.ts) needs the clusters too: it runs with these.
const federationTests = ['server/**/*.fed.test.ts', 'e2e/**/*.fed.test.ts'];

// vitest gives a project one worker less than the cores: one worker on this 2-core machine, which
// leaves a core idle while PGlite (single-threaded) or the CLI's child processes run. Two workers for
// the unit and database projects; the browser tests keep one worker, in a group of their own after them.
const workers = 2;

const databaseProject = (name: 'pglite' | 'postgresql', databaseUrl?: string): TestProjectInlineConfiguration => ({
  test: {
    name,
    include: dbTests,
    // Files share their worker's loaded modules (each still opens its own database copy): importing
    // the server once per worker instead of once per file halves the suite's CPU time.
    isolate: false,
    maxWorkers: workers,
    globalSetup: ['server/testing/global-setup.ts'],
    provide: { testDatabase: { kind: name, url: databaseUrl ?? null } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['core/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.ts', 'e2e/support/**/*.test.ts'],
          exclude: [...dbTests, ...federationTests, '**/node_modules/**'],
          isolate: false,
          maxWorkers: workers,
          // Some unit tests spawn the CLI or check 20,000 random cases: on a loaded 2-core machine
          // 5 s (the default) is not enough. A time limit, not a measurement.
          testTimeout: 30_000,
        },
      },
      databaseProject('pglite'),
      // The same database tests again on a PostgreSQL server when one is configured (CI sets it).
      ...(settings.databaseUrl ? [databaseProject('postgresql', settings.databaseUrl)] : []),
      // Federation over PostgreSQL logical replication between real clusters (a hub, two provinces):
      // scripts/federation-clusters.sh up starts them and .ci/run sets FEDERATION_TEST_PORTS. Without
      // the clusters the project still runs and its tests say they were skipped and why.
      {
        test: {
          name: 'federation',
          include: federationTests,
          provide: { federationPorts: settings.federationPorts ?? null, chromiumPath: settings.chromiumPath },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // The walk-through of every role's pages (7–8 minutes on this 2-core machine): `npm run walk`
      // (PHONGDICH_WALKTHROUGH=1) runs it alone, outside the suite's time budget.
      ...(settings.walkthrough
        ? [
            {
              test: {
                name: 'walk',
                include: ['e2e/**/*.walk.test.ts'],
                globalSetup: ['e2e/support/global-setup.ts'],
                provide: { chromiumPath: settings.chromiumPath },
                fileParallelism: false,
                testTimeout: 600_000,
                hookTimeout: 180_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          isolate: false,
          sequence: { groupOrder: 1 },
          provide: { chromiumPath: settings.chromiumPath },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
