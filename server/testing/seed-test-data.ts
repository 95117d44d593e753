import type { Db } from '../db/database.ts';
import { createAuditTrail } from '../modules/audit/audit.module.ts';
import { LocalitiesRepository } from '../modules/localities/localities.repository.ts';
import { loadProvince } from '../modules/localities/vn-admin-loader.ts';
import { systemActor } from '../shared/actor.ts';

/** Two real provinces (Lai Châu 12, Điện Biên 11) so cross-province scoping is tested too. */
export async function seedTestData(db: Db): Promise<void> {
  const deps = {
    db,
    localities: new LocalitiesRepository(),
    audit: createAuditTrail(),
    actor: systemActor('test-seed'),
  };
  await loadProvince(deps, '12', { demoPopulation: true });
  await loadProvince(deps, '11', { demoPopulation: true });
}
