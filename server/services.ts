import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { AuditRepository } from './modules/audit/audit.repository.ts';
import { AuditService } from './modules/audit/audit.service.ts';
import { AuthService } from './modules/identity/auth.service.ts';
import { IdentityRepository } from './modules/identity/identity.repository.ts';
import { UsersService } from './modules/identity/users.service.ts';
import { LocalitiesRepository } from './modules/localities/localities.repository.ts';
import { LocalitiesService } from './modules/localities/localities.service.ts';

/** Every service of the platform, wired once. Modules receive only the repositories they use. */
export interface AppServices {
  db: Db;
  databaseKind: 'pglite' | 'postgresql';
  auth: AuthService;
  users: UsersService;
  localities: LocalitiesService;
  audit: AuditService;
}

export function createServices(db: Db, databaseKind: AppServices['databaseKind'], config: Pick<Config, 'session' | 'login'>): AppServices {
  const auditRepo = new AuditRepository();
  const identityRepo = new IdentityRepository();
  const localitiesRepo = new LocalitiesRepository();
  const localities = new LocalitiesService(db, localitiesRepo, auditRepo);
  return {
    db,
    databaseKind,
    auth: new AuthService(db, identityRepo, auditRepo, config),
    users: new UsersService(db, identityRepo, localities, auditRepo),
    localities,
    audit: new AuditService(db, auditRepo),
  };
}
