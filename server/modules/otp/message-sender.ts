/** Where one-time codes go. Pluggable: a log for development and tests, a webhook for an SMS gateway. */
export interface MessageSender {
  send(to: string, text: string): Promise<void>;
}

/** Development: the code is written to the server log (and kept for tests to read). */
export class LogMessageSender implements MessageSender {
  readonly sent: { to: string; text: string }[] = [];
  constructor(private readonly log: (line: string) => void = (l) => console.log(l)) {}

  async send(to: string, text: string): Promise<void> {
    this.sent.push({ to, text });
    if (this.sent.length > 1000) this.sent.shift();
    this.log(`[otp] to ${to}: ${text}`);
  }

  lastCodeFor(to: string): string | null {
    const m = [...this.sent].reverse().find((s) => s.to === to)?.text.match(/\b(\d{6})\b/);
    return m?.[1] ?? null;
  }
}

/** A real SMS gateway behind an HTTP webhook: POST {to, text} as JSON; any 2xx is success. */
export class WebhookMessageSender implements MessageSender {
  constructor(private readonly url: string) {}

  async send(to: string, text: string): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to, text }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}
