import { useEffect, useState } from 'react';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n/index.ts';
import '../i18n/vi-pages.ts';
import { Page } from '../layout.tsx';
import { Link } from '../router.tsx';
import { deleteAllVisits, deleteVisit, keepDays, listVisits, purgeVisits, type Visit } from '../visits.ts';

/**
 * The check-ins kept on this phone (IndexedDB, ../visits.ts): read without a network or a session,
 * deleted one by one or all at once. Deleting here does not touch the server's copy (kept for the
 * same period for contact tracing, shown in the check-in history).
 */
export function VisitsPage() {
  const t = useT();
  const [rows, setRows] = useState<Visit[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [confirmAll, setConfirmAll] = useState(false);

  const reload = () =>
    listVisits().then(setRows, () => {
      setFailed(true);
      setRows([]);
    });
  useEffect(() => {
    // Opened before the start-up purge finished (or without it): what is shown is never older.
    void purgeVisits()
      .catch(() => 0)
      .then(reload);
  }, []);

  const remove = async (id: string) => {
    await deleteVisit(id);
    await reload();
  };
  const removeAll = async () => {
    await deleteAllVisits();
    setConfirmAll(false);
    await reload();
  };

  return (
    <Page title={t('visits.title')}>
      <p className="lead">{t('visits.intro', { days: keepDays })}</p>
      {failed && (
        <p className="form-error" role="alert" data-testid="visits-unavailable">
          {t('visits.unavailable')}
        </p>
      )}
      {rows === null && <p aria-busy="true">{t('app.loading')}</p>}
      {rows?.length === 0 && !failed && <p data-testid="visits-empty">{t('visits.empty')}</p>}
      {rows && rows.length > 0 && (
        <>
          <ol className="history">
            {rows.map((v) => (
              <li key={v.id} data-testid="visit-item" data-code={v.venueCode}>
                <p className="strong">{v.venueName}</p>
                <p className="hint">{t('visits.code', { code: v.venueCode })}</p>
                <p>{t('history.checkedIn', { time: formatDateTime(v.checkedInAt, t.lang) })}</p>
                <p>
                  {v.checkedOutAt
                    ? t('history.checkedOut', { time: formatDateTime(v.checkedOutAt, t.lang) })
                    : t('history.stillIn')}
                </p>
                <button
                  type="button"
                  className="btn"
                  onClick={() => void remove(v.id)}
                  aria-label={t('visits.deleteOne', { venue: v.venueName })}
                  data-testid="visit-delete"
                >
                  {t('visits.delete')}
                </button>
              </li>
            ))}
          </ol>
          {confirmAll ? (
            <div className="actions" role="group">
              <p className="warn-text">{t('visits.confirmAll')}</p>
              <button
                type="button"
                className="btn big"
                onClick={() => void removeAll()}
                data-testid="visits-delete-all-yes"
              >
                {t('visits.deleteAllYes')}
              </button>
              <button type="button" className="btn big" onClick={() => setConfirmAll(false)}>
                {t('visits.cancel')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="btn big"
              onClick={() => setConfirmAll(true)}
              data-testid="visits-delete-all"
            >
              {t('visits.deleteAll')}
            </button>
          )}
        </>
      )}
      <p className="hint">{t('visits.serverCopy')}</p>
      <Link to="/c/lich-su" className="btn big" data-testid="visits-history">
        {t('home.history')}
      </Link>
    </Page>
  );
}
