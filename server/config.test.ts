import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigurationError, loadConfig } from './config.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phongdich-config-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const keyFile = (name: string, content: string, mode: number) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  fs.chmodSync(file, mode);
  return file;
};
const secretA = 'a'.repeat(22) + 'secret-number-one-xyz';
const secretB = 'b'.repeat(22) + 'secret-number-two-xyz';

describe('signing secrets in the configuration', () => {
  it('reads the secret from a key file its owner alone can read', () => {
    const file = keyFile('own.key', `${secretA}\n`, 0o600);
    expect(loadConfig({ PHONGDICH_SECRET_FILE: file }).secret).toBe(secretA);
    expect(loadConfig({ PHONGDICH_SECRET: secretB }).secret).toBe(secretB);
    expect(loadConfig({}).secret).toBeUndefined();
  });

  it('refuses a key file its group or others can read, saying how to fix it', () => {
    const file = keyFile('shared.key', secretA, 0o644);
    expect(() => loadConfig({ PHONGDICH_SECRET_FILE: file })).toThrow(ConfigurationError);
    expect(() => loadConfig({ PHONGDICH_SECRET_FILE: file })).toThrow(`chmod 600 ${file}`);
    expect(() => loadConfig({ PHONGDICH_SECRET_FILE: path.join(dir, 'missing.key') })).toThrow(
      'npx phongdich secret generate --out',
    );
  });

  it('refuses a short secret, and a secret given twice', () => {
    expect(() => loadConfig({ PHONGDICH_SECRET: 'too-short' })).toThrow(ConfigurationError);
    expect(() => loadConfig({ PHONGDICH_SECRET_FILE: keyFile('short.key', 'too-short', 0o600) })).toThrow(
      'shorter than 32',
    );
    expect(() =>
      loadConfig({ PHONGDICH_SECRET: secretA, PHONGDICH_SECRET_FILE: keyFile('both.key', secretA, 0o600) }),
    ).toThrow('not both');
  });

  it('takes previous secrets comma-separated or from a key file, one per line', () => {
    expect(loadConfig({ PHONGDICH_PREVIOUS_SECRETS: ` ${secretA}, ${secretB} ` }).previousSecrets).toEqual([
      secretA,
      secretB,
    ]);
    const file = keyFile('previous.key', `# rotated in 2027\n${secretA}\n\n${secretB}\n`, 0o400);
    expect(loadConfig({ PHONGDICH_PREVIOUS_SECRETS_FILE: file }).previousSecrets).toEqual([secretA, secretB]);
    expect(loadConfig({}).previousSecrets).toEqual([]);
    expect(() => loadConfig({ PHONGDICH_PREVIOUS_SECRETS: 'short' })).toThrow(ConfigurationError);
    expect(() => loadConfig({ PHONGDICH_PREVIOUS_SECRETS_FILE: keyFile('open.key', secretA, 0o640) })).toThrow(
      'chmod 600',
    );
  });
});

describe('PHONGDICH_2FA_ROLES', () => {
  it('makes administrators, the steering committee and CDC use two-factor sign-in by default', () => {
    expect(loadConfig({}).twoFactor.roles).toEqual(['system_admin', 'steering_committee', 'health_department']);
  });

  it('takes a comma-separated list, or nothing', () => {
    expect(loadConfig({ PHONGDICH_2FA_ROLES: 'system_admin, commune_officer' }).twoFactor.roles).toEqual([
      'system_admin',
      'commune_officer',
    ]);
    expect(loadConfig({ PHONGDICH_2FA_ROLES: '' }).twoFactor.roles).toEqual([]);
  });

  it('refuses an unknown role at start', () => {
    expect(() => loadConfig({ PHONGDICH_2FA_ROLES: 'system_admin,boss' })).toThrow(
      /PHONGDICH_2FA_ROLES: unknown roles boss/,
    );
  });
});

describe('notification delivery settings', () => {
  it('turns e-mail on with an SMTP host and a sender, off without a host', () => {
    expect(loadConfig({}).notifications).toEqual({
      email: undefined,
      retry: { maxAttempts: 6, baseSeconds: 60, capSeconds: 6 * 3600 },
      quietHours: { start: '22:00', end: '06:00' },
    });
    const on = loadConfig({
      PHONGDICH_SMTP_HOST: 'smtp.example.vn',
      PHONGDICH_SMTP_USER: 'phongdich',
      PHONGDICH_SMTP_PASSWORD: 'pw',
      PHONGDICH_SMTP_FROM: 'noreply@example.vn',
      PHONGDICH_QUIET_HOURS: '21:30-07:00',
    }).notifications;
    expect(on.email).toEqual({
      host: 'smtp.example.vn',
      port: 587,
      user: 'phongdich',
      password: 'pw',
      from: 'noreply@example.vn',
    });
    expect(on.quietHours).toEqual({ start: '21:30', end: '07:00' });
  });

  it('refuses a half-configured SMTP server and bad quiet hours', () => {
    expect(() => loadConfig({ PHONGDICH_SMTP_HOST: 'smtp.example.vn' })).toThrow(/PHONGDICH_SMTP_FROM/);
    expect(() => loadConfig({ PHONGDICH_SMTP_FROM: 'noreply@example.vn' })).toThrow(/PHONGDICH_SMTP_HOST/);
    expect(() => loadConfig({ PHONGDICH_QUIET_HOURS: '22-6' })).toThrow(ConfigurationError);
  });
});
