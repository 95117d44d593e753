import { AppError } from '../../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { OtpService } from '../otp/otp.module.ts';
import { organisationsPolicy as policy } from './organisations.policy.ts';
import type { OrganisationsRepository } from './organisations.repository.ts';

/**
 * Proves the COVID-safety contact's phone answers, as venues do: a code sent to it (the otp
 * module's service, its own purpose), typed back by the organisation or by the commune for it.
 */
export class OrganisationPhoneService {
  constructor(
    private readonly db: Db,
    private readonly organisations: OrganisationsRepository,
    private readonly otp: OtpService,
    private readonly audit: AuditTrailService,
  ) {}

  async sendCode(actor: Actor, organisationId: string) {
    const o = await this.verifiableOrThrow(actor, organisationId, this.db);
    return this.otp.request(o.contact_phone, 'organisation', actor.locale);
  }

  async verify(
    actor: Actor,
    organisationId: string,
    answer: { challengeId: string; code: string },
  ): Promise<{ verifiedAt: string }> {
    return this.db.transaction().execute(async (trx) => {
      const o = await this.verifiableOrThrow(actor, organisationId, trx);
      await this.otp.verify(trx, answer, o.contact_phone, 'organisation', actor.locale);
      const verifiedAt = new Date();
      await this.organisations.setPhoneVerified(trx, organisationId, verifiedAt);
      await this.audit.record(trx, actor, {
        action: 'verify_phone',
        entityType: 'organisation',
        entityId: organisationId,
        localityCode: o.commune_code,
        localityPath: o.locality_path,
        after: { contactPhoneVerifiedAt: verifiedAt.toISOString() },
      });
      return { verifiedAt: verifiedAt.toISOString() };
    });
  }

  private async verifiableOrThrow(actor: Actor, id: string, db: Db) {
    const o = await this.organisations.findById(db, id);
    if (!o || !policy.read(actor, o)) throw new AppError('NOT_FOUND');
    if (!policy.verifyContact(actor, o)) throw new AppError('FORBIDDEN');
    return o;
  }
}
