import { ReportTaskLines, taskProgressOf, type TaskLine } from './report-task-lines.tsx';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportsContract } from '../../../../core/contracts/reports.ts';
import type { ReportView } from '../../../../core/schemas/reports.ts';
import { api, ApiError, errorMessage } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { FormError, Notice, TextField, detailFor, useFormSubmit, type FormFailure } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { useLocation } from '../../ui/router.tsx';
import { ReportReview } from './report-review.tsx';
import { reportStatusBadge } from './report-labels.ts';
import './reports.css';

type Field = ReportView['sections'][number]['fields'][number];

/** The text an input shows for a value (blank for none). */
const shown = (v: Field['value']) => (v === null ? '' : String(v));

/** What the form sends: whole numbers as numbers (anything else as typed, for the server to name). */
function valueOf(f: Field, text: string): number | string | null {
  if (text.trim() === '') return null;
  if (f.type === 'text') return text;
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
}

/**
 * A unit's report: prefilled figures (each computed one with phongdich's count beside it and a
 * reason once changed), draft and submit; the review panel for a unit above; the history.
 * `/reports/units/:unitId` opens the period reported now (or `?period=`), `/reports/:id` a report.
 */
export function ReportPage(p: { reportId?: string; unitId?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { search } = useLocation();
  const periodParam = search.get('period');
  const [view, setView] = useState<ReportView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [taskLines, setTaskLines] = useState<Record<string, TaskLine>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [amendment, setAmendment] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  // One key per version being sent: a retry of the same tap resends it, a later version makes a new one.
  const [clientKey, setClientKey] = useState(newClientKey);
  const { error, setError, busy, run } = useFormSubmit();

  const show = useCallback((v: ReportView) => {
    setView(v);
    const fields = v.sections.flatMap((s) => s.fields);
    setValues(Object.fromEntries(fields.map((f) => [f.key, shown(f.value)])));
    setReasons(Object.fromEntries(fields.filter((f) => f.reason).map((f) => [f.key, f.reason!])));
  }, []);

  useEffect(() => {
    const load = p.reportId
      ? api(reportsContract.getReportsById, { params: { id: p.reportId } })
      : api(reportsContract.getReportsForm, { query: { unit: p.unitId ?? '', period: periodParam } });
    load.then(show, (e: unknown) => setLoadError(errorMessage(e)));
  }, [p.reportId, p.unitId, periodParam, show]);

  const fields = useMemo(() => view?.sections.flatMap((s) => s.fields) ?? [], [view]);
  if (loadError) return <Page title={t('reports.title')}>{<p role="alert">{loadError}</p>}</Page>;
  if (!view) return <Page title={t('reports.title')}>{<p aria-busy="true">{t('app.loading')}</p>}</Page>;

  const changed = (f: Field) => f.computed !== null && valueOf(f, values[f.key] ?? '') !== f.computed;
  const payload = () => ({
    unitId: view.unit.id,
    periodId: view.period.id,
    template: view.template.code,
    values: Object.fromEntries(fields.map((f) => [f.key, valueOf(f, values[f.key] ?? '')])),
    reasons: Object.fromEntries(fields.filter(changed).map((f) => [f.key, reasons[f.key] ?? ''])),
  });
  const checkLocally = (): boolean => {
    if (fields.some((f) => changed(f) && !(reasons[f.key] ?? '').trim())) {
      setError(t('reports.reasonNeeded'));
      return false;
    }
    if (view.version > 0 && !amendment.trim()) {
      setError(t('reports.amendmentNeeded'));
      return false;
    }
    return true;
  };
  const saveDraft = () =>
    run(async () => {
      show(await api(reportsContract.postReportsDrafts, { body: payload() }));
      setNotice(t('reports.saved'));
    });
  const submit = async () => {
    setNotice(null);
    if (!checkLocally()) return;
    await run(async () => {
      const sent = await api(reportsContract.postReportsSubmissions, {
        body: {
          ...payload(),
          clientKey,
          ...(view.version > 0 ? { amendmentReason: amendment.trim() } : {}),
          taskProgress: taskProgressOf(taskLines),
        },
      });
      show(sent);
      setAmendment('');
      setTaskLines({});
      setClientKey(newClientKey());
      setNotice(t('reports.submitted', { version: sent.version }));
    });
  };
  const editable = view.may.edit || (view.may.submit && view.version > 0);
  const timeliness = view.onTime === null ? '' : t(view.onTime ? 'reports.onTime' : 'reports.late');

  return (
    <Page title={t('reports.formTitle', { unit: view.unit.name })} intro={t('reports.formIntro')}>
      <p className="report-head">
        <strong>{view.template.name}</strong> ·{' '}
        {t('reports.periodRange', {
          from: fmt.date(view.period.from),
          to: fmt.date(view.period.to),
          due: fmt.dateTime(view.period.due),
        })}{' '}
        <span className={reportStatusBadge[view.status]} data-testid="report-status" data-status={view.status}>
          {t(`reports.status.${view.status}`)}
        </span>
      </p>
      {view.firstSubmittedAt && (
        <p className="muted">
          {t('reports.firstSubmitted', { time: fmt.dateTime(view.firstSubmittedAt), timeliness })}
        </p>
      )}
      <Notice>{notice}</Notice>
      <form className="report-form" onSubmit={(e) => e.preventDefault()} noValidate data-testid="report-form">
        {view.sections.map((s) => (
          <fieldset key={s.key} className="report-section">
            <legend>{s.title}</legend>
            {s.fields.map((f) =>
              editable ? (
                <EditableField
                  key={f.key}
                  f={f}
                  value={values[f.key] ?? ''}
                  reason={reasons[f.key] ?? ''}
                  changed={changed(f)}
                  error={error}
                  onValue={(v) => setValues({ ...values, [f.key]: v })}
                  onReason={(v) => setReasons({ ...reasons, [f.key]: v })}
                />
              ) : (
                <ShownField key={f.key} f={f} />
              ),
            )}
          </fieldset>
        ))}
        {view.may.submit && <ReportTaskLines unitId={view.unit.id} lines={taskLines} onChange={setTaskLines} />}
        {view.may.submit && view.version > 0 && (
          <TextField
            label={t('reports.amendmentReason')}
            value={amendment}
            onChange={setAmendment}
            error={detailFor(error, 'amendmentReason')}
            testId="amendment-reason"
          />
        )}
        <FormError
          error={error}
          fields={fields.flatMap((f) => [`values.${f.key}`, `reasons.${f.key}`]).concat('amendmentReason')}
        />
        {view.may.submit && (
          <div className="form-actions">
            {view.may.edit && (
              <button type="button" disabled={busy} onClick={() => void saveDraft()} data-testid="report-save">
                {t('reports.saveDraft')}
              </button>
            )}
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void submit()}
              data-testid="report-submit"
            >
              {view.version > 0 ? t('reports.amend') : t('reports.submit')}
            </button>
          </div>
        )}
      </form>
      {view.may.review && view.id && (
        <ReportReview
          reportId={view.id}
          onDone={(v, msg) => {
            show(v);
            setNotice(msg);
          }}
        />
      )}
      <History view={view} />
      {error instanceof ApiError && error.status >= 500 && <p role="alert">{errorMessage(error)}</p>}
    </Page>
  );
}

