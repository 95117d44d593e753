import { describe, expect, it } from 'vitest';
import { LogMessageSender, maskPhone } from './message-sender.ts';

describe('one-time codes without an SMS gateway', () => {
  const text = 'Ma xac thuc phongdich: 482913. Het han sau 5 phut.';

  it('never writes the code or the phone number to the log outside demo mode, but keeps it for tests', async () => {
    const lines: string[] = [];
    const sender = new LogMessageSender({ demo: false, log: (l) => lines.push(l) });
    await sender.send('+84912345678', text);
    expect(lines).toEqual([
      '[otp] no SMS gateway (PHONGDICH_SMS_WEBHOOK_URL): a code for +84••••••678 could not be sent',
    ]);
    expect(lines.join()).not.toContain('482913');
    expect(lines.join()).not.toContain('912345678');
    expect(sender.lastCodeFor('+84912345678')).toBe('482913');
  });

  it('prints the code in demo mode, where nobody has a gateway', async () => {
    const lines: string[] = [];
    await new LogMessageSender({ demo: true, log: (l) => lines.push(l) }).send('+84912345678', text);
    expect(lines).toEqual([`[otp] to +84912345678: ${text}`]);
  });

  it('masks a phone to its country code and last three digits', () => {
    expect(maskPhone('+84912345678')).toBe('+84••••••678');
    expect(maskPhone('0912345678')).toBe('•••••••678');
  });
});
