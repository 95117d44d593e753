import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inspectionsContract as c } from '../../../../core/contracts/inspections.ts';
import type { ArticleView, FieldWorkView } from '../../../../core/schemas/inspections.ts';
import { addDays, vietnamToday } from '../../../../core/vietnam-calendar.ts';
import { enqueue } from '../../offline/outbox.ts';
import { KeptNotice, OutboxStatus } from '../../offline/outbox-status.tsx';
import { useKeptData } from '../../offline/kept-data.ts';
import { shrinkPhoto } from '../../offline/photos.ts';
import { useFieldWorker } from '../../offline/field-worker.ts';
import { api } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { Notice, TextField } from '../../ui/form.tsx';
import { Page } from '../../ui/page.tsx';
import { SignaturePad } from '../../ui/signature-pad.tsx';
import { ViolationForm, type PendingViolation } from './violation-form.tsx';

type Item = FieldWorkView['items'][number];
type Result = 'pass' | 'fail' | 'na';
const GROUP = 'inspections';

/**
 * Today's inspections on a phone: the targets and checklists kept from the last time online, each
 * item assessed with a note, photos resized on the phone, the position, the representative's
 * signature and any violation; all stored in the outbox first (visit, then its photos and violations,
 * each with its client key) and sent when the network is there.
 */
