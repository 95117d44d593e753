import { useEffect, useState } from 'react';
import { api, isSessionNeeded } from '../api.ts';
import { alertConsent, pushKey, pushSubscribe, pushUnsubscribe } from '../endpoints.ts';
import { useT } from '../i18n/index.ts';
import '../i18n/vi-exposure.ts';

type State = 'unknown' | 'on' | 'off' | 'busy' | 'unsupported';

const supported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
const registration = () => navigator.serviceWorker.getRegistration('/c/');
const keyBytes = (b64url: string) =>
  Uint8Array.from(atob(b64url.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/**
 * The person's choice of alerts (issue 20): by SMS (a consent given or withdrawn here, first given
 * with a declaration), and on this browser: turning push on asks the browser's permission,
 * subscribes with the server's VAPID key and gives the server the subscription with this phone's
 * session; turning it off withdraws both.
 */
export function PushAlerts({ onSessionEnded }: { onSessionEnded: () => void }) {
  const t = useT();
  const [state, setState] = useState<State>('unknown');
  const [problem, setProblem] = useState<string | null>(null);
  const [sms, setSms] = useState<{ sms: boolean; hasPhone: boolean } | null>(null);

  useEffect(() => {
    api(alertConsent, { body: {} }, { session: true }).then(setSms, (e: unknown) => {
      if (isSessionNeeded(e)) onSessionEnded();
    });
  }, []);

  const chooseSms = (wanted: boolean) =>
    api(alertConsent, { body: { sms: wanted } }, { session: true }).then(setSms, failed);

  useEffect(() => {
    if (!supported()) return setState('unsupported');
    registration()
      .then((reg) => reg?.pushManager.getSubscription())
      .then(
        (sub) => setState(sub ? 'on' : 'off'),
        () => setState('off'),
      );
  }, []);

  const failed = (e: unknown) => {
    if (isSessionNeeded(e)) return onSessionEnded();
    setProblem(t('push.failed'));
    setState('off');
  };

  const turnOn = async () => {
    setProblem(null);
    setState('busy');
    try {
      if ((await Notification.requestPermission()) !== 'granted') {
        setProblem(t('push.denied'));
        return setState('off');
      }
      const { publicKey } = await api(pushKey, {});
      const reg = await registration();
      if (!publicKey || !reg) return failed(null);
      const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
      const json = sub.toJSON();
      if (!json.endpoint || !json.keys?.p256dh || !json.keys.auth) return failed(null);
      await api(
        pushSubscribe,
        { body: { endpoint: json.endpoint, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } } },
        { session: true },
      );
      setState('on');
    } catch (e) {
      failed(e);
    }
  };

  const turnOff = async () => {
    setProblem(null);
    setState('busy');
    try {
      const sub = await (await registration())?.pushManager.getSubscription();
      if (sub) {
        await api(pushUnsubscribe, { body: { endpoint: sub.endpoint } }, { session: true });
        await sub.unsubscribe();
      }
      setState('off');
    } catch (e) {
      failed(e);
    }
  };

  return (
    <section className="accesses" data-testid="push-alerts">
      <h2>{t('push.alerts')}</h2>
      {sms?.hasPhone && (
        <label className="check">
          <input
            type="checkbox"
            checked={sms.sms}
            onChange={(e) => void chooseSms(e.target.checked)}
            data-testid="alerts-sms"
          />
          <span>{t('push.sms')}</span>
        </label>
      )}
      <h3>{t('push.title')}</h3>
      <p>{t('push.intro')}</p>
      {state === 'unsupported' && <p className="hint">{t('push.unsupported')}</p>}
      {state === 'on' && <p>{t('push.isOn')}</p>}
      {(state === 'off' || state === 'busy') && (
        <button type="button" className="secondary" disabled={state === 'busy'} onClick={() => void turnOn()}>
          {t('push.on')}
        </button>
      )}
      {state === 'on' && (
        <button type="button" className="secondary" onClick={() => void turnOff()}>
          {t('push.off')}
        </button>
      )}
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
