import { useState, type FormEvent } from 'react';
import type { MonitoringReport } from '../../../../core/schemas/quarantine.ts';
import { api } from '../api.ts';
import { symptomCodes, type SymptomCode } from '../../../../core/declaration-codes.ts';
import { CheckList, Field, FormError, SubmitButton, useSubmit } from '../form.tsx';
import { useT } from '../i18n/index.ts';
import { formatDay } from '../format.ts';
import { Page } from '../layout.tsx';
import { usePublicResource } from '../use-public-resource.ts';
import { monitoringReport, monitoringStatus } from '../endpoints.ts';

/** "36,8" or "36.8" → 36.8; empty → undefined; anything else → NaN (refused before sending). */
function parseTemperature(v: string): number | undefined {
  const s = v.trim().replace(',', '.');
  return s ? Number(s) : undefined;
}

/**
 * /c/theo-doi/<token>: the daily report of a person in quarantine, no login (the token in the
 * link is the key). Shows initials, place and end date; takes temperature and symptoms; says
 * when a test is due today. Fever or symptoms make the server order a test.
 */
export function MonitoringPage({ token }: { token: string }) {
  const t = useT();
  const [temperature, setTemperature] = useState('');
  const [symptoms, setSymptoms] = useState<string[]>([]);
  const [editing, setEditing] = useState(false);
  const form = useSubmit({ known: (p) => p === 'temperature' || p === 'symptoms' });
  const { load, retry, set } = usePublicResource(monitoringStatus, { token });

  if (load.state !== 'ok') {
    return (
      <Page title={t('monitoring.title')} home={false}>
        {load.state === 'loading' && <p>{t('app.loading')}</p>}
        {load.state === 'missing' && (
          <p className="form-error" data-testid="monitoring-missing">
            {t('monitoring.notFound')}
          </p>
        )}
        {load.state === 'failed' && (
          <>
            <div className="form-error" data-testid="form-error">
              <p>{load.message}</p>
            </div>
            <button type="button" className="btn big" onClick={retry}>
              {t('app.retry')}
            </button>
          </>
        )}
      </Page>
    );
  }

  const s = load.value;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const temp = parseTemperature(temperature);
    if (temp !== undefined && !(temp >= 34 && temp <= 43))
      return form.fail({ temperature: t('monitoring.temperatureInvalid') });
    const body: MonitoringReport = {
      ...(temp !== undefined ? { temperature: temp } : {}),
      symptoms: symptoms.filter((c): c is SymptomCode => (symptomCodes as readonly string[]).includes(c)),
    };
    const next = await form.submit(() => api(monitoringReport, { params: { token }, body }));
    if (!next) return;
    set(next);
    setEditing(false);
  };

  return (
    <Page title={t('monitoring.title')} home={false}>
      <section className="venue" data-testid="monitoring-person">
        <p className="venue-name" data-testid="monitoring-name">
          {s.displayName}
        </p>
        <p>{t('monitoring.facility', { name: s.facilityName })}</p>
        <p className="hint" data-testid="monitoring-ends-on">
          {t('monitoring.endsOn', { date: formatDay(s.endsOn, t.lang) })}
        </p>
      </section>
      {s.testDueToday && (
        <p className="warn-text" role="status" data-testid="monitoring-test-due">
          {t('monitoring.testDue')}
        </p>
      )}
      {s.reportedToday && !editing ? (
        <div className="result ok" role="status" data-testid="monitoring-done">
          <p className="strong">{t('monitoring.done')}</p>
          <p>{t('monitoring.doneHint')}</p>
          <button type="button" className="btn" onClick={() => setEditing(true)} data-testid="monitoring-again">
            {t('monitoring.again')}
          </button>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="monitoring-form">
          <Field
            name="temperature"
            label={t('monitoring.temperature')}
            hint={t('monitoring.temperatureHint')}
            error={form.errors.fields.temperature}
            optional
          >
            {(a11y) => (
              <input
                {...a11y}
                inputMode="decimal"
                autoComplete="off"
                value={temperature}
                onChange={(e) => {
                  setTemperature(e.target.value);
                  form.clear('temperature');
                }}
                data-testid="monitoring-temperature"
              />
            )}
          </Field>
          <CheckList
            legend={t('monitoring.symptoms')}
            hint={t('health.none')}
            codes={symptomCodes}
            value={symptoms}
            onChange={setSymptoms}
            label={(c) => t(`symptom.${c}`)}
            testid={(c) => `monitoring-symptom-${c}`}
            name="symptoms"
            error={form.errors.fields.symptoms}
          />
          <FormError errors={form.errors} />
          <SubmitButton busy={form.busy} label={t('monitoring.submit')} testid="monitoring-submit" />
        </form>
      )}
      <p className="hint">{t('monitoring.seeDoctor')}</p>
    </Page>
  );
}
