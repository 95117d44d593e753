import { useEffect, useState } from 'react';
import type { MySelfReportView } from '../../../../core/schemas/exposure.ts';
import { api, isSessionNeeded } from '../api.ts';
import { mySelfReports } from '../endpoints.ts';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n/index.ts';
import '../i18n/vi-exposure.ts';

/** My self-reports (issue 20), as this phone's session sees them: what I sent and what became of it. */
export function MySelfReports({ session, onSessionEnded }: { session: string; onSessionEnded: () => void }) {
  const t = useT();
  const [rows, setRows] = useState<MySelfReportView[] | null>(null);
  useEffect(() => {
    let live = true;
    api(mySelfReports, { body: {} }, { session: true }).then(
      (r) => live && setRows(r.items),
      (e: unknown) => {
        if (isSessionNeeded(e)) onSessionEnded();
      },
    );
    return () => {
      live = false;
    };
  }, [session]);
  if (!rows) return null;
  const decision = (r: MySelfReportView) =>
    r.exposureDecision ? t(`mine.${r.exposureDecision}`) : r.status === 'received' ? t('mine.pendingDecision') : '';
  return (
    <section className="accesses" data-testid="my-self-reports">
      <h2>{t('mine.title')}</h2>
      {rows.length === 0 && <p>{t('mine.none')}</p>}
      {rows.length > 0 && (
        <ol className="history">
          {rows.map((r) => (
            <li key={r.id} data-testid="my-self-report">
              <p className="strong">
                {t(r.kind === 'positive_test' ? 'mine.positive' : 'mine.symptoms')}
                {r.testDate ? ` · ${t('mine.testDate', { date: r.testDate })}` : ''}
                {r.hasPhoto ? ` · ${t('mine.photo')}` : ''}
              </p>
              {r.symptoms.length > 0 && <p>{r.symptoms.map((c) => t(`symptom.${c}`)).join(', ')}</p>}
              {r.publishedEntries > 0 && (
                <p>
                  {t('mine.published', { count: r.publishedEntries })}: {decision(r)}
                </p>
              )}
              <p className="hint">
                {formatDateTime(r.createdAt, t.lang)} · {t(r.status === 'handled' ? 'mine.handled' : 'mine.received')}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
