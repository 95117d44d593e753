import fs from 'node:fs/promises';
import path from 'node:path';
import type { Role } from '../../core/roles.ts';
import type { Platform } from '../main.ts';
import { AuditRepository } from '../modules/audit/audit.repository.ts';
import { IdentityRepository } from '../modules/identity/identity.repository.ts';
import { temporaryPassword } from '../modules/identity/passwords.ts';
import { LocalitiesRepository } from '../modules/localities/localities.repository.ts';
import { loadProvince } from '../modules/localities/vn-admin-loader.ts';
import { systemActor } from '../shared/actor.ts';
import { demoFacilityIds, seedDemoOutbreak } from './demo-outbreak.ts';

export const DEMO_PROVINCE = '12'; // Lai Châu: 38 communes
const DEMO_COMMUNE = '03388'; // Phường Đoàn Kết, Lai Châu

export interface DemoAccount { username: string; password: string; role: Role; localityCode: string }

export async function loadProvinceUnits(p: Platform, code: string, demoPopulation: boolean) {
  return loadProvince(
    { db: p.database.db, localities: new LocalitiesRepository(), audit: new AuditRepository(), actor: systemActor('seed') },
    code,
    { demoPopulation },
  );
}

/**
 * Loads the demo province and, when no account exists yet, one account per role with a random
 * password. The passwords are shown once and kept in `<data>/demo-accounts.txt` (owner-only), so
 * a demo install never has a default password either.
 */
export async function seedDemo(p: Platform): Promise<{ accounts: DemoAccount[] | null; accountsFile: string }> {
  await loadProvinceUnits(p, DEMO_PROVINCE, true);
  await seedDemoOutbreak(p);
  const accountsFile = path.join(p.config.dataDir, 'demo-accounts.txt');
  if (await new IdentityRepository().anyUserExists(p.database.db)) return { accounts: null, accountsFile };
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
    const password = temporaryPassword();
    await p.services.users.create(systemActor('seed'), { username, fullName, role, localityCode, password, ...(role === 'facility_staff' ? { facilityIds } : {}) });
    accounts.push({ username, password, role, localityCode });
  }
  await fs.mkdir(p.config.dataDir, { recursive: true });
  await fs.writeFile(accountsFile, formatAccounts(accounts), { mode: 0o600 });
  return { accounts, accountsFile };
}

export function formatAccounts(accounts: DemoAccount[]): string {
  const rows = accounts.map((a) => `  ${a.username.padEnd(14)} ${a.password.padEnd(16)} ${a.role.padEnd(20)} ${a.localityCode}`);
  return ['DEMO accounts (demo mode only):', `  ${'username'.padEnd(14)} ${'password'.padEnd(16)} ${'role'.padEnd(20)} locality`, ...rows, ''].join('\n');
}
