import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { workforceContract } from '../../../../core/contracts/workforce.ts';
import { workplaceScreeningContract as c } from '../../../../core/contracts/workplace-screening.ts';
import type { RosterWorkerView } from '../../../../core/schemas/workforce.ts';
import { symptomKinds, type SymptomReportView } from '../../../../core/schemas/workplace-screening.ts';
import { vietnamToday } from '../../../../core/vietnam-calendar.ts';
import { ApiError, api } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { CheckboxField, FormError, type FormFailure } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';

type Kind = (typeof symptomKinds)[number];

/**
 * A worker with symptoms: the organisation's safety contact picks the worker from the roster, ticks
 * the symptoms and the onset day (the 2194 protocol is recalled above the form). The report goes
 * to the commune's today's work, the worker's status turns yellow and a test is ordered; one client
 * key per report, so a double submit stores one. The organisation's reports are listed below.
 */
export function WorkerSymptoms(p: { organisationId: string; canReport: boolean; canHandle: boolean }) {
  const { organisationId, canReport, canHandle } = p;
  const { t } = useTranslation();
  const fmt = useFormat();
  const [q, setQ] = useState('');
  const [worker, setWorker] = useState<RosterWorkerView | null>(null);
  const [symptoms, setSymptoms] = useState<Kind[]>([]);
  const [onsetOn, setOnsetOn] = useState(() => vietnamToday(new Date()));
  const [clientKey, setClientKey] = useState(newClientKey);
  const [sent, setSent] = useState<SymptomReportView | null>(null);
  const [error, setError] = useState<FormFailure>(null);
  const [busy, setBusy] = useState(false);
  const candidates = usePagedList(
    canReport && q.trim().length >= 2 ? workforceContract.getOrganisationsRoster : null,
    { q: q.trim() },
    { params: { id: organisationId }, limit: 10 },
  );
  const reports = usePagedList(c.getOrganisationsSymptomReports, {}, { params: { id: organisationId } });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!worker || symptoms.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api(c.postOrganisationsSymptomReports, {
        params: { id: organisationId },
        body: { clientKey, workerId: worker.id, symptoms, onsetOn },
      });
      setSent(r);
      setClientKey(newClientKey());
      setWorker(null);
      setSymptoms([]);
      setQ('');
      reports.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err : t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<SymptomReportView>[] = [
    { key: 'name', header: t('workforce.name'), render: (r) => r.fullName },
    { key: 'department', header: t('workforce.department'), render: (r) => r.department || t('common.empty') },
    {
      key: 'symptoms',
      header: t('symptoms.symptomsHeader'),
      render: (r) => r.symptoms.map((s) => t(`symptoms.kinds.${s}`)).join(', '),
    },
    { key: 'onset', header: t('symptoms.onset'), render: (r) => fmt.date(r.onsetOn) },
    { key: 'at', header: t('symptoms.reportedAt'), render: (r) => fmt.dateTime(r.reportedAt) },
    {
      key: 'handled',
      header: t('symptoms.handled'),
      render: (r) =>
        r.handledAt ? (
          fmt.dateTime(r.handledAt)
        ) : canHandle ? (
          <button type="button" className="small" onClick={() => void handle(r)} data-testid="symptoms-handle">
            {t('symptoms.handle')}
          </button>
        ) : (
          t('symptoms.open')
        ),
    },
  ];
  const handle = async (r: SymptomReportView) => {
    setError(null);
    try {
      const next = await api(c.postOrganisationsSymptomReportsHandled, {
        params: { id: organisationId, reportId: r.id },
      });
      reports.replace((x) => x.id === r.id, next);
    } catch (err) {
      setError(err instanceof ApiError ? err : t('errors.unexpected'));
    }
  };
  return (
    <section className="card" aria-labelledby="org-symptoms-title" data-testid="org-symptoms">
      <h2 id="org-symptoms-title">{t('symptoms.title')}</h2>
      {canReport && (
        <>
          <p className="muted">{t('symptoms.protocol')}</p>
          <form className="form-grid" onSubmit={(e) => void submit(e)}>
            <div className="field full">
              <label htmlFor="symptoms-search">{t('symptoms.search')}</label>
              <input
                id="symptoms-search"
                value={q}
                onChange={(e) => setQ(e.target.value)}
                data-testid="symptoms-search"
              />
              {worker ? (
                <p data-testid="symptoms-worker">{t('symptoms.chosen', { name: worker.fullName })}</p>
              ) : (
                <ul className="plain-list" data-testid="symptoms-candidates">
                  {candidates.items.map((w) => (
                    <li key={w.id}>
                      <button type="button" onClick={() => setWorker(w)} data-testid="symptoms-pick">
                        {w.fullName} · {w.department || t('common.empty')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <fieldset className="field full">
              <legend>{t('symptoms.symptomsHeader')}</legend>
              {symptomKinds.map((k) => (
                <CheckboxField
                  key={k}
                  label={t(`symptoms.kinds.${k}`)}
                  checked={symptoms.includes(k)}
                  onChange={(on) => setSymptoms((s) => (on ? [...s, k] : s.filter((x) => x !== k)))}
                  testId={`symptom-${k}`}
                />
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor="symptoms-onset">{t('symptoms.onset')}</label>
              <input
                id="symptoms-onset"
                type="date"
                value={onsetOn}
                max={vietnamToday(new Date())}
                onChange={(e) => setOnsetOn(e.target.value)}
                data-testid="symptoms-onset"
              />
            </div>
            <div className="form-actions">
              <button
                type="submit"
                className="primary"
                disabled={busy || !worker || symptoms.length === 0}
                data-testid="symptoms-submit"
              >
                {t('symptoms.send')}
              </button>
            </div>
          </form>
          <FormError error={error} />
          {sent && (
            <div className="alert alert-ok" role="status" data-testid="symptoms-sent">
              {t('symptoms.sent', { name: sent.fullName })}{' '}
              {t(sent.testOrdered ? 'symptoms.testOrdered' : 'symptoms.noTest')}
            </div>
          )}
        </>
      )}
      <h3>{t('symptoms.reports')}</h3>
      {!canReport && <FormError error={error} />}
      <DataTable
        testId="symptoms-table"
        columns={columns}
        rows={reports.items}
        rowKey={(r) => r.id}
        emptyText={t('symptoms.noReports')}
      />
      <PagerFooter list={reports} />
    </section>
  );
}
