import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { symptomCodes, type SymptomCode } from '../../../../core/declaration-codes.ts';
import type { SelfReportRequest } from '../../../../core/schemas/exposure.ts';
import { AddressPicker } from '../address.tsx';
import { api, ApiError, isSessionNeeded } from '../api.ts';
import { selfReport, selfReportPhoto } from '../endpoints.ts';
import { CheckList, Field, FormError, SubmitButton, today, useSubmit } from '../form.tsx';
import { useT } from '../i18n/index.ts';
import '../i18n/vi-exposure.ts';
import { Page } from '../layout.tsx';
import { OpenSession } from '../session.tsx';
import { stored } from '../storage.ts';
import { listVisits, type Visit } from '../visits.ts';
import { entriesToPublish } from '../exposure/publish.ts';

const maxPhotoBytes = 2 * 1024 * 1024;
const fieldPaths = ['kind', 'symptoms', 'onsetDate', 'testDate', 'note', 'communeCode', 'consent', 'photo'];

/**
 * A citizen reports symptoms or a positive rapid test to the health station of the commune where they
 * are (issue 20), with consent, from their phone's session. Someone positive may publish their kept
 * check-ins at once as anonymous exposure entries (identifiers the phone derives: the server never
 * learns the venues), which the health service later confirms or withdraws.
 */
