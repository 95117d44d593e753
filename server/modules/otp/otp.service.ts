import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { AppError, type Locale } from '../../../core/errors.ts';
import { normaliseVietnamesePhone } from '../../../core/rules/identity-documents.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { MessageSender } from './message-sender.ts';
import type { OtpRepository } from './otp.repository.ts';

/**
 * What a code may be used for, each purpose its own: a code sent to open a session does not
 * download a person's data. `session` opens a citizen session on a phone without one; `my_data`
 * is the fresh proof a bulk copy of a person's data takes.
 */
export type OtpPurpose = 'declaration' | 'erase' | 'venue' | 'organisation' | 'session' | 'my_data' | 'tipoff';

const text: Record<Locale, (code: string) => string> = {
  vi: (code) => `Ma xac thuc phongdich: ${code}. Het han sau 5 phut. Khong chia se ma nay.`,
  en: (code) => `phongdich verification code: ${code}. Expires in 5 minutes. Do not share it.`,
};

/** One-time codes proving a citizen holds a phone. Codes are stored only as keyed hashes. */
export class OtpService {
  constructor(
    private readonly db: Db,
    private readonly otp: OtpRepository,
    private readonly sender: MessageSender,
    private readonly secret: string,
    private readonly settings: Config['otp'],
  ) {}

  async request(phoneRaw: string, purpose: OtpPurpose, locale: Locale) {
    const phone = requirePhone(phoneRaw, locale, 'phone');
    const recent = await this.otp.countRecent(this.db, phone, new Date(Date.now() - 10 * 60_000));
    if (recent >= this.settings.maxPerPhonePer10Minutes) throw new AppError('RATE_LIMITED');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(Date.now() + this.settings.ttlMinutes * 60_000);
    const challengeId = randomUUID();
    await this.otp.insert(this.db, {
      id: challengeId,
      phone,
      codeHash: this.hash(challengeId, code),
      purpose,
      expiresAt,
    });
    await this.sender.send(phone, text[locale](code));
    return { challengeId, expiresAt: expiresAt.toISOString(), resendAfterSeconds: 60 };
  }

  /**
   * Checks a code for `phone` and consumes it (one use). Wrong, expired, used or foreign codes all
   * answer the same field error; the sixth try fails even with the right code.
   */
  async verify(
    db: Db,
    answer: { challengeId: string; code: string },
    phoneRaw: string,
    purpose: OtpPurpose,
    locale: Locale,
  ): Promise<string> {
    const phone = requirePhone(phoneRaw, locale, 'phone');
    const c = await this.otp.takeAttempt(db, answer.challengeId);
    const good =
      c !== undefined &&
      c.phone === phone &&
      c.purpose === purpose &&
      c.consumed_at === null &&
      c.expires_at > new Date() &&
      c.attempts < this.settings.maxAttempts &&
      safeEqual(c.code_hash, this.hash(c.id, answer.code));
    if (!good || !(await this.otp.consume(db, c.id))) throw wrongCodeError(locale);
    return phone;
  }

  /**
   * True when this exact answer (challenge and code) was already accepted for `phone`: a resend of
   * a submission whose first copy used the code proves it is the same submission, not a stranger
   * replaying its key. Counts as an attempt, like a verification.
   */
  async wasAnsweredBy(
    db: Db,
    answer: { challengeId: string; code: string },
    phoneRaw: string,
    purpose: OtpPurpose,
  ): Promise<boolean> {
    const phone = normaliseVietnamesePhone(phoneRaw);
    const c = await this.otp.takeAttempt(db, answer.challengeId);
    return (
      c !== undefined &&
      phone !== null &&
      c.phone === phone &&
      c.purpose === purpose &&
      c.consumed_at !== null &&
      c.attempts < this.settings.maxAttempts + resendsAllowed &&
      safeEqual(c.code_hash, this.hash(c.id, answer.code))
    );
  }

  purgeBefore(before: Date): Promise<number> {
    return this.otp.purgeOlderThan(this.db, before);
  }

  private hash(challengeId: string, code: string): string {
    return createHmac('sha256', this.secret).update(`otp:${challengeId}:${code}`).digest('base64url');
  }
}

/** Resends of one submission a flaky phone may make after its code was used (each counts as an attempt). */
const resendsAllowed = 5;

const wrongCode: Record<Locale, string> = {
  vi: 'Mã OTP không đúng hoặc đã hết hạn',
  en: 'The code is wrong or has expired',
};
const badPhone: Record<Locale, string> = {
  vi: 'Số điện thoại di động Việt Nam không hợp lệ',
  en: 'Not a valid Vietnamese mobile number',
};

export function wrongCodeError(locale: Locale): AppError {
  return new AppError('VALIDATION_FAILED', [{ path: 'otp.code', message: wrongCode[locale] }]);
}

export function requirePhone(raw: string, locale: Locale, path: string): string {
  const phone = normaliseVietnamesePhone(raw);
  if (!phone) throw new AppError('VALIDATION_FAILED', [{ path, message: badPhone[locale] }]);
  return phone;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
