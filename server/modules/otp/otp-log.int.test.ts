import { afterEach, describe, expect, it, vi } from 'vitest';
import { phone, requestOtp } from '../../testing/factories.ts';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.ts';

/** Issue 11, hole 8: a server without an SMS gateway logs codes in demo mode only. */
let t: TestPlatform | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await t?.close();
  t = undefined;
});

async function logOfOneCode(demo: boolean) {
  const spy = vi.spyOn(console, 'log').mockImplementation(() => {});
  t = await createTestPlatform({ logLevel: 'info', demo });
  const number = phone();
  const { code } = await requestOtp(t, number);
  return { code, number, log: spy.mock.calls.map((c) => c.join(' ')).join('\n') };
}

describe('one-time codes in the server log', () => {
  it('are not written outside demo mode: the log says a code could not be sent, phone masked', async () => {
    const { code, number, log } = await logOfOneCode(false);
    expect(code).toMatch(/^\d{6}$/);
    expect(log).toContain('could not be sent');
    expect(log).not.toContain(code);
    expect(log).not.toContain(number.slice(1));
  });

  it('go to the console in demo mode', async () => {
    const { code, log } = await logOfOneCode(true);
    expect(log).toContain(code);
  });
});