function History({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (view.history.length === 0) return null;
  return (
    <section className="report-history" data-testid="report-history">
      <h2>{t('reports.history')}</h2>
      <ol>
        {view.history.map((h) => (
          <li key={`${h.kind}-${h.version}-${h.at}`}>
            <strong>
              {h.kind === 'submission'
                ? t('reports.historySubmission', { version: h.version })
                : t(h.decision === 'accept' ? 'reports.historyAccept' : 'reports.historyReturn', {
                    version: h.version,
                  })}
            </strong>{' '}
            {fmt.dateTime(h.at)}
            {h.by && <> · {t('reports.by', { name: h.by })}</>}
            {h.onTime !== null && <> · {t(h.onTime ? 'reports.onTime' : 'reports.late')}</>}
            {(h.amendmentReason ?? h.comment) && <div className="muted">{h.amendmentReason ?? h.comment}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A figure being filled in: phongdich's count as the hint, and the reason once it is changed. */
function EditableField(p: {
  f: Field;
  value: string;
  reason: string;
  changed: boolean;
  error: FormFailure;
  onValue(v: string): void;
  onReason(v: string): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { f } = p;
  return (
    <div className="report-field" data-testid={`field-${f.key}`}>
      {f.type === 'text' ? (
        <label className="field">
          <span>{f.label}</span>
          <textarea
            value={p.value}
            rows={3}
            onChange={(e) => p.onValue(e.target.value)}
            data-testid={`value-${f.key}`}
          />
        </label>
      ) : (
        <TextField
          label={f.label}
          value={p.value}
          onChange={p.onValue}
          hint={f.computed !== null ? t('reports.computed', { value: fmt.number(f.computed) }) : t('reports.manual')}
          error={detailFor(p.error, `values.${f.key}`)}
          testId={`value-${f.key}`}
        />
      )}
      {p.changed && (
        <TextField
          label={t('reports.reason')}
          value={p.reason}
          onChange={p.onReason}
          error={detailFor(p.error, `reasons.${f.key}`)}
          testId={`reason-${f.key}`}
        />
      )}
    </div>
  );
}

/** A figure as submitted, for those who read or review it: the count beside a changed one, with its reason. */
function ShownField({ f }: { f: Field }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const value = typeof f.value === 'number' ? fmt.number(f.value) : (f.value ?? t('common.empty'));
  return (
    <div className="report-field report-shown" data-testid={`field-${f.key}`}>
      <span className="report-label">{f.label}</span>
      <strong data-testid={`value-${f.key}`}>{value}</strong>
      {f.computed !== null && f.value !== f.computed && (
        <span className="muted small">
          {t('reports.computed', { value: fmt.number(f.computed) })}
          {f.reason && ` · ${t('reports.reason')}: ${f.reason}`}
        </span>
      )}
    </div>
  );
}
