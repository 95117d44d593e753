import { AppError, type Locale } from '../../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import type { CitizenMessages } from '../notifications/notifications.module.ts';
import type { CitizenSessionsService } from '../people/people.module.ts';
import { exposureMessages as messages } from './exposure.messages.ts';

/**
 * The citizen's choice of alerts on a browser (issue 20, "the person chooses in their settings"):
 * subscribing a browser to web push is that choice; withdrawing removes it. Only endpoints of the
 * listed push services are kept, so the server never posts to an address someone picked.
 */
export class AlertSettingsService {
  constructor(
    private readonly db: Db,
    private readonly sessions: CitizenSessionsService,
    private readonly messages: CitizenMessages,
    private readonly pushHosts: readonly string[],
  ) {}

  publicKey(): { publicKey: string | null } {
    return { publicKey: this.messages.pushPublicKey };
  }

  async subscribe(
    token: string | null,
    s: { endpoint: string; keys: { p256dh: string; auth: string } },
    locale: Locale,
  ): Promise<{ subscribed: boolean }> {
    const holder = await this.sessions.holderOrThrow(token, locale);
    if (!this.messages.pushPublicKey) throw new AppError('CONFLICT', [{ path: '', message: messages[locale].pushOff }]);
    if (!this.messages.pushEndpointAllowed(s.endpoint, this.pushHosts))
      throw new AppError('VALIDATION_FAILED', [{ path: 'endpoint', message: messages[locale].pushHost }]);
    await this.db.transaction().execute((trx) =>
      this.messages.saveSubscription(trx, {
        personId: holder.personId,
        endpoint: s.endpoint,
        p256dh: s.keys.p256dh,
        auth: s.keys.auth,
        locale,
      }),
    );
    return { subscribed: true };
  }

  async unsubscribe(token: string | null, endpoint: string, locale: Locale): Promise<{ subscribed: boolean }> {
    const holder = await this.sessions.holderOrThrow(token, locale);
    await this.messages.removeSubscription(this.db, endpoint, holder.personId);
    return { subscribed: false };
  }
}
