/**
 * Where a directive's task stands for the issuer (issue 16): done whatever its deadline; overdue when
 * not done and its deadline day (Viet Nam) has passed; otherwise as last reported. A task due today
 * is not yet overdue: the unit has the whole day.
 */
export type TaskStatusValue = 'not_started' | 'in_progress' | 'done';
export type TaskStanding = 'done' | 'in_progress' | 'not_started' | 'overdue';

export function taskStanding(status: TaskStatusValue, dueOn: string, today: string): TaskStanding {
  if (status === 'done') return 'done';
  if (dueOn < today) return 'overdue';
  return status;
}

export interface DirectiveTally {
  recipients: number;
  acknowledged: number;
  tasks: number;
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
}

/** The issuer's counts: recipients that acknowledged, and tasks by standing (each task counted once). */
export function tallyDirective(
  recipients: readonly { acknowledged: boolean }[],
  tasks: readonly { standing: TaskStanding }[],
): DirectiveTally {
  const count = (s: TaskStanding) => tasks.filter((t) => t.standing === s).length;
  return {
    recipients: recipients.length,
    acknowledged: recipients.filter((r) => r.acknowledged).length,
    tasks: tasks.length,
    done: count('done'),
    inProgress: count('in_progress'),
    notStarted: count('not_started'),
    overdue: count('overdue'),
  };
}
