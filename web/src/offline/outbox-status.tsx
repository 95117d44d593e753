import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/format.ts';
import { countByState, discard, keepMine, resend, type OutboxItem } from './outbox.ts';
import { useOutbox } from './use-outbox.ts';

function Item({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li data-testid="outbox-item" data-state={item.state}>
      <strong>{item.label}</strong> <span className="muted small">{format.dateTime(item.savedAt)}</span>
      {item.state === 'rejected' && (
        <>
          <div className="field-error" role="alert">
            {t('offline.rejected')} {item.message}
          </div>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void resend(item.key)}>
              {t('offline.sendAgain')}
            </button>
            <button type="button" className="link-button" onClick={() => void discard(item.key)}>
              {t('offline.discard')}
            </button>
          </div>
        </>
      )}
      {item.state === 'conflict' && (
        <>
          <div className="alert alert-warn">{t('offline.conflict')}</div>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              data-testid="outbox-keep-mine"
              onClick={() => void keepMine(item.key)}
            >
              {t('offline.keepMine')}
            </button>
            <button type="button" className="link-button" onClick={() => void discard(item.key)}>
              {t('offline.keepServer')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}

/**
 * What a field page shows of its outbox: whether the phone is offline, how much is waiting to be
 * sent, and, for a person to settle, what the server refused and what was changed meanwhile.
 */
export function OutboxStatus({ group }: { group: string }) {
  const { t } = useTranslation();
  const { items, online, sending, flush } = useOutbox(group);
  const counts = countByState(items);
  const unsettled = items.filter((i) => i.state !== 'waiting');
  if (online && items.length === 0) return null;
  return (
    <section className="outbox-status" aria-live="polite" data-testid="outbox-status">
      {!online && (
        <div className="alert alert-warn" data-testid="offline-banner">
          {t('offline.offline')}
        </div>
      )}
      {counts.waiting > 0 && (
        <p data-testid="outbox-waiting">
          {sending ? t('offline.sending', { count: counts.waiting }) : t('offline.waiting', { count: counts.waiting })}{' '}
          {online && !sending && (
            <button type="button" className="link-button" onClick={flush}>
              {t('offline.sendNow')}
            </button>
          )}
        </p>
      )}
      {unsettled.length > 0 && (
        <ul className="outbox-items">
          {unsettled.map((item) => (
            <Item key={item.key} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Says that a field page shows what was kept on the phone, and from when. */
export function KeptNotice({ keptAt }: { keptAt?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!keptAt) return null;
  return (
    <p className="alert alert-warn" data-testid="kept-notice">
      {t('offline.keptAt', { time: format.dateTime(keptAt) })}
    </p>
  );
}
