import { AppError } from '../../../core/errors.ts';
import { screeningRuleProblem } from '../../../core/rules/workplaces/screening-cadence.ts';
import type { ScreeningSettingsRequest, ScreeningSettingsView } from '../../../core/schemas/workplace-screening.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import { organisationsPolicy as policy } from './organisations.policy.ts';
import { organisationRule } from './screening-rule.ts';
import { screeningMessages as messages } from './screening.messages.ts';
import type { ScreeningRepository } from './screening.repository.ts';
import type { ScreeningService } from './screening.service.ts';

/**
 * "Where the organisation's rule says so" (issue 15): each organisation's screening rule, Decision
 * 2787's default until its admin or the commune's officials set its own (audited). The due list and
 * the screening order command follow it; an organisation that does not screen leaves the area list.
 */
export class ScreeningSettingsService {
  constructor(
    private readonly db: Db,
    private readonly screening: ScreeningService,
    private readonly repo: ScreeningRepository,
    private readonly audit: AuditTrailService,
  ) {}

  private async view(db: Db, organisationId: string): Promise<ScreeningSettingsView> {
    const s = (await this.repo.settingsOf(db, [organisationId])).get(organisationId);
    return { ...organisationRule(s), isDefault: !s, updatedAt: s?.updated_at.toISOString() ?? null };
  }

  async get(actor: Actor, organisationId: string): Promise<ScreeningSettingsView> {
    await this.screening.organisationOrThrow(actor, organisationId, policy.readWorkforce, this.db);
    return this.view(this.db, organisationId);
  }

  async update(actor: Actor, organisationId: string, req: ScreeningSettingsRequest): Promise<ScreeningSettingsView> {
    const problem = screeningRuleProblem(req);
    if (problem === 'interval')
      throw new AppError('VALIDATION_FAILED', [
        { path: 'intervalDays', message: messages[actor.locale].intervalRange },
      ]);
    if (problem === 'share')
      throw new AppError('VALIDATION_FAILED', [
        { path: 'highRiskSharePercent', message: messages[actor.locale].shareRange },
      ]);
    return this.db.transaction().execute(async (trx) => {
      const org = await this.screening.organisationOrThrow(actor, organisationId, policy.editScreeningSettings, trx);
      const before = await this.view(trx, organisationId);
      await this.repo.saveSettings(trx, { organisationId, ...req, by: recordedBy(actor) });
      await this.audit.record(trx, actor, {
        action: 'update_screening_settings',
        entityType: 'organisation',
        entityId: organisationId,
        localityCode: org.commune_code,
        localityPath: org.locality_path,
        before: { screens: before.screens, intervalDays: before.intervalDays, share: before.highRiskSharePercent },
        after: { screens: req.screens, intervalDays: req.intervalDays, share: req.highRiskSharePercent },
      });
      return this.view(trx, organisationId);
    });
  }
}
