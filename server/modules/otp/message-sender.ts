/** Where one-time codes go. Pluggable: a log for development and tests, a webhook for an SMS gateway. */
export interface MessageSender {
  /** `idempotencyKey`: the same key is the same message, which a gateway may send once (notifications resend after a timeout). */
  send(to: string, text: string, idempotencyKey?: string): Promise<void>;
}

/**
 * No SMS gateway: codes are kept in memory (tests and the e2e server read them from here). Only in
 * demo mode do they also go to the log; otherwise the log says a code could not be sent, with the
 * phone masked and no code, since a server log is read by more people than a citizen's phone.
 */
export class LogMessageSender implements MessageSender {
  readonly sent: { to: string; text: string }[] = [];
  constructor(private readonly o: { demo: boolean; log?: (line: string) => void }) {}

  async send(to: string, text: string): Promise<void> {
    this.sent.push({ to, text });
    if (this.sent.length > 1000) this.sent.shift();
    const log = this.o.log ?? ((l: string) => console.log(l));
    if (this.o.demo) log(`[otp] to ${to}: ${text}`);
    else log(`[otp] no SMS gateway (PHONGDICH_SMS_WEBHOOK_URL): a code for ${maskPhone(to)} could not be sent`);
  }

  lastCodeFor(to: string): string | null {
    const m = [...this.sent]
      .reverse()
      .find((s) => s.to === to)
      ?.text.match(/\b(\d{6})\b/);
    return m?.[1] ?? null;
  }
}

/** A phone number as a log may show it: the country code and the last three digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const country = phone.startsWith('+') ? `+${digits.slice(0, 2)}` : '';
  const rest = phone.startsWith('+') ? digits.slice(2) : digits;
  return `${country}${'•'.repeat(Math.max(rest.length - 3, 0))}${rest.slice(-3)}`;
}

/**
 * A real SMS gateway behind an HTTP webhook: POST {to, text} as JSON; any 2xx is success. A
 * notification carries an `Idempotency-Key` header (its message and channel), the same on every retry.
 */
export class WebhookMessageSender implements MessageSender {
  constructor(private readonly url: string) {}

  async send(to: string, text: string, idempotencyKey?: string): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify({ to, text }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}
