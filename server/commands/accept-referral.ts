import { AppError } from '../../core/errors.ts';
import type { AcceptReferralRequest } from '../../core/schemas/federation.ts';
import { vietnamToday } from '../../core/vietnam-calendar.ts';
import type { Db } from '../db/database.ts';
import type { DeclarationsService } from '../modules/declarations/declarations.module.ts';
import type { ReferralsService } from '../modules/federation/federation.module.ts';
import type { LocalitiesService } from '../modules/localities/localities.module.ts';
import type { PeopleRegistryService } from '../modules/people/people.module.ts';
import { inScope, type Actor } from '../shared/actor.ts';

/** The services the command uses; `AppServices` has them all, so the route passes it as it is. */
export interface AcceptReferralDeps {
  db: Db;
  referrals: ReferralsService;
  peopleRegistry: PeopleRegistryService;
  declarations: DeclarationsService;
  localities: LocalitiesService;
}

const messages = {
  vi: 'Người được tiếp nhận phải ở xã, phường thuộc địa bàn của bạn',
  en: 'The person taken in must live in a commune of your area',
};

/**
 * A referral from another province is accepted and the person enters this province's follow-up, in
 * one transaction: the answer (which replication carries back to the origin), the person's record
 * (picked from the registry, or registered with the identity the official confirmed) and an arrival
 * on their commune's follow-up list flagged as referred by another province. A contact record
 * needs an index case of this province, which a referred contact does not have: the commune follows
 * them up as an arrival from the origin province, from the last exposure day (or today).
 */
export async function acceptReferral(
  d: AcceptReferralDeps,
  actor: Actor,
  originCode: string,
  id: string,
  req: AcceptReferralRequest,
  now = new Date(),
) {
  return d.db.transaction().execute(async (trx) => {
    const { answer, referral } = await d.referrals.acceptWithin(trx, actor, originCode, id, req.note ?? null, now);
    const person = await d.peopleRegistry.resolve(trx, actor, req.subject, 'subject');
    const commune = person.communeCode ? await d.localities.findByCode(trx, person.communeCode) : undefined;
    if (!commune || !inScope(actor, commune.path)) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'subject', message: messages[actor.locale] }]);
    }
    const today = vietnamToday(now);
    const lastExposure = referral.exposure_to ?? referral.exposure_from;
    await d.declarations.recordCheckpointArrival(trx, {
      // Once per referral: accepting again (or a resend) adds no second arrival.
      clientKey: `referral:${originCode}:${id}`,
      personId: person.id,
      origin: originCode,
      arrivedOn: lastExposure && lastExposure < today ? lastExposure : today,
      destination: { code: commune.code, path: commune.path },
      route: referral.origin_unit,
      flag: 'province_referral',
    });
    return answer;
  });
}
