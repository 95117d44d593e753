import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalityEventView, LocalityView } from '../../../../core/schemas/localities.ts';
import { localitiesContract } from '../../../../core/contracts/localities.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { useFormat } from '../../ui/format.ts';

/** GET /api/localities/:code/history, newest as the server orders them. */
export function HistoryList({ locality }: { locality: LocalityView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [events, setEvents] = useState<LocalityEventView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api(localitiesContract.getLocalitiesHistory, { params: { code: locality.code } })
      .then((ev) => live && setEvents(ev))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [locality.code]);

  return (
    <div className="history" data-testid="locality-history">
      <h3>{t('localities.historyTitle', { name: locality.fullName })}</h3>
      {error && <p className="field-error">{error}</p>}
      {!events && !error && <p className="muted">{t('common.loading')}</p>}
      {events?.length === 0 && <p className="muted">{t('localities.historyEmpty')}</p>}
      {events && events.length > 0 && (
        <ol className="timeline">
          {events.map((ev) => (
            <li key={ev.id}>
              <strong>{fmt.date(ev.effectiveDate)}</strong> — {t(`localities.kind.${ev.kind}`)}
              {ev.otherCode && <code> {ev.otherCode}</code>}
              {ev.reason && <div>{ev.reason}</div>}
              {Object.keys(ev.details).length > 0 && (
                <pre className="json small">{JSON.stringify(ev.details, null, 2)}</pre>
              )}
              <div className="muted">
                {fmt.dateTime(ev.at)}
                {ev.actorName && ` · ${t('localities.historyBy', { name: ev.actorName })}`}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
