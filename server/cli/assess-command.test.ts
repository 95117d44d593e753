import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../testing/cli-in-process.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

describe('phongdich assess score', () => {
  // The one test that starts the binary: stdin, stdout and the entry point's exit code as a user
  // meets them. The other CLI tests run the same commands in process.
  it('reads stdin and prints the score as JSON', () => {
    const run = spawnSync(tsx, ['server/cli/main.ts', 'assess', 'score', '--json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      input: JSON.stringify({ items: [{ points: 155, max: 1000, component: 'a' }], rules: '2194' }),
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ points: 155, max: 1000, sharePercent: 16, group: 'low', blockedBy: [] });
  });

  it('refuses bad input with a clear message and exit code 1', async () => {
    const file = path.join(os.tmpdir(), `assess-bad-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify({ template: 'qd9999', answers: {} }));
    const run = await runCliInProcess(['assess', 'score', '--input', file, '--json']);
    fs.rmSync(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/unknown template "qd9999"/);
  });
});
