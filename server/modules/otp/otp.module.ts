import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { LogMessageSender, WebhookMessageSender, type MessageSender } from './message-sender.ts';
import { OtpRepository } from './otp.repository.ts';
import { OtpService } from './otp.service.ts';

export type { LogMessageSender, MessageSender } from './message-sender.ts';
export type { OtpService } from './otp.service.ts';

export interface OtpServices {
  otp: OtpService;
  /** The development outbox when no SMS gateway is configured (tests read codes from it). */
  outbox: LogMessageSender | null;
  /** The SMS gateway (PHONGDICH_SMS_WEBHOOK_URL), null without one: notifications send SMS through it. */
  smsGateway: MessageSender | null;
}

/** One-time codes live five minutes: their hashes need the current signing secret only. */
export function createOtpModule(o: {
  db: Db;
  config: Pick<Config, 'sms' | 'otp' | 'demo'>;
  secret: string;
  log?: (line: string) => void;
}): OtpServices {
  const outbox = o.config.sms.webhookUrl ? null : new LogMessageSender({ demo: o.config.demo, log: o.log });
  const sender: MessageSender = outbox ?? new WebhookMessageSender(o.config.sms.webhookUrl!);
  return {
    otp: new OtpService(o.db, new OtpRepository(), sender, o.secret, o.config.otp),
    outbox,
    smsGateway: outbox ? null : sender,
  };
}
