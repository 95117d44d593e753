import { describe, expect, it } from 'vitest';
import { tallyDirective, taskStanding } from './directive-tasks.ts';

describe('taskStanding', () => {
  it('is done whatever the deadline', () => {
    expect(taskStanding('done', '2026-12-01', '2026-12-07')).toBe('done');
  });
  it('is overdue only once the deadline day has passed', () => {
    expect(taskStanding('in_progress', '2026-12-06', '2026-12-07')).toBe('overdue');
    expect(taskStanding('not_started', '2026-12-07', '2026-12-07')).toBe('not_started');
    expect(taskStanding('in_progress', '2026-12-08', '2026-12-07')).toBe('in_progress');
  });
});

describe('tallyDirective', () => {
  it('counts acknowledgements and each task once by standing', () => {
    expect(
      tallyDirective(
        [{ acknowledged: true }, { acknowledged: false }],
        [{ standing: 'done' }, { standing: 'overdue' }, { standing: 'in_progress' }],
      ),
    ).toEqual({ recipients: 2, acknowledged: 1, tasks: 3, done: 1, inProgress: 1, notStarted: 0, overdue: 1 });
  });
});
