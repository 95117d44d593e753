import { AppError } from '../../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { OtpService } from '../otp/otp.service.ts';
import { venuesPolicy } from './venues.policy.ts';
import type { VenuesRepository } from './venues.repository.ts';

/** Proves the venue's contact phone answers: a code sent to it, typed back by the owner. */
export class VenuePhoneService {
  constructor(
    private readonly db: Db,
    private readonly venues: VenuesRepository,
    private readonly otp: OtpService,
    private readonly audit: AuditTrailService,
  ) {}

  async sendCode(actor: Actor, venueId: string) {
    const venue = await this.editableOrThrow(actor, venueId, this.db);
    return this.otp.request(venue.contact_phone, 'venue', actor.locale);
  }

  async verify(
    actor: Actor,
    venueId: string,
    answer: { challengeId: string; code: string },
  ): Promise<{ verifiedAt: string }> {
    return this.db.transaction().execute(async (trx) => {
      const venue = await this.editableOrThrow(actor, venueId, trx);
      await this.otp.verify(trx, answer, venue.contact_phone, 'venue', actor.locale);
      const verifiedAt = new Date();
      await this.venues.update(trx, venueId, { contact_phone_verified_at: verifiedAt });
      await this.audit.record(trx, actor, {
        action: 'verify_phone',
        entityType: 'venue',
        entityId: venueId,
        localityCode: venue.commune_code,
        localityPath: venue.locality_path,
        after: { contactPhoneVerifiedAt: verifiedAt.toISOString() },
      });
      return { verifiedAt: verifiedAt.toISOString() };
    });
  }

  private async editableOrThrow(actor: Actor, venueId: string, db: Db) {
    const venue = await this.venues.findById(db, venueId);
    if (!venue || !venuesPolicy.read(actor, venue)) throw new AppError('NOT_FOUND');
    if (!venuesPolicy.update(actor, venue)) throw new AppError('FORBIDDEN');
    return venue;
  }
}
