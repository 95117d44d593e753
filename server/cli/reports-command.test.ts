import { describe, expect, it } from 'vitest';
import { runCliInProcess as cli } from '../testing/cli-in-process.ts';
import { parseAt, reportsPeriod } from './report-commands.ts';

describe('phongdich reports period', () => {
  it('prints the week containing the instant and its deadline in Viet Nam offset', async () => {
    const run = await cli([
      'reports',
      'period',
      '--template',
      'weekly-covid',
      '--at',
      '2026-12-09T10:00:00+07:00',
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ from: '2026-12-07', to: '2026-12-13', due: '2026-12-16T00:00:00+07:00' });
  });

  it('refuses an unknown template with the known ones', async () => {
    const run = await cli(['reports', 'period', '--template', 'weekly-flu', '--at', '2026-12-09T10:00:00Z', '--json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no report template "weekly-flu" \(known: weekly-covid\)/);
  });

  it('refuses a missing option with the usage', async () => {
    const run = await cli(['reports', 'period', '--template', 'weekly-covid']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/needs --template <code> --at <ISO instant>/);
  });
});

describe('phongdich reports status', () => {
  // Refused before any database is opened; the answers themselves are tested in reports.int.test.ts.
  it('needs a period', async () => {
    const run = await cli(['reports', 'status', '--json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/reports status needs --period <id>, e.g. weekly:2026-W50/);
  });
});

describe('reports period, in process', () => {
  it('reads the instant in Viet Nam: Sunday 23:30 local is still that week, given in UTC too', () => {
    expect(reportsPeriod('weekly-covid', '2026-12-13T16:30:00Z')).toEqual({
      from: '2026-12-07',
      to: '2026-12-13',
      due: '2026-12-16T00:00:00+07:00',
    });
    expect(reportsPeriod('weekly-covid', '2026-12-13T17:00:00Z').from).toBe('2026-12-14');
    expect(reportsPeriod('weekly-covid', '2026-12-14').from).toBe('2026-12-14');
  });

  it('refuses an instant without an offset, or that is no instant', () => {
    for (const bad of ['2026-12-09T10:00:00', 'tomorrow', '2026-13-01T00:00:00Z', '2026-02-30'])
      expect(() => parseAt(bad), bad).toThrow(/--at/);
  });
});
