import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directivesContract } from '../../../../core/contracts/directives.ts';
import { taskStatuses, type DirectiveView } from '../../../../core/schemas/directives.ts';
import { api, apiHref, errorMessage } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { FormActions, FormError, Notice, SelectField, TextField, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';

type Task = DirectiveView['tasks'][number];
type Recipient = DirectiveView['recipientUnits'][number];
type Status = (typeof taskStatuses)[number];
/** What the server takes as evidence (it reads the type from the bytes all the same). */
const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx';

const standingBadge: Record<Task['standing'], string> = {
  done: 'badge badge-ok',
  in_progress: 'badge badge-warn',
  not_started: 'badge badge-off',
  overdue: 'badge badge-alert',
};

/**
 * One directive: its text and references; for a recipient's officer the acknowledge button and the
 * progress form of their tasks; for everyone who may read it, who acknowledged and where each task
 * stands (the issuer's follow-up table).
 */
export function DirectivePage(p: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [view, setView] = useState<DirectiveView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ack = useFormSubmit();

  useEffect(() => {
    api(directivesContract.getDirectivesById, { params: { id: p.id } }).then(setView, (e: unknown) =>
      setLoadError(errorMessage(e)),
    );
  }, [p.id]);
  if (loadError) return <Page title={t('directives.title')}>{<p role="alert">{loadError}</p>}</Page>;
  if (!view) return <Page title={t('directives.title')}>{<p aria-busy="true">{t('app.loading')}</p>}</Page>;

  const acknowledge = (r: Recipient) =>
    ack.run(async () => {
      setView(
        await api(directivesContract.postDirectivesAcknowledgements, {
          params: { id: view.id },
          body: { unitId: r.unit.id },
        }),
      );
      setNotice(t('directives.acknowledgedNotice', { unit: r.unit.name }));
    });

  const recipientColumns: Column<Recipient>[] = [
    { key: 'unit', header: t('directives.unit'), render: (r) => r.unit.name },
    {
      key: 'ack',
      header: t('directives.acknowledgements'),
      render: (r) =>
        r.acknowledgedAt ? (
          <span data-testid="ack-state" data-acknowledged="true">
            {t('directives.acknowledgedBy', { at: fmt.dateTime(r.acknowledgedAt), who: r.acknowledgedBy ?? '—' })}
          </span>
        ) : r.mayAcknowledge ? (
          <button
            type="button"
            className="primary"
            disabled={ack.busy}
            onClick={() => void acknowledge(r)}
            data-testid="ack-button"
          >
            {t('directives.acknowledge')}
          </button>
        ) : (
          <span className="badge badge-warn" data-testid="ack-state" data-acknowledged="false">
            {t('directives.notAcknowledged')}
          </span>
        ),
    },
  ];
  const taskColumns: Column<Task>[] = [
    { key: 'unit', header: t('directives.unit'), render: (x) => x.unit.name },
    { key: 'title', header: t('directives.taskTitle'), render: (x) => x.title },
    { key: 'due', header: t('directives.dueOn'), render: (x) => fmt.date(x.dueOn) },
    {
      key: 'standing',
      header: t('directives.statusHeader'),
      render: (x) => (
        <span className={standingBadge[x.standing]} data-testid="task-standing" data-standing={x.standing}>
          {t(`directives.standing.${x.standing}`)}
        </span>
      ),
    },
  ];

  return (
    <Page title={`${t(`directives.kind.${view.kind}`)} ${view.numberSymbol}`} intro={view.summary}>
      <Notice>{notice}</Notice>
      <FormError error={ack.error} />
      <dl className="case-summary">
        <dt>{t('directives.issuer')}</dt>
        <dd>{view.issuer.name}</dd>
        <dt>{t('directives.issuedOn')}</dt>
        <dd>{fmt.date(view.issuedOn)}</dd>
        {view.legalReferences.length > 0 && (
          <>
            <dt>{t('directives.legalReferencesShown')}</dt>
            <dd>
              <ul>
                {view.legalReferences.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {view.hasDocument && (
          <>
            <dt>{t('directives.document')}</dt>
            <dd>
              <a href={apiHref(directivesContract.getDirectivesDocument, { params: { id: view.id } })} download>
                {view.numberSymbol}.pdf
              </a>
            </dd>
          </>
        )}
      </dl>
      <p data-testid="directive-tally">{t('directives.tally', view.tally)}</p>
      <h2>{t('directives.acknowledgements')}</h2>
      <DataTable
        testId="directive-recipients"
        columns={recipientColumns}
        rows={view.recipientUnits}
        rowKey={(r) => r.unit.id}
      />
      <h2>{t('directives.tasks')}</h2>
      <DataTable
        testId="directive-tasks"
        columns={taskColumns}
        rows={view.tasks}
        rowKey={(x) => x.id}
        renderDetail={(x) => <TaskDetail directiveId={view.id} task={x} onSaved={setView} />}
      />
    </Page>
  );
}

/** A task's history, and the progress form when the user reports for its unit. */
function TaskDetail(p: { directiveId: string; task: Task; onSaved(v: DirectiveView): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [status, setStatus] = useState<Status>(p.task.status === 'not_started' ? 'in_progress' : p.task.status);
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  // Files of evidence, each with its key: a retry after a failure stores each once.
  const [files, setFiles] = useState<{ file: File; key: string }[]>([]);
  // One key per report being sent: a retry resends it, the next report makes a new one.
  const [clientKey, setClientKey] = useState(newClientKey);
  const [saved, setSaved] = useState(false);
  const { error, busy, run } = useFormSubmit();
  const submit = () =>
    run(async () => {
      for (const f of files)
        await api(directivesContract.putDirectivesTasksEvidence, {
          params: { id: p.directiveId, taskId: p.task.id, fileKey: f.key },
          query: { filename: f.file.name },
          raw: f.file,
          contentType: f.file.type || 'application/octet-stream',
        });
      p.onSaved(
        await api(directivesContract.postDirectivesTasksProgress, {
          params: { id: p.directiveId, taskId: p.task.id },
          body: { clientKey, status, note: note || undefined, evidence: evidence || undefined },
        }),
      );
      setClientKey(newClientKey());
      setNote('');
      setEvidence('');
      setFiles([]);
      setSaved(true);
    });
  return (
    <div className="task-detail">
      <h3>{t('directives.history')}</h3>
      {p.task.history.length === 0 ? (
        <p className="muted">{t('directives.noHistory')}</p>
      ) : (
        <ul data-testid="task-history">
          {p.task.history.map((h) => (
            <li key={h.id}>
              {fmt.dateTime(h.reportedAt)} · {t(`directives.standing.${h.status}`)}
              {h.reportedBy && ` · ${h.reportedBy}`}
              {h.note && ` · ${h.note}`}
              {h.evidence && ` · ${h.evidence}`}
            </li>
          ))}
        </ul>
      )}
      {p.task.evidence.length > 0 && (
        <>
          <h3>{t('directives.evidenceFiles')}</h3>
          <ul data-testid="task-evidence-files">
            {p.task.evidence.map((e) => (
              <li key={e.id}>
                <a href={apiHref(directivesContract.getDirectivesEvidenceById, { params: { id: e.id } })} download>
                  {e.filename}
                </a>{' '}
                · {fmt.dateTime(e.uploadedAt)}
                {e.uploadedBy && ` · ${e.uploadedBy}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.task.mayReport && (
        <form
          data-testid="task-progress-form"
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            void submit();
          }}
        >
          <h3>{t('directives.reportProgress')}</h3>
          {saved && <Notice>{t('directives.progressSaved')}</Notice>}
          <FormError error={error} />
          <SelectField
            label={t('directives.statusHeader')}
            value={status}
            onChange={(v) => setStatus(v as Status)}
            options={taskStatuses.map((s) => ({ value: s, label: t(`directives.standing.${s}`) }))}
            testId="task-status"
          />
          <TextField label={t('directives.note')} value={note} onChange={setNote} testId="task-note" />
          <TextField label={t('directives.evidence')} value={evidence} onChange={setEvidence} testId="task-evidence" />
          <div className="field">
            <label htmlFor={`evidence-${p.task.id}`}>{t('directives.attachEvidence')}</label>
            <input
              id={`evidence-${p.task.id}`}
              type="file"
              multiple
              accept={EVIDENCE_ACCEPT}
              aria-describedby={`evidence-${p.task.id}-hint`}
              data-testid="task-evidence-file"
              onChange={(e) => setFiles([...(e.target.files ?? [])].map((file) => ({ file, key: newClientKey() })))}
            />
            <small id={`evidence-${p.task.id}-hint`} className="field-hint">
              {t('directives.evidenceHint')}
            </small>
          </div>
          <FormActions busy={busy} label={t('directives.reportProgress')} testId="task-progress-save" />
        </form>
      )}
    </div>
  );
}
