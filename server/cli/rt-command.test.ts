import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateR } from '../../core/rules/rt/cori.ts';
import { formatRtOutput, parseRtInput } from '../../core/rules/rt/rt-json.ts';
import { runCliInProcess as cli } from '../testing/cli-in-process.ts';

describe('phongdich rt', () => {
  it('prints the estimate as JSON, with local and imported cases separated', async () => {
    const input = {
      local: [0, 2, 3, 5, 8, 10, 13, 18, 20, 25, 27, 30, 28, 26],
      imported: [1, 0, 0, 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
      mean_si: 2.6,
      std_si: 1.5,
    };
    const file = path.join(os.tmpdir(), `rt-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify(input));
    const run = await cli(['rt', '--input', file, '--json']);
    fs.rmSync(file);
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as ReturnType<typeof formatRtOutput>;
    expect(printed).toEqual(JSON.parse(JSON.stringify(formatRtOutput(estimateR(parseRtInput(input))))));
    expect(printed.windows[0]).toMatchObject({ t_start: 2, t_end: 8 });
  });

  it('refuses a bad input file with a clear message', async () => {
    const file = path.join(os.tmpdir(), `rt-bad-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify({ local: [1, -2, 3], mean_si: 2.6, std_si: 1.5 }));
    const run = await cli(['rt', '--input', file, '--json']);
    fs.rmSync(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/local/);
  });
});
