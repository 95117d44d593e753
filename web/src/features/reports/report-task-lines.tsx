import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directivesContract } from '../../../../core/contracts/directives.ts';
import type { DirectiveView } from '../../../../core/schemas/directives.ts';
import { api } from '../../ui/api.ts';
import { SelectField, TextField } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';

/** A line of the report about one of the unit's directive tasks; no status: nothing to record. */
export interface TaskLine {
  directiveId: string;
  status: '' | 'in_progress' | 'done';
  note: string;
}

interface OpenTask {
  directiveId: string;
  numberSymbol: string;
  id: string;
  title: string;
  dueOn: string;
}

/** The unit's open directive tasks, found through the directives it received (the newest 20). */
async function openTasksOf(unitId: string): Promise<OpenTask[]> {
  const page = await api(directivesContract.getDirectives, { query: { recipient: unitId, limit: 20 } });
  const views: DirectiveView[] = await Promise.all(
    page.items.map((d) => api(directivesContract.getDirectivesById, { params: { id: d.id } })),
  );
  return views.flatMap((v) =>
    v.tasks
      .filter((x) => x.unit.id === unitId && x.mayReport && x.status !== 'done')
      .map((x) => ({ directiveId: v.id, numberSymbol: v.numberSymbol, id: x.id, title: x.title, dueOn: x.dueOn })),
  );
}

/**
 * Progress on the unit's open directive tasks, stated in its weekly report: recorded as task progress
 * when the report is submitted (issue 16).
 */
export function ReportTaskLines(p: {
  unitId: string;
  lines: Record<string, TaskLine>;
  onChange(lines: Record<string, TaskLine>): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [tasks, setTasks] = useState<OpenTask[]>([]);
  useEffect(() => {
    let live = true;
    openTasksOf(p.unitId).then(
      (x) => live && setTasks(x),
      () => live && setTasks([]),
    );
    return () => {
      live = false;
    };
  }, [p.unitId]);
  if (tasks.length === 0) return null;
  return (
    <fieldset className="report-section" data-testid="report-task-lines">
      <legend>{t('reports.taskLines')}</legend>
      <p className="muted">{t('reports.taskLinesIntro')}</p>
      {tasks.map((task) => {
        const line = p.lines[task.id] ?? { directiveId: task.directiveId, status: '', note: '' };
        const set = (change: Partial<TaskLine>) => p.onChange({ ...p.lines, [task.id]: { ...line, ...change } });
        return (
          <div key={task.id} className="report-task-line" data-testid="report-task-line">
            <p>
              <strong>{task.title}</strong> · {task.numberSymbol} ·{' '}
              {t('reports.taskDue', { date: fmt.date(task.dueOn) })}
            </p>
            <SelectField
              label={t('reports.taskStatus')}
              value={line.status}
              onChange={(v) => set({ status: v as TaskLine['status'] })}
              options={[
                { value: '', label: t('reports.taskNoChange') },
                { value: 'in_progress', label: t('reports.taskInProgress') },
                { value: 'done', label: t('reports.taskDone') },
              ]}
              testId="report-task-status"
            />
            <TextField label={t('reports.taskNote')} value={line.note} onChange={(v) => set({ note: v })} />
          </div>
        );
      })}
    </fieldset>
  );
}

/** The lines to send with the submission: those with a status. */
export function taskProgressOf(lines: Record<string, TaskLine>) {
  return Object.entries(lines)
    .filter(([, l]) => l.status !== '')
    .map(([taskId, l]) => ({
      directiveId: l.directiveId,
      taskId,
      status: l.status as 'in_progress' | 'done',
      ...(l.note.trim() ? { note: l.note.trim() } : {}),
    }));
}
