import type { Locale } from '../../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import type { CitizenMessages, PushAlert } from '../notifications/notifications.module.ts';
import type { PeopleRegistryService } from '../people/people-registry.service.ts';

/** A contact an investigator confirmed (tracing tells this in the confirming transaction). */
export interface ConfirmedContact {
  contactId: string;
  personId: string;
  level: number;
}

/**
 * What the SMS says. Decided: the person's level and what to do, a link to declare; never the case,
 * the place, the time of the exposure or the disease (the SMS may be read by someone else holding
 * the phone; the commune's call gives the rest). Kept under two SMS segments with diacritics.
 */
export function contactAlertText(level: number, locale: Locale, publicUrl: string | undefined): string {
  const link = publicUrl ? `${publicUrl.replace(/\/$/, '')}/c/khai-bao` : null;
  if (locale === 'en') {
    const who = level === 1 ? 'F1 (close contact of an infected person)' : `F${level} (contact of an F${level - 1})`;
    return `PhongDich: you are identified as ${who}. Stay home, watch your health; the commune health station will call you. ${link ? `Declare: ${link}` : 'Please declare your health in the app.'}`;
  }
  const who = level === 1 ? 'F1 (tiếp xúc gần người nhiễm)' : `F${level} (tiếp xúc với F${level - 1})`;
  return `PhongDich: bạn được xác định là ${who}. Hãy ở nhà, theo dõi sức khỏe; trạm y tế xã sẽ liên hệ. ${link ? `Khai báo y tế: ${link}` : 'Hãy khai báo y tế trên ứng dụng.'}`;
}

/** The push notification: the same words as the SMS, and a tap opens the declaration. */
export function contactAlertPush(level: number, locale: Locale): PushAlert {
  return {
    title: locale === 'en' ? `PhongDich: you are F${level}` : `PhongDich: bạn là F${level}`,
    body: contactAlertText(level, locale, undefined).replace(/^PhongDich: /, ''),
    url: '/c/khai-bao',
  };
}

/**
 * SMS and push alerts to confirmed close contacts (issue 20), only to a person who agreed (a consent with
 * purpose `exposure_alerts`, given with a declaration), in the language they agreed in. One SMS per
 * contact row, that is per person and case (the exposure event): a second confirmation of the same
 * contact, or a retried transaction, sends nothing more.
 */
export class ContactAlerts {
  constructor(
    private readonly registry: PeopleRegistryService,
    private readonly messages: CitizenMessages,
    private readonly publicUrl: string | undefined,
  ) {}

  /**
   * In the confirming transaction: the alerts exist exactly when the confirmation commits. A push
   * goes to the browsers the person chose in their settings (choosing one is their consent to push);
   * an SMS needs the consent given with a declaration and a phone.
   */
  async confirmed(db: Db, c: ConfirmedContact): Promise<boolean> {
    const [pushed, texted] = [await this.pushed(db, c), await this.texted(db, c)];
    return pushed || texted;
  }

  private async pushed(db: Db, c: ConfirmedContact): Promise<boolean> {
    const [locale] = await this.messages.pushLocalesOf(db, c.personId);
    if (!locale) return false;
    return this.messages.sendPush(db, {
      personId: c.personId,
      kind: 'contact_alert',
      alert: contactAlertPush(c.level, locale),
      key: `contact_alert:${c.contactId}:push`,
    });
  }

  private async texted(db: Db, c: ConfirmedContact): Promise<boolean> {
    const consent = await this.registry.alertConsent(db, c.personId);
    if (!consent) return false;
    const person = await this.registry.findById(db, c.personId);
    if (!person?.phone) return false;
    return this.messages.send(db, {
      personId: c.personId,
      kind: 'contact_alert',
      phone: person.phone,
      body: contactAlertText(c.level, consent.locale, this.publicUrl),
      key: `contact_alert:${c.contactId}`,
    });
  }
}
