import type { OrderScreeningResult } from '../../core/schemas/workplace-screening.ts';
import { vietnamToday } from '../../core/vietnam-calendar.ts';
import type { Db } from '../db/database.ts';
import type { ScreeningService } from '../modules/organisations/organisations.module.ts';
import type { ScreeningCampaignsService, TestingService } from '../modules/testing/testing.module.ts';
import type { Actor } from '../shared/actor.ts';

/** The services the command uses; `AppServices` has them all, so the route passes it as it is. */
export interface OrderWorkplaceScreeningDeps {
  db: Db;
  workplaceScreening: ScreeningService;
  testing: TestingService;
  screeningCampaigns: ScreeningCampaignsService;
}

/**
 * One click on an organisation's screening-due list (Decision 2787) becomes test orders in the
 * testing module, in one transaction: the organisation's side says who is due today and who is on
 * file, the testing module orders a rapid antigen test for each (reason `campaign`, due today, in
 * the person's commune, or the organisation's when the person has none), and the organisation's
 * side records the click and which order is whose, which is what moves each worker's next due date.
 * A resend (same client key) answers the first click; a second click the same day orders only the
 * workers the first did not. Workers whose document is not on file are counted, not ordered.
 */
export async function orderWorkplaceScreening(
  d: OrderWorkplaceScreeningDeps,
  actor: Actor,
  organisationId: string,
  req: { clientKey: string },
  now = new Date(),
): Promise<OrderScreeningResult> {
  return d.db.transaction().execute(async (trx) => {
    const org = await d.workplaceScreening.orderable(trx, actor, organisationId);
    const earlier = await d.workplaceScreening.earlierBatch(trx, actor, organisationId, req.clientKey);
    if (earlier) return earlier;
    const day = vietnamToday(now);
    const { rows } = await d.workplaceScreening.dueWorkers(trx, organisationId, day);
    const already = await d.workplaceScreening.orderedOn(trx, organisationId, day);
    const toOrder = rows.filter((r) => r.personId !== null && !already.has(r.workerId));
    const campaignId = toOrder.length ? await screeningCampaign(d, trx, actor, org, day) : null;
    const ids = await d.testing.orderTests(
      trx,
      toOrder.map((r) => ({
        personId: r.personId!,
        reason: 'campaign' as const,
        testKind: 'rapid_antigen' as const,
        dueOn: day,
        localityPath: r.personPath ?? org.locality_path,
        campaignId,
      })),
    );
    const result = { day, ordered: toOrder.length, notOnFile: rows.filter((r) => !r.onFile).length };
    const recorded = await d.workplaceScreening.recordBatch(trx, actor, org, {
      clientKey: req.clientKey,
      day,
      orders: toOrder.map((r, i) => ({ workerId: r.workerId, personId: r.personId!, orderId: ids[i]! })),
      notOnFile: result.notOnFile,
    });
    // A concurrent resend recorded the click first: this one's orders roll back with the error.
    if (!recorded) throw new Error('orderWorkplaceScreening: the same click was recorded concurrently');
    return result;
  });
}

/**
 * The organisation's campaign in the testing module, opened on its first screening order (named
 * after it, in its commune) and kept up on later ones; the organisation's row is locked meanwhile.
 */
async function screeningCampaign(
  d: OrderWorkplaceScreeningDeps,
  db: Db,
  actor: Actor,
  org: { id: string; name: string; commune_code: string; locality_path: string },
  day: string,
): Promise<string> {
  const { campaign_id, screened } = await d.workplaceScreening.campaignOf(db, org.id);
  if (campaign_id) {
    await d.screeningCampaigns.keepUp(db, campaign_id, { day, targetPopulation: screened });
    return campaign_id;
  }
  const id = await d.screeningCampaigns.open(db, actor, {
    name: org.name,
    localityCode: org.commune_code,
    localityPath: org.locality_path,
    targetPopulation: screened,
    day,
  });
  await d.workplaceScreening.linkCampaign(db, org.id, id);
  return id;
}
