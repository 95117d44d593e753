import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../modules/identity/totp.ts';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.ts';
import { demoTotpSecret, seedDemo } from './seed.ts';

let t: TestPlatform;
let dataDir: string;
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'phongdich-demo-'));
  t = await createTestPlatform({ dataDir });
});
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('demo accounts', () => {
  it('enrols the roles that must use two-factor sign-in, keeps their secrets in demo-accounts.txt, and prints their codes', async () => {
    const { accounts, accountsFile } = await seedDemo(t.platform);
    const enrolled = accounts!.filter((a) => a.totp).map((a) => a.username);
    expect(enrolled).toEqual(['admin', 'bcd.tinh', 'cdc']);
    const file = await fs.readFile(accountsFile, 'utf8');
    const cdc = accounts!.find((a) => a.username === 'cdc')!;
    expect(file).toContain(cdc.totp!.secret);
    expect(file).toContain(cdc.totp!.uri);
    expect(cdc.totp!.uri).toMatch(/^otpauth:\/\/totp\/phongdich:cdc\?secret=/);

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'cdc', password: cdc.password, code: totpCode(cdc.totp!.secret) },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().restriction).toBeNull();

    // `phongdich demo code` reads the secrets back from the file.
    for (const a of accounts!) expect(demoTotpSecret(file, a.username)).toBe(a.totp?.secret ?? null);
    expect(demoTotpSecret(file, 'someone.else')).toBeNull();
    // Seeds the whole demo: a time limit for a loaded machine, not a measurement.
  }, 120_000);
});
