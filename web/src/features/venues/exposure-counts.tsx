import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exposureContract } from '../../../../core/contracts/exposure.ts';
import type { ExposureCounts as Counts } from '../../../../core/schemas/exposure.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';

/**
 * Exposure alerts in counts only (issue 20): entries published per day and per venue, how often
 * phones fetched the feed, self-reports received and handled, over the last 14 days of the area.
 * Nobody is named: the feed's matching happens on the phones.
 */
export function ExposureCounts() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const code = selected?.code;
  useEffect(() => {
    if (!code) return;
    let live = true;
    api(exposureContract.getExposureCounts, { query: { locality: code } }).then(
      (c) => live && setCounts(c),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [code]);

  return (
    <section className="checkin-counts" aria-labelledby="exposure-counts-title" data-testid="exposure-counts">
      <h2 id="exposure-counts-title">{t('checkins.exposureTitle')}</h2>
      <p className="muted small">{t('checkins.exposureIntro')}</p>
      {error && (
        <div className="alert alert-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {counts && (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('checkins.day')}</th>
                <th className="num">{t('checkins.exposureEntries')}</th>
                <th className="num">{t('checkins.exposureFetches')}</th>
                <th className="num">{t('checkins.selfReportsReceived')}</th>
                <th className="num">{t('checkins.selfReportsHandled')}</th>
              </tr>
            </thead>
            <tbody>
              {counts.days.map((d) => (
                <tr key={d.day}>
                  <td>{fmt.date(d.day)}</td>
                  <td className="num">{fmt.number(d.entriesPublished)}</td>
                  <td className="num">{fmt.number(d.feedFetches)}</td>
                  <td className="num">{fmt.number(d.selfReportsReceived)}</td>
                  <td className="num">{fmt.number(d.selfReportsHandled)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {counts.venues.length > 0 && (
            <table className="data-table">
              <thead>
                <tr>
                  <th>{t('checkins.day')}</th>
                  <th>{t('checkins.venue')}</th>
                  <th className="num">{t('checkins.exposureEntries')}</th>
                </tr>
              </thead>
              <tbody>
                {counts.venues.map((v) => (
                  <tr key={`${v.day}:${v.venueName}`}>
                    <td>{fmt.date(v.day)}</td>
                    <td>{v.venueName}</td>
                    <td className="num">{fmt.number(v.entries)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
