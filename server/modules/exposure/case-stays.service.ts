import { AppError } from '../../../core/errors.ts';
import { stayInterval } from '../../../core/rules/exposure.ts';
import type { CaseStayView, MarkTransmissionRiskRequest } from '../../../core/schemas/exposure.ts';
import { DAY_MS } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { CasesService } from '../cases/cases.module.ts';
import type { CheckinsService } from '../checkins/checkins.service.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.service.ts';
import { exposureMessages as messages } from './exposure.messages.ts';
import { exposurePolicy } from './exposure.policy.ts';
import type { ExposureRepository } from './exposure.repository.ts';
import type { ExposureService } from './exposure.service.ts';

/**
 * A case's own stays at venues, for the investigator (issue 20): which of them the feed carries
 * (published at registration inside the infectious window), and marking another one as a
 * transmission risk (a stay before the computed window, a venue the interview points at), which
 * publishes it through the same path as a registered case's stays. The list is one person's
 * check-ins over the retention period (21 days): bounded, so answered whole rather than paged.
 */
export class CaseStaysService {
  constructor(
    private readonly db: Db,
    private readonly repo: ExposureRepository,
    private readonly cases: CasesService,
    private readonly checkins: CheckinsService,
    private readonly profiles: DiseaseProfilesService,
    private readonly exposure: ExposureService,
    private readonly audit: AuditTrailService,
    private readonly retentionDays: number,
  ) {}

  private async caseOrThrow(db: Db, actor: Actor, caseId: string) {
    const c = await this.cases.findReadableOrThrow(db, actor, caseId);
    if (!exposurePolicy.handle(actor, c)) throw new AppError('FORBIDDEN');
    return c;
  }

  async list(actor: Actor, caseId: string, now = new Date()): Promise<{ items: CaseStayView[] }> {
    const c = await this.caseOrThrow(this.db, actor, caseId);
    if (!c.person_id) return { items: [] };
    const profile = await this.profiles.getOrThrow(this.db, c.profile_code);
    const stays = await this.checkins.staysWithKeys(
      this.db,
      c.person_id,
      new Date(now.getTime() - this.retentionDays * DAY_MS),
      now,
    );
    const entries = await this.repo.caseEntries(this.db, c.id);
    const items = stays
      .map((s) => {
        const i = stayInterval({ checkedInAt: s.checked_in_at, checkedOutAt: s.checked_out_at }, profile);
        return {
          venueId: s.venue_id,
          venueName: s.venue_name,
          checkedInAt: s.checked_in_at.toISOString(),
          checkedOutAt: s.checked_out_at?.toISOString() ?? null,
          published: entries.some((e) => e.venue_id === s.venue_id && e.from_at < i.to && e.to_at > i.from),
        };
      })
      .reverse();
    // The case's movements are personal data: who looked at them is logged.
    await this.audit.record(this.db, actor, {
      action: 'read',
      entityType: 'case',
      entityId: c.id,
      localityPath: c.locality_path,
      subjectIds: [c.person_id],
      after: { exposureStays: items.length },
    });
    return { items };
  }

  /** Publishes the whole stay (the profile's assumed stay without a check-out), never who was there. */
  async mark(actor: Actor, caseId: string, req: MarkTransmissionRiskRequest): Promise<{ published: number }> {
    return this.db.transaction().execute(async (trx) => {
      const c = await this.caseOrThrow(trx, actor, caseId);
      const at = new Date(req.checkedInAt);
      const stay = c.person_id
        ? (await this.checkins.staysWithKeys(trx, c.person_id, at, new Date(at.getTime() + 1))).find(
            (s) => s.venue_id === req.venueId,
          )
        : undefined;
      if (!stay)
        throw new AppError('VALIDATION_FAILED', [{ path: 'checkedInAt', message: messages[actor.locale].noSuchStay }]);
      const published = await this.exposure.publishStays(trx, { caseId: c.id, profileCode: c.profile_code }, [stay]);
      await this.audit.record(trx, actor, {
        action: 'mark_transmission_risk',
        entityType: 'case',
        entityId: c.id,
        localityPath: c.locality_path,
        after: { venueId: stay.venue_id, checkedInAt: stay.checked_in_at.toISOString(), published },
      });
      return { published };
    });
  }
}
