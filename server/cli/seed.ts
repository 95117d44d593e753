import fs from 'node:fs/promises';
import path from 'node:path';
import type { Role } from '../../core/roles.ts';
import type { Platform } from '../main.ts';
import { createAuditTrail } from '../modules/audit/audit.module.ts';
import { IdentityRepository } from '../modules/identity/identity.repository.ts';
import { temporaryPassword } from '../modules/identity/passwords.ts';
import { newTotpSecret, totpUri } from '../modules/identity/totp.ts';
import { LocalitiesRepository } from '../modules/localities/localities.repository.ts';
import { loadProvince } from '../modules/localities/vn-admin-loader.ts';
import { systemActor } from '../shared/actor.ts';
import { demoFacilityIds, seedDemoOutbreak } from './demo-outbreak.ts';
import { seedDemoDirective } from './demo-directives.ts';
import { seedDemoReports } from './demo-reports.ts';
import { seedDemoPlans } from './demo-plans.ts';
import { seedDemoResources } from './demo-resources.ts';
import { seedDemoBorder } from './demo-border.ts';
import { adoptDemoMarketBoard } from './demo-workplaces.ts';
import { seedDemoInspections } from './demo-inspections.ts';

export const DEMO_PROVINCE = '12'; // Lai Châu: 38 communes
const DEMO_COMMUNE = '03388'; // Phường Đoàn Kết, Lai Châu

/** The demo accounts that report for a unit (fictitious phones, in the 09x range of the demo data). */
const demoReportingUnits: Record<string, { code: string; phone: string }> = {
  'bcd.tinh': { code: `${DEMO_PROVINCE}-UBND`, phone: '0912000001' },
  cdc: { code: `${DEMO_PROVINCE}-CDC`, phone: '0912000002' },
  'xa.doanket': { code: DEMO_COMMUNE, phone: '0912000003' },
};

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  localityCode: string;
  /** Roles that must use two-factor sign-in are enrolled: base32 secret and otpauth:// URI to add to an app. */
  totp?: { secret: string; uri: string };
}

export async function loadProvinceUnits(p: Platform, code: string, demoPopulation: boolean) {
  return loadProvince(
    {
      db: p.database.db,
      localities: new LocalitiesRepository(),
      audit: createAuditTrail(),
      actor: systemActor('seed'),
    },
    code,
    { demoPopulation },
  );
}

/**
 * Loads the demo province and, when no account exists yet, one account per role with a random
 * password; accounts of the roles that must use two-factor sign-in are enrolled with a random TOTP
 * secret. Passwords and secrets are shown once and kept in `<data>/demo-accounts.txt`
 * (owner-only), so a demo install never has a default password either; `phongdich demo code
 * <username>` prints a demo account's current code.
 */
export async function seedDemo(p: Platform): Promise<{ accounts: DemoAccount[] | null; accountsFile: string }> {
  await loadProvinceUnits(p, DEMO_PROVINCE, true);
  await seedDemoOutbreak(p);
  await p.services.units.ensureProvinceUnits(systemActor('seed'), DEMO_PROVINCE);
  await seedDemoDirective(p, DEMO_PROVINCE);
  await seedDemoReports(p, DEMO_PROVINCE);
  await seedDemoPlans(p);
  await seedDemoResources(p, DEMO_PROVINCE);
  await seedDemoBorder(p);
  const accountsFile = path.join(p.config.dataDir, 'demo-accounts.txt');
  if (await new IdentityRepository().anyUserExists(p.database.db)) {
    // The inspection is led by a demo account: seeded after them, answered again by its client keys.
    await seedDemoInspections(p, DEMO_PROVINCE);
    return { accounts: null, accountsFile };
  }
  const plan: [string, string, Role, string][] = [
    ['admin', 'Quản trị hệ thống', 'system_admin', DEMO_PROVINCE],
    ['bcd.tinh', 'Ban Chỉ đạo tỉnh', 'steering_committee', DEMO_PROVINCE],
    ['cdc', 'CDC Lai Châu', 'health_department', DEMO_PROVINCE],
    ['xa.doanket', 'Cán bộ phường Đoàn Kết', 'commune_officer', DEMO_COMMUNE],
    ['cosocachly', 'Nhân viên cơ sở cách ly', 'facility_staff', DEMO_PROVINCE],
    ['doanhnghiep', 'Quản trị doanh nghiệp', 'organisation_admin', DEMO_COMMUNE],
    ['thanhtra', 'Thanh tra', 'inspector', DEMO_PROVINCE],
  ];
  const accounts: DemoAccount[] = [];
  // The facility staff account serves the demo hotel and hospital only, not every stay of the province.
  const facilityIds = await demoFacilityIds(p);
  for (const [username, fullName, role, localityCode] of plan) {
    const password = temporaryPassword(username);
    const { user } = await p.services.users.create(systemActor('seed'), {
      username,
      fullName,
      role,
      localityCode,
      password,
      ...(role === 'facility_staff' ? { facilityIds } : {}),
    });
    if (role === 'organisation_admin') await adoptDemoMarketBoard(p, user.id);
    const account: DemoAccount = { username, password, role, localityCode };
    if (p.config.twoFactor.roles.includes(role)) {
      const secret = newTotpSecret();
      await p.services.twoFactor.enrolKnownSecret(systemActor('seed'), user.id, secret);
      account.totp = { secret, uri: totpUri({ issuer: p.config.twoFactor.issuer, account: username, secret }) };
    }
    accounts.push(account);
    const unit = demoReportingUnits[username];
    if (unit) await p.services.units.addOfficer(systemActor('seed'), unit.code, user.id, unit.phone);
  }
  await seedDemoInspections(p, DEMO_PROVINCE);
  await fs.mkdir(p.config.dataDir, { recursive: true });
  await fs.writeFile(accountsFile, formatAccounts(accounts), { mode: 0o600 });
  return { accounts, accountsFile };
}

/**
 * The TOTP secret of a demo account as written in demo-accounts.txt (`phongdich demo code` reads
 * the file, so it never opens the embedded database a running server holds); null when none.
 */
export function demoTotpSecret(accountsText: string, username: string): string | null {
  for (const line of accountsText.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length === 5 && cols[0] === username && /^[A-Z2-7]{16,}$/.test(cols[4]!)) return cols[4]!;
  }
  return null;
}

export function formatAccounts(accounts: DemoAccount[]): string {
  const rows = accounts.map(
    (a) =>
      `  ${a.username.padEnd(14)} ${a.password.padEnd(16)} ${a.role.padEnd(20)} ${a.localityCode.padEnd(8)} ${a.totp?.secret ?? ''}`,
  );
  const uris = accounts.filter((a) => a.totp).map((a) => `  ${a.username.padEnd(14)} ${a.totp!.uri}`);
  return [
    'DEMO accounts (demo mode only):',
    `  ${'username'.padEnd(14)} ${'password'.padEnd(16)} ${'role'.padEnd(20)} ${'locality'.padEnd(8)} TOTP secret (two-factor sign-in)`,
    ...rows,
    '',
    'Add a TOTP secret to an authenticator app (or open its otpauth:// address), or print the current code',
    'with `npx phongdich demo code <username>`:',
    ...uris,
    '',
  ].join('\n');
}