export function FieldPage() {
  const { t } = useTranslation();
  useFieldWorker();
  const work = useKeptData('inspections/field-work', () => api(c.getInspectionsFieldWork));
  const articles = useKeptData('inspections/articles', () => api(c.getInspectionsArticles, { query: {} }));
  const [chosen, setChosen] = useState<Item | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Page title={t('inspections.field.title')} intro={t('inspections.field.intro')}>
      <OutboxStatus group={GROUP} />
      <KeptNotice keptAt={work.keptAt} />
      <Notice>{notice}</Notice>
      {chosen ? (
        <VisitForm
          item={chosen}
          articles={articles.data?.items ?? []}
          onDone={(message) => {
            setChosen(null);
            setNotice(message);
          }}
        />
      ) : (
        <ul className="field-targets" data-testid="field-targets">
          {(work.data?.items ?? []).length === 0 && <li>{t('inspections.field.none')}</li>}
          {(work.data?.items ?? []).map((i) => (
            <li key={i.target.id}>
              <button type="button" className="button" onClick={() => setChosen(i)} data-testid="field-target">
                {i.target.name}
              </button>{' '}
              <span className="muted small">{i.planTitle}</span>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function VisitForm({ item, articles, onDone }: { item: Item; articles: ArticleView[]; onDone(message: string): void }) {
  const { t } = useTranslation();
  const [startedAt] = useState(() => new Date().toISOString());
  const [results, setResults] = useState<Record<string, { result?: Result; note: string }>>({});
  const [photos, setPhotos] = useState<{ blob: Blob; itemKey: string | null }[]>([]);
  const [representative, setRepresentative] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [privateNote, setPrivateNote] = useState('');
  const [position, setPosition] = useState<{ latitude: number; longitude: number } | null>(null);
  const [violations, setViolations] = useState<PendingViolation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const set = (key: string, change: Partial<{ result: Result; note: string }>) =>
    setResults((r) => ({ ...r, [key]: { note: '', ...r[key], ...change } }));
  const locate = () =>
    navigator.geolocation?.getCurrentPosition((p) =>
      setPosition({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
    );

  async function save() {
    const items = item.checklist.items;
    if (items.some((i) => !results[i.key]?.result) || !representative.trim() || !signature) {
      setError(t('inspections.field.missing'));
      return;
    }
    const visitKey = newClientKey();
    await enqueue({
      key: visitKey,
      label: `${t('inspections.target')}: ${item.target.name}`,
      method: 'POST',
      path: '/api/inspections/visits',
      body: {
        clientKey: visitKey,
        targetId: item.target.id,
        startedAt,
        complete: true,
        findings: items.map((i) => ({
          itemKey: i.key,
          result: results[i.key]!.result!,
          note: results[i.key]!.note || undefined,
        })),
        summary: summary || undefined,
        privateNote: privateNote || undefined,
        ...(position ?? {}),
        representativeName: representative.trim(),
        signaturePng: signature,
      },
      currentPath: `/api/inspections/visits/${visitKey}`,
      group: GROUP,
    });
    for (const p of photos) {
      const photoKey = newClientKey();
      await enqueue({
        key: photoKey,
        label: `${t('inspections.field.photo')}: ${item.target.name}`,
        method: 'PUT',
        path: `/api/inspections/visits/${visitKey}/photos/${photoKey}${p.itemKey ? `?item=${encodeURIComponent(p.itemKey)}` : ''}`,
        body: p.blob,
        contentType: 'image/jpeg',
        after: visitKey,
        group: GROUP,
      });
    }
    for (const v of violations) {
      const key = newClientKey();
      await enqueue({
        key,
        label: `${t('inspections.field.violation')}: ${v.articleCode} · ${v.subject.name}`,
        method: 'POST',
        path: '/api/inspections/violations',
        body: { ...v, clientKey: key, visitKey },
        after: visitKey,
        group: GROUP,
      });
    }
    onDone(t('inspections.field.saved'));
  }

  const today = vietnamToday();
  return (
    <form
      className="field-visit"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{item.target.name}</h2>
      <ol className="checklist" data-testid="checklist">
        {item.checklist.items.map((i) => (
          <li key={i.key} data-testid={`item-${i.key}`}>
            <fieldset>
              <legend>{i.text}</legend>
              {(['pass', 'fail', 'na'] as const).map((r) => (
                <label key={r} className="radio">
                  <input
                    type="radio"
                    name={`result-${i.key}`}
                    checked={results[i.key]?.result === r}
                    onChange={() => set(i.key, { result: r })}
                    data-testid={`item-${i.key}-${r}`}
                  />{' '}
                  {t(`inspections.field.${r}`)}
                </label>
              ))}
              {results[i.key]?.result === 'fail' && (
                <>
                  <TextField
                    label={t('inspections.field.note')}
                    value={results[i.key]?.note ?? ''}
                    onChange={(note) => set(i.key, { note })}
                    testId={`item-${i.key}-note`}
                  />
                  <label className="button">
                    {t('inspections.field.photo')}
                    <input
                      type="file"
                      accept="image/*"
                      capture="environment"
                      className="visually-hidden"
                      data-testid={`item-${i.key}-photo`}
                      onChange={async (e) => {
                        const file = e.target.files?.[0];
                        if (file) setPhotos((ps) => [...ps, { itemKey: i.key, blob: file }]);
                        if (file)
                          void shrinkPhoto(file).then(
                            (blob) => setPhotos((ps) => ps.map((p) => (p.blob === file ? { ...p, blob } : p))),
                            () => undefined,
                          );
                      }}
                    />
                  </label>
                </>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <p data-testid="photo-count">{t('inspections.field.photos', { count: photos.length })}</p>
      <p>
        <button type="button" className="link-button" onClick={locate}>
          {t('inspections.field.gps')}
        </button>{' '}
        {position ? `${position.latitude.toFixed(5)}, ${position.longitude.toFixed(5)}` : t('inspections.field.noGps')}
      </p>
      <TextField label={t('inspections.field.summary')} value={summary} onChange={setSummary} />
      <TextField label={t('inspections.field.privateNote')} value={privateNote} onChange={setPrivateNote} />
      <ViolationForm
        articles={articles}
        committedOn={today}
        paymentDueOn={addDays(today, 10)}
        defaultSubject={
          item.target.kind === 'organisation'
            ? { kind: 'organisation', name: item.target.name, organisationId: item.target.organisationId }
            : null
        }
        onAdd={(v) => setViolations((vs) => [...vs, v])}
      />
      <ul data-testid="pending-violations">
        {violations.map((v, i) => (
          <li key={i}>
            {t('inspections.field.violationAdded', {
              article: v.articleCode,
              amount: `${(v.fine?.amountVnd ?? 0).toLocaleString('vi-VN')} ₫`,
            })}
          </li>
        ))}
      </ul>
      <TextField
        label={t('inspections.field.representative')}
        value={representative}
        onChange={setRepresentative}
        testId="representative"
      />
      <SignaturePad label={t('inspections.field.signature')} onChange={setSignature} testId="signature" />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="visit-save">
          {t('inspections.field.submit')}
        </button>
      </div>
    </form>
  );
}
