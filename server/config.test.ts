import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('PHONGDICH_2FA_ROLES', () => {
  it('makes administrators, the steering committee and CDC use two-factor sign-in by default', () => {
    expect(loadConfig({}).twoFactor.roles).toEqual(['system_admin', 'steering_committee', 'health_department']);
  });

  it('takes a comma-separated list, or nothing', () => {
    expect(loadConfig({ PHONGDICH_2FA_ROLES: 'system_admin, commune_officer' }).twoFactor.roles).toEqual(['system_admin', 'commune_officer']);
    expect(loadConfig({ PHONGDICH_2FA_ROLES: '' }).twoFactor.roles).toEqual([]);
  });

  it('refuses an unknown role at start', () => {
    expect(() => loadConfig({ PHONGDICH_2FA_ROLES: 'system_admin,boss' })).toThrow(/PHONGDICH_2FA_ROLES: unknown roles boss/);
  });
});
