import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { defaultPoolingPolicy, poolSizeFor } from '../../../core/rules/pooled-testing.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { CampaignsRepository } from './campaigns.repository.ts';

/**
 * An organisation's screening of its workers (Decision 2787, issue 15) as a testing campaign of its
 * commune: the organisations side opens it on the first screening order and keeps its one id; each
 * order names it, and a sample taken for such an order counts in the campaign's coverage.
 */
export class ScreeningCampaignsService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly audit: AuditTrailService,
  ) {}

  /** Opens the organisation's campaign, named after it, in its commune, from `day`; audited. */
  async open(
    db: Db,
    actor: Actor,
    o: { name: string; localityCode: string; localityPath: string; targetPopulation: number; day: string },
  ): Promise<string> {
    const poolSize = poolSizeFor(defaultPoolingPolicy, await this.campaigns.riskLevelOf(db, o.localityCode));
    const targetPopulation = Math.max(1, o.targetPopulation);
    const id = await this.campaigns.insert(db, {
      name: o.name,
      locality_code: o.localityCode,
      locality_path: o.localityPath,
      target_population: targetPopulation,
      starts_on: o.day,
      ends_on: o.day,
      pool_size: poolSize,
    });
    await this.audit.record(db, actor, {
      action: 'create',
      entityType: 'test_campaign',
      entityId: id,
      localityCode: o.localityCode,
      localityPath: o.localityPath,
      after: { name: o.name, targetPopulation, startsOn: o.day, poolSize, workplaceScreening: true },
    });
    return id;
  }

  /** A later order: the campaign runs to its day and targets the organisation's current screened roster. */
  keepUp(db: Db, campaignId: string, o: { day: string; targetPopulation: number }): Promise<void> {
    return this.campaigns.keepUp(db, campaignId, o);
  }
}
