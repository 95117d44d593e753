import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { FacilityStaffService } from '../facilities/facilities.module.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { AccountDirectoryRepository } from './account-directory.repository.ts';
import { AccountDirectoryService } from './account-directory.service.ts';
import { AuthService } from './auth.service.ts';
import { IdentityKeys } from './identity-keys.ts';
import { IdentityRepository } from './identity.repository.ts';
import { LoginThrottle } from './login-throttle.ts';
import { LoginThrottleRepository } from './login-throttle.repository.ts';
import { PasswordRules } from './password-rules.ts';
import { SessionsService } from './sessions.service.ts';
import { StaffAccountsService } from './staff-accounts.service.ts';
import { TwoFactorRepository } from './two-factor.repository.ts';
import { TwoFactorService } from './two-factor.service.ts';

export type { AccountDirectoryService } from './account-directory.service.ts';

export interface IdentityServices {
  auth: AuthService;
  /** Accounts, with the facilities a facility staff account serves. */
  users: StaffAccountsService;
  twoFactor: TwoFactorService;
  sessions: SessionsService;
  /** Accounts by name, for the audit log. */
  accountDirectory: AccountDirectoryService;
}

/** Accounts, sign-in, two-factor and sessions. `secret` keys throttling and seals officials' TOTP secrets. */
export function createIdentityModule(o: {
  db: Db;
  config: Config;
  secret: string;
  localities: LocalitiesService;
  audit: AuditTrailService;
  facilityStaff: FacilityStaffService;
}): IdentityServices {
  const { db, config, audit } = o;
  const identity = new IdentityRepository();
  const keys = new IdentityKeys(o.secret);
  const twoFactorRepo = new TwoFactorRepository();
  const passwords = new PasswordRules(twoFactorRepo);
  const twoFactor = new TwoFactorService({
    db,
    identity,
    repo: twoFactorRepo,
    audit,
    keys,
    settings: config.twoFactor,
  });
  const throttle = new LoginThrottle(new LoginThrottleRepository(), keys, config.login);
  return {
    auth: new AuthService({ db, identity, audit, throttle, twoFactor, passwords, settings: config }),
    users: new StaffAccountsService(o.facilityStaff, {
      db,
      identity,
      localities: o.localities,
      audit,
      passwords,
      twoFactor,
    }),
    twoFactor,
    sessions: new SessionsService(db, identity, audit, config),
    accountDirectory: new AccountDirectoryService(new AccountDirectoryRepository()),
  };
}
