import { AppError } from '../../../core/errors.ts';
import type {
  LinkDecisionResult,
  LinkedRecord,
  LinkRequestDetail,
  LinkRequestRow,
  ListLinkRequestsQuery,
} from '../../../core/schemas/citizen.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { CitizenSessionsRepository } from './citizen-sessions.repository.ts';
import type { PeopleRegistryService } from './people-registry.service.ts';
import { peopleMessages as m } from './people.messages.ts';
import type { PeopleRepository } from './people.repository.ts';
import { linkRequestColumns } from './person-links.export.ts';
import { personLinksPolicy } from './person-links.policy.ts';
import type { PersonLinksRepository } from './person-links.repository.ts';

type Request = NonNullable<Awaited<ReturnType<PersonLinksRepository['find']>>>;

/**
 * Officials confirm (or not) that a citizen who declared with a document already on file is that
 * person. Accepting links the citizen's record to officials' one: the citizen's declarations,
 * consents, check-ins, arrivals, QR and sessions move to it and it takes the verified phone.
 * Rejecting leaves the citizen's record as history, its QR revoked. Every read and decision is audited
 * as an access to the people concerned (entity `person`, the request in `after`), so that each of
 * them sees it in their own access log.
 */
export class PersonLinksService {
  constructor(
    private readonly db: Db,
    private readonly links: PersonLinksRepository,
    private readonly people: PeopleRepository,
    private readonly registry: PeopleRegistryService,
    private readonly sessions: CitizenSessionsRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  async list(actor: Actor, q: ListLinkRequestsQuery): Promise<Page<LinkRequestRow>> {
    const within = await this.scope(actor, q.locality);
    const page = await this.page(within, q);
    await this.audit.record(this.db, actor, {
      action: 'read_list',
      entityType: 'person',
      entityId: null,
      localityPath: within,
      after: { list: 'link_requests', locality: q.locality, status: q.status },
      subjectIds: page.subjects,
    });
    return { items: page.items, nextCursor: page.nextCursor };
  }

  /** One export is one logged read; every page streamed names its people. */
  async export(actor: Actor, q: Omit<ListLinkRequestsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const within = await this.scope(actor, q.locality);
    const eventId = await this.audit.record(this.db, actor, {
      action: 'export',
      entityType: 'person',
      entityId: null,
      localityPath: within,
      after: { list: 'link_requests', locality: q.locality, status: q.status },
    });
    return sheetExport({
      filename: 'xac-minh-ho-so-tu-khai.xlsx',
      sheetName: actor.locale === 'vi' ? 'Hồ sơ tự khai' : 'Self-declared records',
      locale: actor.locale,
      columns: linkRequestColumns(actor.locale),
      pages: await allPages(async (after) => {
        const page = await this.page(within, { ...q, after, limit: 500 });
        await this.audit.recordSubjects(this.db, eventId, page.subjects);
        return page;
      }),
    });
  }

  /** Both records side by side, the citizen's verified phone and what they declared. */
  async read(actor: Actor, id: string): Promise<LinkRequestDetail> {
    const r = await this.links.find(this.db, id);
    if (!r || !personLinksPolicy.read(actor, r)) throw new AppError('NOT_FOUND');
    const [declared, official] = await Promise.all([
      this.links.recordOf(this.db, r.declared_person_id),
      this.links.recordOf(this.db, r.official_person_id),
    ]);
    await this.audit.record(this.db, actor, {
      action: 'read_link_request',
      entityType: 'person',
      entityId: r.official_person_id,
      localityPath: r.official_locality_path ?? r.declared_locality_path,
      after: { requestId: id, declaredPersonId: r.declared_person_id },
      subjectIds: [r.declared_person_id, r.official_person_id],
    });
    return {
      id: r.id,
      createdAt: r.created_at.toISOString(),
      status: r.status,
      reason: r.reason,
      phone: r.phone,
      declaredName: declared.full_name,
      declaredBirthYear: declared.birth_year,
      declaredCommuneCode: declared.commune_code,
      declaredCommuneName: declared.commune_name,
      officialName: official.full_name,
      officialCommuneCode: official.commune_code,
      officialCommuneName: official.commune_name,
      declared: recordView(declared),
      official: recordView(official),
      decidedAt: r.decided_at?.toISOString() ?? null,
      decisionNote: r.decision_note,
      canDecide: personLinksPolicy.decide(actor, r),
    };
  }

  /** Accepting twice (a double click) answers the first acceptance; a rejected request stays rejected. */
  async accept(actor: Actor, id: string, note?: string): Promise<LinkDecisionResult> {
    return this.db.transaction().execute(async (trx) => {
      const r = await this.lockForDecision(trx, actor, id);
      if (r.status === 'accepted') return { id, status: 'accepted' as const, personId: r.official_person_id };
      if (r.status !== 'open')
        throw new AppError('CONFLICT', [{ path: 'id', message: m.alreadyDecided[actor.locale] }]);
      const official = await this.people.findById(trx, r.official_person_id);
      const declared = await this.people.findById(trx, r.declared_person_id);
      if (!official || !declared)
        throw new AppError('CONFLICT', [{ path: 'id', message: m.officialRecordGone[actor.locale] }]);
      await this.registry.moveInto(trx, actor, official, declared, { keepTokens: true });
      // The verified phone is the citizen's: tokens and sessions of any other phone stop speaking for them.
      await this.people.setVerifiedPhone(trx, official.id, r.phone);
      await this.people.revokeTokens(trx, official.id, 'phone_changed', r.phone);
      await this.sessions.revokeForPerson(trx, official.id, r.phone);
      await this.links.decide(trx, id, { status: 'accepted', actorId: actor.userId, note: note ?? null });
      await this.audit.record(trx, actor, {
        action: 'link_accept',
        entityType: 'person',
        entityId: official.id,
        localityCode: official.commune_code,
        localityPath: official.locality_path,
        before: { declaredPersonId: declared.id },
        after: { requestId: id, phoneVerified: true },
        subjectIds: [official.id, declared.id],
      });
      return { id, status: 'accepted' as const, personId: official.id };
    });
  }

  async reject(actor: Actor, id: string, note?: string): Promise<LinkDecisionResult> {
    return this.db.transaction().execute(async (trx) => {
      const r = await this.lockForDecision(trx, actor, id);
      if (r.status === 'rejected') return { id, status: 'rejected' as const, personId: r.declared_person_id };
      if (r.status !== 'open')
        throw new AppError('CONFLICT', [{ path: 'id', message: m.alreadyDecided[actor.locale] }]);
      await this.people.setIdentityStatus(trx, r.declared_person_id, 'not_verified');
      await this.people.revokeTokens(trx, r.declared_person_id, 'link_rejected');
      await this.links.decide(trx, id, { status: 'rejected', actorId: actor.userId, note: note ?? null });
      await this.audit.record(trx, actor, {
        action: 'link_reject',
        entityType: 'person',
        entityId: r.declared_person_id,
        localityPath: r.official_locality_path ?? r.declared_locality_path,
        after: { requestId: id, note: note ?? null },
        subjectIds: [r.declared_person_id, r.official_person_id],
      });
      return { id, status: 'rejected' as const, personId: r.declared_person_id };
    });
  }

  private async lockForDecision(trx: Db, actor: Actor, id: string): Promise<Request> {
    const r = await this.links.findForDecision(trx, id);
    if (!r || !personLinksPolicy.read(actor, r)) throw new AppError('NOT_FOUND');
    if (!personLinksPolicy.decide(actor, r)) throw new AppError('FORBIDDEN');
    return r;
  }

  private async scope(actor: Actor, locality: string | undefined): Promise<string> {
    if (!personLinksPolicy.list(actor)) throw new AppError('FORBIDDEN');
    return (await this.localities.findReadableOrThrow(actor, locality ?? actor.scope.code, this.db)).path;
  }

  private async page(within: string, q: Omit<ListLinkRequestsQuery, 'locality'>) {
    const rows = await this.links.list(this.db, within, q);
    const page = toPage(rows, q.limit, (r) => [r.created_key, r.id]);
    return {
      items: page.items.map((r): LinkRequestRow => ({
        id: r.id,
        createdAt: r.created_at.toISOString(),
        status: r.status,
        reason: r.reason,
        phone: r.phone,
        declaredName: r.declared_name,
        declaredBirthYear: r.declared_birth_year,
        declaredCommuneCode: r.declared_commune_code,
        declaredCommuneName: r.declared_commune_name,
        officialName: r.official_name,
        officialCommuneCode: r.official_commune_code,
        officialCommuneName: r.official_commune_name,
      })),
      nextCursor: page.nextCursor,
      subjects: page.items.flatMap((r) => [r.declared_person_id, r.official_person_id]),
    };
  }
}

function recordView(p: Awaited<ReturnType<PersonLinksRepository['recordOf']>>): LinkedRecord {
  return {
    personId: p.id,
    idType: p.id_type,
    idNumber: p.id_number,
    fullName: p.full_name,
    birthYear: p.birth_year,
    gender: p.gender,
    phone: p.phone,
    phoneVerified: p.phone_verified_at !== null,
    communeCode: p.commune_code,
    communeName: p.commune_name,
    addressLine: p.address_line,
    createdAt: p.created_at.toISOString(),
    fLevel: p.f_level,
    underQuarantine: p.under_quarantine,
    underMonitoring: p.under_monitoring,
  };
}
