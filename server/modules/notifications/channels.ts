import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';

/** One message on one channel, ready to go: the address, the words, and its idempotency key. */
export interface Delivery {
  /** `<message id>:<channel>`: the same on every retry, so a gateway may drop a repeat. */
  key: string;
  to: string;
  subject: string;
  text: string;
}

/** A way out of the platform. Throws when the message was not accepted; the error's message is recorded. */
export interface ChannelSender {
  send(d: Delivery): Promise<void>;
}

/** The SMS gateway the one-time codes use (a webhook), given by the composition root. */
export interface SmsGateway {
  send(to: string, text: string, idempotencyKey?: string): Promise<void>;
}

export function smsChannel(gateway: SmsGateway): ChannelSender {
  return { send: (d) => gateway.send(d.to, d.text, d.key) };
}

/**
 * E-mail through an SMTP server (nodemailer). The Message-ID is derived from the message and
 * channel, so a resend after a lost answer is recognisably the same e-mail.
 */
export function emailChannel(c: NonNullable<Config['notifications']['email']>): ChannelSender {
  const transport = nodemailer.createTransport({
    host: c.host,
    port: c.port,
    secure: c.port === 465,
    auth: c.user ? { user: c.user, pass: c.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    send: async (d) => {
      await transport.sendMail({
        from: c.from,
        to: d.to,
        subject: d.subject,
        text: d.text,
        messageId: `<${d.key.replace(':', '.')}@phongdich>`,
      });
    },
  };
}
