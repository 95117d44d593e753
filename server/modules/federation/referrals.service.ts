import { AppError, type Locale } from '../../../core/errors.ts';
import type { FederationConfig } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { NationalStatusView as NationalStatus } from '../../../core/schemas/federation.ts';
import type { ReferralReason } from '../../db/schema-federation.ts';
import { inScope, type Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { NationalPlacesService } from '../localities/national-places.service.ts';
import { federationMessages as messages, referralReasonLabels } from './federation.messages.ts';
import { federationPolicy as policy } from './federation.policy.ts';
import { hubSubscriptionName } from './federation.publications.ts';
import { federationStatus } from './federation.status.ts';
import type { ReferralRecord, ReferralsRepository } from './referrals.repository.ts';

export interface ReferralInput {
  clientKey: string;
  destinationCode: string;
  reason: ReferralReason;
  personName: string;
  birthYear?: number | null;
  phone?: string | null;
  idNumber?: string | null;
  destinationLocalityCode?: string | null;
  address?: string | null;
  exposureFrom?: string | null;
  exposureTo?: string | null;
  note?: string | null;
  originUnit: string;
}

/** A referral on the destination's today's work. */
export interface IncomingReferral {
  originCode: string;
  id: string;
  label: string;
  receivedOn: string;
  total: number;
}

/**
 * Cross-province referrals (issue 21). The origin writes the minimum needed into its outbox
 * (`federation_referrals`); PostgreSQL replicates it to the hub, which routes it to the destination
 * only; the destination accepts it and the answer travels back the same way. This service never
 * sends anything itself: writing the row is the sending.
 */
export class ReferralsService {
  constructor(
    private readonly db: Db,
    private readonly repo: ReferralsRepository,
    private readonly audit: AuditTrailService,
    private readonly nationalPlaces: NationalPlacesService,
    private readonly federation: FederationConfig | undefined,
  ) {}

  /** This installation's province code; referrals need a province connected to a hub. */
  private province(locale: Locale): string {
    if (!this.federation) throw invalid('federation', messages[locale].notFederated);
    if (this.federation.role !== 'province') throw invalid('federation', messages[locale].notAProvince);
    return this.federation.provinceCode;
  }

  async refer(actor: Actor, input: ReferralInput): Promise<ReferralRecord> {
    if (!policy.refer(actor)) throw new AppError('FORBIDDEN');
    const origin = this.province(actor.locale);
    const m = messages[actor.locale];
    if (input.destinationCode === origin) throw invalid('destinationCode', m.sameProvince);
    const provinces = await this.nationalPlaces.provinces();
    if (!provinces.some((p) => p.code === input.destinationCode)) throw invalid('destinationCode', m.unknownProvince);
    return this.db.transaction().execute(async (trx) => {
      const written = await this.repo.insert(trx, {
        origin_code: origin,
        destination_code: input.destinationCode,
        reason: input.reason,
        person_name: input.personName,
        birth_year: input.birthYear ?? null,
        phone: input.phone ?? null,
        id_number: input.idNumber ?? null,
        destination_locality_code: input.destinationLocalityCode ?? null,
        address: input.address ?? null,
        exposure_from: input.exposureFrom ?? null,
        exposure_to: input.exposureTo ?? null,
        note: input.note ?? null,
        origin_unit: input.originUnit,
        client_key: input.clientKey,
        created_by: actor.userId,
      });
      if (!written) {
        // A double submission answers the referral already written, if it is the same one.
        const earlier = await this.repo.findByClientKey(trx, origin, input.clientKey);
        if (
          !earlier ||
          earlier.destination_code !== input.destinationCode ||
          earlier.person_name !== input.personName
        ) {
          throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherReferral }]);
        }
        return earlier;
      }
      await this.audit.record(trx, actor, {
        action: 'refer_across_provinces',
        entityType: 'federation_referral',
        entityId: written.id,
        localityPath: actor.scope.path,
        after: { destination: written.destination_code, reason: written.reason },
      });
      return written;
    });
  }

  /** Referrals to this province not answered yet, in the actor's area; reading them is logged. */
  async incoming(actor: Actor, path: string, limit: number): Promise<IncomingReferral[]> {
    if (!policy.readIncoming(actor) || this.federation?.role !== 'province') return [];
    const rows = await this.repo.unanswered(this.db, this.federation.provinceCode, path, limit);
    if (rows.length) {
      await this.audit.record(this.db, actor, {
        action: 'read_list',
        entityType: 'federation_referral',
        entityId: null,
        localityPath: path,
        after: { referrals: rows.map((r) => `${r.origin_code}/${r.id}`) },
      });
    }
    return rows.map((r) => ({
      originCode: r.origin_code,
      id: r.id,
      label: `${r.person_name} — ${referralReasonLabels[r.reason][actor.locale]} (${r.origin_unit})`,
      receivedOn: r.created_at.toISOString().slice(0, 10),
      total: Number(r.total),
    }));
  }

  /**
   * The destination takes the person in: the answer is written once and travels back to the origin.
   * Alone (its own transaction), or inside the accept command's (`server/commands/accept-referral.ts`),
   * which also puts the person on this province's follow-up.
   */
  async accept(actor: Actor, originCode: string, id: string, note: string | null, now = new Date()) {
    return this.db
      .transaction()
      .execute(async (trx) => (await this.acceptWithin(trx, actor, originCode, id, note, now)).answer);
  }

  /** `accept` with the caller's transaction; answers the referral too (what the command follows up). */
  async acceptWithin(db: Db, actor: Actor, originCode: string, id: string, note: string | null, now = new Date()) {
    if (!policy.accept(actor)) throw new AppError('FORBIDDEN');
    const { referral, here } = await this.receivedOrThrow(db, actor, originCode, id);
    const written = await this.repo.answer(db, {
      origin_code: originCode,
      referral_id: id,
      destination_code: here,
      outcome: 'accepted',
      note,
      decided_at: now,
      decided_by: actor.userId,
    });
    if (written) {
      await this.audit.record(db, actor, {
        action: 'accept_referral',
        entityType: 'federation_referral',
        entityId: id,
        localityPath: actor.scope.path,
        after: { origin: originCode },
      });
    }
    const answer = await this.repo.answerOf(db, originCode, id);
    if (!answer) throw new AppError('NOT_FOUND');
    return { answer, referral, firstTime: written };
  }

  /** A referral received here, read by an official of its area before accepting it; the read is logged. */
  async read(actor: Actor, originCode: string, id: string) {
    if (!policy.readIncoming(actor)) throw new AppError('FORBIDDEN');
    const { referral } = await this.receivedOrThrow(this.db, actor, originCode, id);
    await this.audit.record(this.db, actor, {
      action: 'read',
      entityType: 'federation_referral',
      entityId: id,
      localityPath: referral.locality_path ?? actor.scope.path,
      after: { origin: originCode },
    });
    const origin = (await this.nationalPlaces.provinces()).find((p) => p.code === originCode);
    return {
      referral,
      originName: origin?.name ?? originCode,
      answer: await this.repo.answerOf(this.db, originCode, id),
    };
  }

  /**
   * A referral to this province within the actor's area, else "not found". The same area as the
   * today's work that lists it: a commune's referral is its commune's (and above); one naming no
   * commune is the province level's.
   */
  private async receivedOrThrow(db: Db, actor: Actor, originCode: string, id: string) {
    // An installation that is not a federated province holds no referral to accept.
    if (this.federation?.role !== 'province') throw new AppError('NOT_FOUND');
    const here = this.federation.provinceCode;
    const referral = await this.repo.find(db, originCode, id);
    const area = referral?.locality_path ?? `VN/${here}`;
    if (!referral || referral.destination_code !== here || !inScope(actor, area)) throw new AppError('NOT_FOUND');
    return { referral, here };
  }

  /**
   * The hub's provinces: the last heartbeat replicated from each and its subscription's lag, from
   * PostgreSQL's own views, for the provinces of the actor's area.
   */
  async national(actor: Actor): Promise<NationalStatus> {
    if (!policy.readNational(actor)) throw new AppError('FORBIDDEN');
    if (this.federation?.role !== 'hub') return { hub: false, role: this.federation?.role ?? null, provinces: [] };
    const status = await federationStatus(this.db);
    const names = new Map((await this.nationalPlaces.provinces()).map((p) => [p.code, p.name]));
    return {
      hub: true,
      role: 'hub',
      // A national account sees every province; an account of a province on the hub, its own.
      provinces: this.federation.provinces
        .filter((p) => inScope(actor, `VN/${p.code}`))
        .map((p) => {
          const beat = status.heartbeats.find((h) => h.province === p.code);
          const sub = status.subscriptions.find((s) => s.name === hubSubscriptionName(p.code));
          return {
            code: p.code,
            name: names.get(p.code) ?? p.code,
            lastBeatAt: beat?.beatAt ?? null,
            beatAgeSeconds: beat?.ageSeconds ?? null,
            streaming: sub?.streaming ?? false,
            lagSeconds: sub?.lagSeconds ?? null,
            tablesCopying: sub?.tablesCopying ?? 0,
          };
        }),
    };
  }

  /** The origin reads whether its referral was answered (after the answer came back through the hub). */
  answerOf(originCode: string, id: string) {
    return this.repo.answerOf(this.db, originCode, id);
  }

  /** A province tells the hub it is alive and how fresh its rows are. */
  async beat(now = new Date()): Promise<void> {
    if (this.federation?.role !== 'province') return;
    await this.repo.beat(this.db, this.federation.provinceCode, now);
  }
}

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', [{ path, message }]);
}
