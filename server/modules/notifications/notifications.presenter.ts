import type { Locale } from '../../../core/errors.ts';
import type { InboxMessageView } from '../../../core/schemas/notifications.ts';
import type { InboxRecord } from './notifications.repository.ts';

type Bilingual = { vi: string; en: string };

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
