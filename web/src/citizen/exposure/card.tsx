import { useEffect, useState } from 'react';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n/index.ts';
import '../i18n/vi-exposure.ts';
import { Link } from '../router.tsx';
import { checkExposures, lastAlerts, type ExposureAlert } from './check.ts';
import { FeedRefused } from './feed.ts';

/**
 * Exposure warnings on the home page, for a phone that keeps check-ins: the last ones found at once
 * (offline too), then those of a fresh feed. Loaded lazily: a phone without check-ins never gets it.
 */
export function ExposureCard() {
  const t = useT();
  const [alerts, setAlerts] = useState<ExposureAlert[]>(lastAlerts);
  const [state, setState] = useState<'checking' | 'done' | 'failed' | 'refused'>('checking');
  useEffect(() => {
    let live = true;
    checkExposures().then(
      (found) => {
        if (!live) return;
        setAlerts(found);
        setState('done');
      },
      (e: unknown) => live && setState(e instanceof FeedRefused ? 'refused' : 'failed'),
    );
    return () => {
      live = false;
    };
  }, []);

  if (!alerts.length) {
    if (state === 'done')
      return (
        <p className="hint" data-testid="exposure-none">
          {t('alert.none')}
        </p>
      );
    if (state === 'checking') return null;
    return (
      <p className="hint" data-testid="exposure-failed">
        {t(state === 'refused' ? 'alert.refused' : 'alert.failed')}
      </p>
    );
  }
  const profile = alerts[0]!.profile;
  return (
    <section className="result warn" role="alert" data-testid="exposure-warning">
      <p className="strong">{t('alert.warning')}</p>
      <ul>
        {alerts.map((a) => (
          <li key={a.visitId} data-testid="exposure-item">
            {t('alert.at', {
              venue: a.venueName,
              from: formatDateTime(a.from, t.lang),
              to: formatDateTime(a.to, t.lang, true),
              minutes: a.minutes,
            })}
            {a.pending && <span className="hint"> {t('alert.pending')}</span>}
          </li>
        ))}
      </ul>
      <p className="strong">{t('alert.advice', { profile: profile.name[t.lang] })}</p>
      <ul data-testid="exposure-advice">
        <li>{t('alert.adviceHome', { days: profile.quarantineDays + profile.monitoringDays })}</li>
        {profile.testDays.length > 0 && <li>{t('alert.adviceTest', { days: profile.testDays.join(', ') })}</li>}
        <li>{t('alert.adviceDeclare')}</li>
      </ul>
      <Link to="/c/khai-bao" className="btn primary big">
        {t('alert.declare')}
      </Link>
      <Link to="/c/tu-bao" className="btn big" data-testid="exposure-self-report">
        {t('home.selfReport')}
      </Link>
      <p className="hint">{t('alert.privacy')}</p>
      {state === 'failed' && <p className="hint">{t('alert.failed')}</p>}
    </section>
  );
}
