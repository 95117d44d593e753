import { AppError } from '../../../core/errors.ts';
import type { AuditEntityType } from '../../../core/audit-vocabulary.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  ArrivalRow,
  DeclarationRow,
  ListArrivalsQuery,
  ListDeclarationsQuery,
} from '../../../core/schemas/declarations.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { OtpService } from '../otp/otp.service.ts';
import type { PeopleRegistryService } from '../people/people.module.ts';
import { citizenActor, type CitizenMeta, type CitizenSessionsService } from '../people/citizen-sessions.service.ts';
import { arrivalColumns, declarationColumns } from './declarations.export.ts';
import { declarationMessages } from './declarations.messages.ts';
import type { DeclarationsRepository } from './declarations.repository.ts';
import { declarationsPolicy } from './declarations.policy.ts';
import { DAY_MS } from '../../../core/vietnam-calendar.ts';

/** What officials do with declarations: scoped lists (every read logged), follow-up, export; and erasure. */
export class DeclarationsOfficialsService {
  constructor(
    private readonly db: Db,
    private readonly repo: DeclarationsRepository,
    private readonly localities: LocalitiesService,
    private readonly people: PeopleRegistryService,
    private readonly sessions: CitizenSessionsService,
    private readonly otp: OtpService,
    private readonly audit: AuditTrailService,
  ) {}

  async listDeclarations(actor: Actor, q: ListDeclarationsQuery): Promise<Page<DeclarationRow>> {
    const scope = await this.readableScope(actor, q);
    const page = await this.declarationsPage(scope.path, q);
    await this.recordRead(
      actor,
      'health_declaration',
      scope,
      q,
      page.items.map((d) => d.personId),
    );
    return page;
  }

  private async declarationsPage(within: string, q: ListDeclarationsQuery): Promise<Page<DeclarationRow>> {
    const rows = await this.repo.listDeclarations(this.db, within, q);
    const page = toPage(rows, q.limit, (r) => [r.submitted_key, r.id]);
    return {
      items: page.items.map((r) => ({
        id: r.id,
        submittedAt: r.submitted_at.toISOString(),
        validUntil: r.valid_until.toISOString(),
        kind: r.kind,
        personId: r.person_id,
        fullName: r.full_name,
        birthYear: r.birth_year,
        phone: r.phone,
        communeCode: r.commune_code,
        communeName: r.commune_name,
        symptoms: r.symptoms as string[],
        exposures: r.exposures as string[],
      })),
      nextCursor: page.nextCursor,
    };
  }

  async listArrivals(actor: Actor, q: ListArrivalsQuery): Promise<Page<ArrivalRow>> {
    const scope = await this.readableScope(actor, q);
    const page = await this.arrivalsPage(actor, scope.path, q);
    await this.recordRead(
      actor,
      'arrival',
      scope,
      q,
      page.items.map((a) => a.personId),
    );
    return page;
  }