export function SelfReportPage() {
  const t = useT();
  const person = stored.person();
  const [session, setSession] = useState(() => stored.session());
  const [kind, setKind] = useState<'symptoms' | 'positive_test'>('positive_test');
  const [symptoms, setSymptoms] = useState<string[]>([]);
  const [onsetDate, setOnsetDate] = useState('');
  const [testDate, setTestDate] = useState(today());
  const [note, setNote] = useState('');
  const [place, setPlace] = useState({ province: person?.provinceCode ?? '', commune: person?.communeCode ?? '' });
  const [photo, setPhoto] = useState<File | null>(null);
  const [consent, setConsent] = useState(false);
  const [publish, setPublish] = useState(true);
  const [visits, setVisits] = useState<Visit[]>([]);
  const [done, setDone] = useState<{ published: number; photoError: string | null } | null>(null);
  const form = useSubmit({
    known: (p) => fieldPaths.includes(p),
    onError: (e) => isSessionNeeded(e) && setSession(null),
  });
  const onPlace = useCallback((v: { province: string; commune: string }) => setPlace(v), []);
  useEffect(() => {
    listVisits().then(
      (v) => setVisits(v.filter((x) => x.exposureKey)),
      () => setVisits([]),
    );
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (photo && photo.size > maxPhotoBytes) return form.fail({ photo: t('selfReport.photoTooBig') });
    const publishing = kind === 'positive_test' && publish ? await entriesToPublish(visits, testDate) : [];
    const body: Omit<SelfReportRequest, 'clientKey'> = {
      kind,
      symptoms: symptoms as SymptomCode[],
      ...(onsetDate && kind === 'symptoms' ? { onsetDate } : {}),
      ...(kind === 'positive_test' ? { testDate } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      communeCode: place.commune,
      // The box must be ticked: the server refuses a report without it, with its own message.
      consent: consent as true,
      publish: publishing,
    };
    const r = await form.submit((clientKey) => api(selfReport, { body: { ...body, clientKey } }, { session: true }));
    if (!r) return;
    let photoError: string | null = null;
    if (photo) {
      try {
        await putPhoto(r.id, photo);
      } catch (err) {
        photoError = err instanceof ApiError ? err.message : t('app.network');
      }
    }
    setDone({ published: r.publishedEntries, photoError });
  };

  if (done)
    return (
      <Page title={t('selfReport.title')}>
        <div className="result ok" role="status" data-testid="self-report-done">
          <p className="strong">{t('selfReport.done')}</p>
          {done.published > 0 && <p>{t('selfReport.published', { count: done.published })}</p>}
          {done.photoError && <p className="warn-text">{t('selfReport.photoFailed', { message: done.photoError })}</p>}
        </div>
      </Page>
    );

  return (
    <Page title={t('selfReport.title')}>
      <p className="lead">{t('selfReport.intro')}</p>
      {!session ? (
        <OpenSession onOpened={setSession} />
      ) : (
        <form onSubmit={submit} noValidate>
          <FormError errors={form.errors} />
          <fieldset className="checks">
            <legend>{t('selfReport.kind')}</legend>
            {(['positive_test', 'symptoms'] as const).map((k) => (
              <label key={k} className="check">
                <input
                  type="radio"
                  name="kind"
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  data-testid={`self-report-kind-${k}`}
                />
                <span>{t(k === 'symptoms' ? 'selfReport.symptoms' : 'selfReport.positive')}</span>
              </label>
            ))}
          </fieldset>
          {kind === 'positive_test' ? (
            <Field name="testDate" label={t('selfReport.testDate')} error={form.errors.fields.testDate}>
              {(a) => (
                <input
                  {...a}
                  type="date"
                  value={testDate}
                  max={today()}
                  onChange={(e) => setTestDate(e.target.value)}
                  data-testid="self-report-test-date"
                />
              )}
            </Field>
          ) : (
            <Field name="onsetDate" label={t('selfReport.onsetDate')} optional error={form.errors.fields.onsetDate}>
              {(a) => (
                <input
                  {...a}
                  type="date"
                  value={onsetDate}
                  max={today()}
                  onChange={(e) => setOnsetDate(e.target.value)}
                />
              )}
            </Field>
          )}
          <CheckList
            legend={t('selfReport.symptomList')}
            codes={symptomCodes}
            value={symptoms}
            onChange={setSymptoms}
            label={(c) => t(`symptom.${c}`)}
            testid={(c) => `self-report-symptom-${c}`}
            name="symptoms"
            error={form.errors.fields.symptoms}
          />
          <AddressPicker
            province={place.province}
            commune={place.commune}
            onChange={onPlace}
            testPrefix="self-report"
            path="communeCode"
            error={form.errors.fields.communeCode}
            communeLabel={t('selfReport.commune')}
          />
          <Field name="note" label={t('selfReport.note')} optional error={form.errors.fields.note}>
            {(a) => <textarea {...a} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          {kind === 'positive_test' && (
            <Field name="photo" label={t('selfReport.photo')} optional error={form.errors.fields.photo}>
              {(a) => (
                <input
                  {...a}
                  type="file"
                  accept="image/jpeg,image/png,image/webp"
                  capture="environment"
                  onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
                  data-testid="self-report-photo"
                />
              )}
            </Field>
          )}
          {kind === 'positive_test' && visits.length > 0 && (
            <label className="check">
              <input
                type="checkbox"
                checked={publish}
                onChange={(e) => setPublish(e.target.checked)}
                data-testid="self-report-publish"
              />
              <span>
                {t('selfReport.publish', { count: visits.length })}
                <span className="hint"> {t('selfReport.publishHint')}</span>
              </span>
            </label>
          )}
          <label className={form.errors.fields.consent ? 'check invalid' : 'check'}>
            <input
              type="checkbox"
              checked={consent}
              onChange={(e) => setConsent(e.target.checked)}
              data-testid="self-report-consent"
            />
            <span>{t('selfReport.consent')}</span>
          </label>
          {form.errors.fields.consent && (
            <p className="field-error" data-testid="field-error-consent">
              {form.errors.fields.consent}
            </p>
          )}
          <SubmitButton busy={form.busy} label={t('selfReport.submit')} testid="self-report-submit" />
        </form>
      )}
    </Page>
  );
}

/** The photo as the request body itself, its type as the browser knows it (the server checks the bytes). */
async function putPhoto(id: string, photo: File): Promise<void> {
  const session = stored.session();
  const res = await fetch(`/api/public/self-reports/${encodeURIComponent(id)}/photo`, {
    method: selfReportPhoto.method,
    headers: {
      'Content-Type': photo.type || 'image/jpeg',
      ...(session ? { Authorization: `Bearer ${session.token}` } : {}),
    },
    body: photo,
    credentials: 'same-origin',
  });
  if (res.ok) return;
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new ApiError(res.status, 'PHOTO', body?.error?.message ?? String(res.status));
}
