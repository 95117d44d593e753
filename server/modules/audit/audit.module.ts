import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AuditAlertsRepository } from './audit-alerts.repository.ts';
import { AuditAlertsService, type ReadableLocalities } from './audit-alerts.service.ts';
import { AuditChainRepository } from './audit-chain.repository.ts';
import { AuditChainService, checkpointKeyFrom } from './audit-chain.service.ts';
import { AuditTrailService } from './audit-trail.service.ts';
import { AuditRepository } from './audit.repository.ts';
import { AuditService, type AccountDirectory } from './audit.service.ts';

export type { AuditActor, AuditEntry } from './audit-entry.ts';
export type { AuditTrailService } from './audit-trail.service.ts';
export type { AccountDirectory, AuditService } from './audit.service.ts';

export interface AuditServices {
  audit: AuditService;
  /** The audit log's hash chain: sealing rows into it and signed checkpoints (jobs), and `phongdich audit verify`. */
  auditChain: AuditChainService;
  auditAlerts: AuditAlertsService;
}

/** What every other module records its events with: it comes first, as nearly everything uses it. */
export function createAuditTrail(): AuditTrailService {
  return new AuditTrailService(new AuditRepository());
}

/** The audit log's own views, its hash chain and its alerts. */
export function createAuditModule(o: {
  db: Db;
  config: Config['audit'];
  secrets: { current: string; previous: readonly string[] };
  localities: ReadableLocalities;
  accounts: AccountDirectory;
}): AuditServices {
  const repo = new AuditRepository();
  return {
    audit: new AuditService(o.db, repo, o.localities, o.accounts),
    auditChain: new AuditChainService(o.db, new AuditChainRepository(), [
      checkpointKeyFrom(o.secrets.current),
      ...o.secrets.previous.map(checkpointKeyFrom),
    ]),
    auditAlerts: new AuditAlertsService(o.db, new AuditAlertsRepository(), repo, o.localities, o.config),
  };
}