  private async arrivalsPage(actor: Actor, within: string, q: ListArrivalsQuery): Promise<Page<ArrivalRow>> {
    const rows = await this.repo.listArrivals(this.db, within, q);
    const page = toPage(rows, q.limit, (r) => [r.submitted_key, r.id]);
    const places = await this.localities.placeNames(
      this.db,
      page.items.flatMap((r) => (r.origin_kind !== 'country' && r.origin_code ? [r.origin_code] : [])),
      actor.locale,
    );
    const countries = new Intl.DisplayNames([actor.locale], { type: 'region' });
    const originName = (r: (typeof page.items)[number]): string | null => {
      if (r.origin_kind === 'country') return r.origin_country ? (countries.of(r.origin_country) ?? null) : null;
      return places.get(r.origin_code ?? '') ?? null;
    };
    return {
      items: page.items.map((r) => ({
        id: r.id,
        submittedAt: r.submitted_at.toISOString(),
        personId: r.person_id,
        fullName: r.full_name,
        birthYear: r.birth_year,
        phone: r.phone,
        origin: r.origin_kind === 'country' ? (r.origin_country ?? '') : (r.origin_code ?? ''),
        originName: originName(r),
        vehicle: [r.vehicle_type, r.vehicle_number].filter(Boolean).join(' '),
        arrivedOn: r.arrived_on,
        destinationCommuneCode: r.destination_commune_code,
        destinationCommuneName: r.commune_name,
        flagged: r.flagged,
        flagReasons: r.flag_reasons as string[],
        followUpStatus: r.follow_up_status,
        declaredByHost: r.declared_by_host,
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** One export is one logged read, whatever the number of pages it streams. */
  async exportDeclarations(actor: Actor, q: Omit<ListDeclarationsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const scope = await this.readableScope(actor, q);
    const log = await this.audit.exportLog(
      this.db,
      actor,
      {
        entityType: 'health_declaration',
        entityId: null,
        localityCode: scope.code,
        localityPath: scope.path,
        after: q,
      },
      (d: DeclarationRow) => d.personId,
    );
    return sheetExport({
      filename: 'to-khai-y-te.xlsx',
      sheetName: actor.locale === 'vi' ? 'Tờ khai y tế' : 'Health declarations',
      locale: actor.locale,
      columns: declarationColumns(actor.locale, await this.localities.unitNamer(this.db, actor.locale)),
      pages: await allPages((after) => this.declarationsPage(scope.path, { ...q, after, limit: 500 }), log),
    });
  }

  async exportArrivals(actor: Actor, q: Omit<ListArrivalsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const scope = await this.readableScope(actor, q);
    const log = await this.audit.exportLog(
      this.db,
      actor,
      { entityType: 'arrival', entityId: null, localityCode: scope.code, localityPath: scope.path, after: q },
      (a: ArrivalRow) => a.personId,
    );
    return sheetExport({
      filename: 'nguoi-den.xlsx',
      sheetName: actor.locale === 'vi' ? 'Người đến' : 'Arrivals',
      locale: actor.locale,
      columns: arrivalColumns(actor.locale, await this.localities.unitNamer(this.db, actor.locale)),
      pages: await allPages((after) => this.arrivalsPage(actor, scope.path, { ...q, after, limit: 500 }), log),
    });
  }

  async setFollowUp(actor: Actor, arrivalId: string, status: 'pending' | 'contacted' | 'closed'): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const arrival = await this.repo.findArrival(trx, arrivalId);
      if (!arrival || !declarationsPolicy.followUp(actor, arrival)) throw new AppError('NOT_FOUND');
      await this.repo.setFollowUp(trx, arrivalId, status);
      await this.audit.record(trx, actor, {
        action: 'follow_up',
        entityType: 'arrival',
        entityId: arrivalId,
        localityCode: arrival.destination_commune_code,
        localityPath: arrival.locality_path,
        before: { followUpStatus: arrival.follow_up_status },
        after: { followUpStatus: status },
      });
    });
  }

  /**
   * A citizen erases their data (Law 91/2025). Refused while they are under an epidemic measure,
   * when the law lets the state keep it; asked with the session of their phone and proven by a
   * fresh code sent to it. Their QR tokens and sessions end with it.
   */
  async erase(sessionToken: string | null, req: { otp: { challengeId: string; code: string } }, meta: CitizenMeta) {
    const holder = await this.sessions.holderOrThrow(sessionToken, meta.locale);
    const person = await this.people.findById(this.db, holder.personId);
    if (!person) throw new AppError('NOT_FOUND');
    if (person.f_level !== null || person.under_quarantine || person.under_monitoring) {
      throw new AppError('CONFLICT', [{ path: 'session', message: declarationMessages.cannotErase[meta.locale] }]);
    }
    await this.db.transaction().execute(async (trx) => {
      await this.otp.verify(trx, req.otp, holder.sessionPhone, 'erase', meta.locale);
      await this.people.erase(trx, person.id);
      await this.audit.record(trx, citizenActor(meta), {
        action: 'erase',
        entityType: 'person',
        entityId: person.id,
        localityCode: person.commune_code,
        localityPath: person.locality_path,
      });
    });
    return { erased: true as const };
  }

  /** Retention: declarations older than the configured period, and spent one-time codes, go. */
  async purgeExpired(retentionDays: number, now = new Date()): Promise<{ declarations: number; codes: number }> {
    const declarations = await this.repo.purgeDeclarationsBefore(
      this.db,
      new Date(now.getTime() - retentionDays * DAY_MS),
    );
    const codes = await this.otp.purgeBefore(new Date(now.getTime() - DAY_MS));
    return { declarations, codes };
  }

  private async readableScope(actor: Actor, filter: { locality?: string }): Promise<{ code: string; path: string }> {
    if (!declarationsPolicy.list(actor)) throw new AppError('FORBIDDEN');
    return this.localities.findReadableOrThrow(actor, filter.locality ?? actor.scope.code, this.db);
  }

  /** Logs the read: who looked at which sensitive list, with what filter, and whom it showed. */
  private async recordRead(
    actor: Actor,
    entityType: AuditEntityType,
    scope: { code: string; path: string },
    filter: object,
    subjectIds: string[],
  ): Promise<void> {
    await this.audit.record(this.db, actor, {
      action: 'read_list',
      entityType,
      entityId: null,
      localityCode: scope.code,
      localityPath: scope.path,
      after: filter,
      subjectIds,
    });
  }
}
