import { useCallback, useEffect, useState } from 'react';
import { flushOutbox, isSending, listOutbox, onOutboxChange, startOutbox, type OutboxItem } from './outbox.ts';
import { onOwnerChange } from './field-owner.ts';

export interface OutboxView {
  items: OutboxItem[];
  online: boolean;
  sending: boolean;
  flush(): void;
}

/** The outbox of this account (one group, or all), kept current as requests are stored and sent. */
export function useOutbox(group?: string): OutboxView {
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine !== false);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    startOutbox();
    let live = true;
    const refresh = () => {
      setSending(isSending());
      void listOutbox(group).then((list) => live && setItems(list));
    };
    const network = () => setOnline(navigator.onLine !== false);
    refresh();
    const stopOutbox = onOutboxChange(refresh);
    const stopOwner = onOwnerChange(refresh);
    window.addEventListener('online', network);
    window.addEventListener('offline', network);
    return () => {
      live = false;
      stopOutbox();
      stopOwner();
      window.removeEventListener('online', network);
      window.removeEventListener('offline', network);
    };
  }, [group]);

  const flush = useCallback(() => void flushOutbox(), []);
  return { items, online, sending, flush };
}
