import type { Locale } from '../../../core/errors.ts';
import type { DeliveryView, InboxMessageView } from '../../../core/schemas/notifications.ts';
import type { NotificationStatus } from '../../db/schema-notifications.ts';
import { notificationMessages } from './notifications.messages.ts';
import type { InboxRecord } from './notifications.repository.ts';

export type Bilingual = { vi: string; en: string };

export function toInboxMessageView(m: InboxRecord, locale: Locale): InboxMessageView {
  return {
    id: m.id,
    kind: m.kind,
    title: (m.title as Bilingual)[locale],
    body: (m.body as Bilingual)[locale],
    link: m.link,
    urgent: m.urgent,
    createdAt: m.created_key,
    readAt: m.read_at ? new Date(m.read_at).toISOString() : null,
  };
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function toDeliveryView(d: {
  channel: 'in_app' | 'sms' | 'email';
  status: NotificationStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | string;
  sent_at: Date | string | null;
}): DeliveryView {
  return {
    channel: d.channel === 'email' ? 'email' : 'sms',
    status: d.status,
    attempts: d.attempts,
    lastError: d.last_error,
    nextAttemptAt: d.status === 'pending' ? iso(d.next_attempt_at) : null,
    sentAt: iso(d.sent_at),
  };
}

/**
 * The words of a message on SMS or e-mail. Officials have no language setting outside their
 * browser: an SMS is in Vietnamese (one short text), an e-mail in Vietnamese then English.
 */
export function deliveryText(
  m: { title: Bilingual; body: Bilingual; link: string | null },
  channel: 'sms' | 'email',
  publicUrl: string | undefined,
): { subject: string; text: string } {
  const url = m.link && publicUrl ? new URL(m.link, publicUrl).toString() : null;
  if (channel === 'sms') return { subject: m.title.vi, text: `${m.title.vi}: ${m.body.vi}${url ? ` ${url}` : ''}` };
  const part = (l: Locale) =>
    [m.title[l], '', m.body[l], ...(url ? ['', `${notificationMessages[l].openLink}: ${url}`] : [])].join('\n');
  return { subject: m.title.vi, text: `${part('vi')}\n\n---\n\n${part('en')}\n` };
}
