import type { Locale } from '../../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import type { CitizenMessages, PushAlert } from '../notifications/notifications.module.ts';
import type { PeopleRegistryService } from '../people/people-registry.service.ts';
import type { ProposedContact } from '../tracing/tracing.module.ts';

/** A contact an investigator confirmed (tracing tells this in the confirming transaction). */
export interface ConfirmedContact {
  contactId: string;
  personId: string;
  level: number;
}

/** Who of the people concerned can be reached, and in which language: by push, by SMS (with a phone). */
interface Reach {
  push: Map<string, 'vi' | 'en'>;
  sms: Map<string, { locale: 'vi' | 'en'; phone: string | null }>;
}

/** Confirmed by an investigator, or proposed by the tracing engine above the alert threshold. */
type AlertKind = 'confirmed' | 'proposed';

/** The message kind (and the start of its once-only key) of each alert kind. */
const messageKind = { confirmed: 'contact_alert', proposed: 'contact_proposal' } as const satisfies Record<
  AlertKind,
  string
>;

/**
 * What the SMS says. Decided: the person's level (or, proposed, that they may have been in contact)
 * and what to do, a link to declare; never the case, the place, the time of the exposure or the
 * disease (the SMS may be read by someone else holding the phone; the commune's call gives the
 * rest). Kept under two SMS segments with diacritics.
 */
export function contactAlertText(
  level: number,
  locale: Locale,
  publicUrl: string | undefined,
  kind: AlertKind = 'confirmed',
): string {
  const link = publicUrl ? `${publicUrl.replace(/\/$/, '')}/c/khai-bao` : null;
  if (locale === 'en') {
    const who = level === 1 ? 'F1 (close contact of an infected person)' : `F${level} (contact of an F${level - 1})`;
    const what =
      kind === 'proposed'
        ? 'you may have been in close contact with an infected person'
        : `you are identified as ${who}`;
    return `PhongDich: ${what}. Stay home, watch your health; the commune health station will call you. ${link ? `Declare: ${link}` : 'Please declare your health in the app.'}`;
  }
  const who = level === 1 ? 'F1 (tiếp xúc gần người nhiễm)' : `F${level} (tiếp xúc với F${level - 1})`;
  const what = kind === 'proposed' ? 'bạn có thể đã tiếp xúc gần người nhiễm' : `bạn được xác định là ${who}`;
  return `PhongDich: ${what}. Hãy ở nhà, theo dõi sức khỏe; trạm y tế xã sẽ liên hệ. ${link ? `Khai báo y tế: ${link}` : 'Hãy khai báo y tế trên ứng dụng.'}`;
}

/** The push notification: the same words as the SMS, and a tap opens the declaration. */
export function contactAlertPush(level: number, locale: Locale, kind: AlertKind = 'confirmed'): PushAlert {
  const title =
    kind === 'proposed'
      ? locale === 'en'
        ? 'PhongDich: possible contact'
        : 'PhongDich: có thể đã tiếp xúc'
      : locale === 'en'
        ? `PhongDich: you are F${level}`
        : `PhongDich: bạn là F${level}`;
  return {
    title,
    body: contactAlertText(level, locale, undefined, kind).replace(/^PhongDich: /, ''),
    url: '/c/khai-bao',
  };
}

/**
 * SMS and push alerts to close contacts (issue 20), only to a person who agreed, in the language
 * they agreed in: when an investigator confirms them, and, before that, when the tracing engine
 * proposes them with at least `proposalMinutes` together with the case (a household member at
 * once). One alert of each kind per contact row, that is per person and case (the exposure event):
 * a second confirmation, a re-run of tracing or a retried transaction sends nothing more.
 */
export class ContactAlerts {
  constructor(
    private readonly registry: PeopleRegistryService,
    private readonly messages: CitizenMessages,
    private readonly publicUrl: string | undefined,
    private readonly proposalMinutes: number,
  ) {}

  /**
   * In the confirming transaction: the alerts exist exactly when the confirmation commits. A push
   * goes to the browsers the person chose in their settings (choosing one is their consent to push);
   * an SMS needs the consent given with a declaration and a phone.
   */
  async confirmed(db: Db, c: ConfirmedContact): Promise<boolean> {
    return this.alert(db, c, 'confirmed');
  }

  /**
   * In the tracing run's transaction: the proposals at or above the threshold; answers how many
   * were alerted. Who can be reached is asked once for all of them (a market case proposes
   * thousands); only the reachable cost a write each.
   */
  async proposed(db: Db, contacts: readonly ProposedContact[]): Promise<number> {
    if (this.proposalMinutes === 0) return 0;
    const above = contacts.filter((c) => c.household || c.minutes >= this.proposalMinutes);
    if (above.length === 0) return 0;
    const reach = await this.reachOf(db, [...new Set(above.map((c) => c.personId))]);
    let alerted = 0;
    for (const c of above) if (await this.alert(db, c, 'proposed', reach)) alerted++;
    return alerted;
  }

  private async reachOf(db: Db, personIds: readonly string[]): Promise<Reach> {
    const [push, sms] = [
      await this.messages.pushLocalesOfMany(db, personIds),
      await this.registry.alertConsents(db, personIds),
    ];
    return { push, sms };
  }

  private async alert(db: Db, c: ConfirmedContact, kind: AlertKind, known?: Reach): Promise<boolean> {
    const reach = known ?? (await this.reachOf(db, [c.personId]));
    const [pushed, texted] = [await this.pushed(db, c, kind, reach), await this.texted(db, c, kind, reach)];
    return pushed || texted;
  }

  private async pushed(db: Db, c: ConfirmedContact, kind: AlertKind, reach: Reach): Promise<boolean> {
    const locale = reach.push.get(c.personId);
    if (!locale) return false;
    return this.messages.sendPush(db, {
      personId: c.personId,
      kind: messageKind[kind],
      alert: contactAlertPush(c.level, locale, kind),
      key: `${messageKind[kind]}:${c.contactId}:push`,
    });
  }

  private async texted(db: Db, c: ConfirmedContact, kind: AlertKind, reach: Reach): Promise<boolean> {
    const consent = reach.sms.get(c.personId);
    if (!consent?.phone) return false;
    return this.messages.send(db, {
      personId: c.personId,
      kind: messageKind[kind],
      phone: consent.phone,
      body: contactAlertText(c.level, consent.locale, this.publicUrl, kind),
      key: `${messageKind[kind]}:${c.contactId}`,
    });
  }
}
