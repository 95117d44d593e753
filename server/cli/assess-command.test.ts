import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const cli = (args: string[], input: string) =>
  spawnSync(tsx, ['server/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, input });

describe('phongdich assess score', () => {
  it('reads stdin and prints the score as JSON', () => {
    const run = cli(
      ['assess', 'score', '--json'],
      JSON.stringify({ items: [{ points: 155, max: 1000, component: 'a' }], rules: '2194' }),
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ points: 155, max: 1000, sharePercent: 16, group: 'low', blockedBy: [] });
  });

  it('refuses bad input with a clear message and exit code 1', () => {
    const run = cli(['assess', 'score', '--json'], JSON.stringify({ template: 'qd9999', answers: {} }));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/unknown template "qd9999"/);
  });
});
