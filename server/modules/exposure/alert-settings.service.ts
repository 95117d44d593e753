import { AppError, type Locale } from '../../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import type { CitizenMessages } from '../notifications/notifications.module.ts';
import type { CitizenSessionsService } from '../people/people.module.ts';
import type { PeopleRegistryService } from '../people/people-registry.service.ts';
import { DECLARATION_NOTICE_VERSION } from '../../../core/declaration-codes.ts';
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
    private readonly registry: PeopleRegistryService,
  ) {}

  /**
   * SMS alerts: the person's choice in force, or a new one recorded (given or withdrawn as a consent
   * row of its own, with the address it came from and the language, which the SMS will be in).
   */
  async smsConsent(
    token: string | null,
    req: { sms?: boolean },
    meta: { ip: string; locale: Locale },
  ): Promise<{ sms: boolean; hasPhone: boolean }> {
    const holder = await this.sessions.holderOrThrow(token, meta.locale);
    if (req.sms !== undefined)
      await this.registry.recordConsent(this.db, {
        personId: holder.personId,
        purpose: 'exposure_alerts',
        noticeVersion: DECLARATION_NOTICE_VERSION,
        ip: meta.ip,
        locale: meta.locale,
        withdrawn: !req.sms,
      });
    const person = await this.registry.findById(this.db, holder.personId);
    return { sms: (await this.registry.alertConsent(this.db, holder.personId)) !== null, hasPhone: !!person?.phone };
  }

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
