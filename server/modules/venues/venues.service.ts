import { AppError, type ErrorDetail, type Locale } from '../../../core/errors.ts';
import { normaliseVietnamesePhone } from '../../../core/rules/identity-documents.ts';
import { formatAddress } from '../../../core/rules/address.ts';
import { posterAddressOf, type PosterOrigin } from './poster-address.ts';
import {
  newVenuePublicCode,
  normaliseVenuePublicCode,
  venueCheckinUrl,
} from '../../../core/rules/venue-public-code.ts';
import {
  allowedVenueDecisions,
  decisionNeedsNote,
  nextVenueStatus,
  type VenueStatus,
} from '../../../core/rules/venue-status.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  DecideVenueRequest,
  ListVenuesQuery,
  PosterAddressView,
  PublicVenueView,
  RegisterVenueRequest,
  UpdateVenueRequest,
  VenueType,
  VenueView,
} from '../../../core/schemas/venues.ts';
import type { Db } from '../../db/database.ts';
import type { LocalityRow } from '../../db/schema.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { renderPosterPdf, renderQrPng } from './venue-poster.ts';
import { venueColumns } from './venues.export.ts';
import { venuesPolicy } from './venues.policy.ts';
import type { VenueChanges, VenueRecord, VenuesRepository } from './venues.repository.ts';
import { toVenueView } from './venues.presenter.ts';

/** A file answered inline (poster, QR image). */
export interface VenueFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export class VenuesService {
  constructor(
    private readonly db: Db,
    private readonly venues: VenuesRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  /** A venue the actor may see. Out of scope or not theirs answers exactly like "does not exist". */
  private async findReadableOrThrow(actor: Actor, id: string, db: Db): Promise<VenueRecord> {
    const venue = await this.venues.findById(db, id);
    if (!venue || !venuesPolicy.read(actor, venue)) throw new AppError('NOT_FOUND');
    return venue;
  }

  async get(actor: Actor, id: string): Promise<VenueView> {
    return toVenueView(await this.findReadableOrThrow(actor, id, this.db));
  }

  async list(actor: Actor, q: ListVenuesQuery): Promise<Page<VenueView>> {
    if (!venuesPolicy.list(actor)) throw new AppError('FORBIDDEN');
    const within = await this.localities.listScope(actor, q.locality, this.db);
    const rows = await this.venues.list(this.db, {
      withinPath: within,
      ownerUserId: venuesPolicy.listOnlyOwn(actor) ? actor.userId : undefined,
      status: q.status,
      type: q.type,
      q: q.q,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.created_key, r.id]);
    return { items: page.items.map(toVenueView), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListVenuesQuery, 'after' | 'limit'>): Promise<SheetExport> {
    if (!venuesPolicy.list(actor)) throw new AppError('FORBIDDEN');
    return sheetExport({
      filename: `dia-diem-${q.locality ?? actor.scope.code}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Địa điểm' : 'Venues',
      locale: actor.locale,
      columns: venueColumns(actor.locale, await this.localities.unitNamer(this.db, actor.locale)),
      pages: await allPages((after) => this.list(actor, { ...q, after, limit: 500 })),
    });
  }

  /** Registers a venue as `pending`, owned by the actor. The contact phone is not verified yet. */
  async register(actor: Actor, req: RegisterVenueRequest): Promise<VenueView> {
    if (!venuesPolicy.mayRegister(actor)) throw new AppError('FORBIDDEN');
    const contactPhone = this.phoneOrThrow(actor.locale, req.contactPhone);
    return this.db.transaction().execute(async (trx) => {
      const commune = await this.communeOrThrow(actor, req.communeCode, trx);
      if (!venuesPolicy.register(actor, commune)) throw new AppError('FORBIDDEN');
      const id = await this.venues.insert(trx, {
        public_code: await this.freePublicCode(trx),
        organisation_name: req.organisationName,
        name: req.name,
        venue_type: req.type,
        address_line: req.addressLine,
        commune_code: commune.code,
        locality_path: commune.path,
        capacity: req.capacity ?? null,
        contact_phone: contactPhone,
        contact_phone_verified_at: null,
        gate_policy: req.gatePolicy,
        status: 'pending',
        owner_user_id: recordedBy(actor),
      });
      const venue = (await this.venues.findById(trx, id))!;
      await this.audit.record(trx, actor, {
        action: 'create',
        entityType: 'venue',
        entityId: id,
        localityCode: commune.code,
        localityPath: commune.path,
        after: auditSnapshot(venue),
      });
      return toVenueView(venue);
    });
  }

  /** Changes what the owner may change; the status stays (an approved venue stays approved). */
  async update(actor: Actor, id: string, patch: UpdateVenueRequest): Promise<VenueView> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.findReadableOrThrow(actor, id, trx);
      if (!venuesPolicy.update(actor, before)) throw new AppError('FORBIDDEN');
      const contactPhone =
        patch.contactPhone === undefined ? undefined : this.phoneOrThrow(actor.locale, patch.contactPhone);
      const set: VenueChanges = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.type !== undefined) set.venue_type = patch.type;
      if (patch.capacity !== undefined) set.capacity = patch.capacity;
      if (patch.gatePolicy !== undefined) set.gate_policy = patch.gatePolicy;
      if (contactPhone !== undefined && contactPhone !== before.contact_phone) {
        set.contact_phone = contactPhone;
        // A verification belongs to the number that was verified.
        set.contact_phone_verified_at = null;
      }
      await this.venues.update(trx, id, set);
      const after = (await this.venues.findById(trx, id))!;
      await this.audit.record(trx, actor, {
        action: 'update',
        entityType: 'venue',
        entityId: id,
        localityCode: before.commune_code,
        localityPath: before.locality_path,
        before: auditSnapshot(before),
        after: auditSnapshot(after),
      });
      return toVenueView(after);
    });
  }

  /** Approve, reject, suspend or reinstate (approve a suspended venue). Invalid moves are CONFLICT. */
  async decide(actor: Actor, id: string, req: DecideVenueRequest): Promise<VenueView> {
    const note = req.note?.trim() || null;
    return this.db.transaction().execute(async (trx) => {
      const before = await this.findReadableOrThrow(actor, id, trx);
      if (!venuesPolicy.decide(actor, before)) throw new AppError('FORBIDDEN');
      if (decisionNeedsNote(req.decision) && !note) {
        throw new AppError('VALIDATION_FAILED', [{ path: 'note', message: messages[actor.locale].noteRequired }]);
      }
      const next = nextVenueStatus(before.status, req.decision);
      if (!next) throw new AppError('CONFLICT', [this.transitionProblem(actor.locale, before.status)]);
      const moved = await this.venues.changeStatus(trx, id, before.status, {
        status: next,
        decided_by: recordedBy(actor),
        decided_at: new Date(),
        decision_note: note,
      });
      if (!moved) throw new AppError('CONFLICT');
      const after = (await this.venues.findById(trx, id))!;
      await this.audit.record(trx, actor, {
        action: req.decision,
        entityType: 'venue',
        entityId: id,
        localityCode: before.commune_code,
        localityPath: before.locality_path,
        before: auditSnapshot(before),
        after: auditSnapshot(after),
      });
      return toVenueView(after);
    });
  }

  /**
   * The printable A4 poster of an approved venue. `origin` is the site the caller is using
   * (scheme and host of the request), so the QR opens the same installation that printed it.
   */
  async poster(actor: Actor, id: string, origin: PosterOrigin): Promise<VenueFile> {
    const venue = await this.printableOrThrow(actor, id);
    const body = await renderPosterPdf({
      venueName: venue.name,
      organisationName: venue.organisation_name,
      address: formatAddress({
        line: venue.address_line,
        commune: venue.commune_full_name,
        province: venue.province_full_name,
      }),
      publicCode: venue.public_code,
      url: this.checkinUrl(actor.locale, origin, venue.public_code, venue.exposure_key),
    });
    return { filename: `ap-phich-${venue.public_code}.pdf`, contentType: 'application/pdf', body };
  }

  /** The venue QR alone, as a PNG for screens. Same rules and URL as the poster. */
  async qrPng(actor: Actor, id: string, origin: PosterOrigin): Promise<VenueFile> {
    const venue = await this.printableOrThrow(actor, id);
    const body = await renderQrPng(this.checkinUrl(actor.locale, origin, venue.public_code, venue.exposure_key));
    return { filename: `ma-qr-${venue.public_code}.png`, contentType: 'image/png', body };
  }

  /** What a scanned QR shows to anyone: approved venues only, never the owner or the phone. */
  async publicLookup(rawCode: string): Promise<PublicVenueView> {
    // Typed codes are forgiven case and separators; any stored code is looked up as it is.
    const code = normaliseVenuePublicCode(rawCode);
    const venue = await this.venues.findByPublicCode(this.db, code);
    if (!venue || venue.status !== 'approved') throw new AppError('NOT_FOUND');
    return {
      publicCode: venue.public_code,
      name: venue.name,
      organisationName: venue.organisation_name,
      type: venue.venue_type as VenueType,
      addressLine: venue.address_line,
      communeName: venue.commune_full_name,
      status: venue.status,
      gatePolicy: venue.gate_policy,
    };
  }

  private async printableOrThrow(actor: Actor, id: string): Promise<VenueRecord> {
    const venue = await this.findReadableOrThrow(actor, id, this.db);
    if (!venuesPolicy.print(actor, venue)) throw new AppError('FORBIDDEN');
    if (venue.status !== 'approved')
      throw new AppError('CONFLICT', [{ path: 'status', message: messages[actor.locale].notApproved }]);
    return venue;
  }

  /**
   * Where QR codes point, for the warnings of the venues and administration pages. Any official
   * may ask: it is the installation's address, nothing about a venue.
   */
  posterAddress(_actor: Actor, origin: PosterOrigin): PosterAddressView {
    return posterAddressOf(origin);
  }

  /** Checked after access, so a venue out of reach still answers "not found". */
  private checkinUrl(locale: Locale, origin: PosterOrigin, code: string, exposureKey: string): string {
    if (!posterAddressOf(origin).printable) throw new AppError('POSTER_ADDRESS_LOOPBACK');
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin.origin);
    } catch {
      parsed = null;
    }
    // The origin comes from the request's Host: keep it a plain, short web origin.
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin.length > 100) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'host', message: messages[locale].badOrigin }]);
    }
    return venueCheckinUrl(parsed.origin, code, exposureKey);
  }

  private phoneOrThrow(locale: Locale, raw: string): string {
    const phone = normaliseVietnamesePhone(raw);
    if (!phone) throw new AppError('VALIDATION_FAILED', [{ path: 'contactPhone', message: messages[locale].badPhone }]);
    return phone;
  }

  /** An active commune in the actor's scope; anything else is a field problem of `communeCode`. */
  private async communeOrThrow(actor: Actor, code: string, db: Db): Promise<LocalityRow> {
    const unknown = (): never => {
      throw new AppError('VALIDATION_FAILED', [
        { path: 'communeCode', message: messages[actor.locale].unknownCommune },
      ]);
    };
    const commune = await this.localities.findReadableOrThrow(actor, code, db).catch(unknown);
    if (commune.level !== 'commune' || commune.status !== 'active') unknown();
    return commune;
  }

  /** 30^10 codes make a collision improbable; checked anyway (a race ends as CONFLICT on the unique index). */
  private async freePublicCode(db: Db): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newVenuePublicCode();
      if (!(await this.venues.publicCodeTaken(db, code))) return code;
    }
    throw new AppError('CONFLICT');
  }

  private transitionProblem(locale: Locale, status: VenueStatus): ErrorDetail {
    const open = allowedVenueDecisions(status);
    const m = messages[locale];
    return { path: 'decision', message: `${m.badTransition} ${m.status[status]}${open.length ? '' : ` (${m.final})`}` };
  }
}

const messages: Record<
  Locale,
  {
    badPhone: string;
    unknownCommune: string;
    noteRequired: string;
    notApproved: string;
    badOrigin: string;
    badTransition: string;
    final: string;
    status: Record<VenueStatus, string>;
  }
> = {
  vi: {
    badPhone: 'Số điện thoại di động không hợp lệ',
    unknownCommune: 'Không có xã/phường đang hoạt động với mã này trong phạm vi của bạn',
    noteRequired: 'Cần ghi lý do khi từ chối hoặc tạm dừng',
    notApproved: 'Chỉ địa điểm đã được duyệt mới có mã QR',
    badOrigin: 'Địa chỉ trang web không hợp lệ',
    badTransition: 'Không thể đưa ra quyết định này với địa điểm đang ở trạng thái',
    final: 'đã kết thúc',
    status: { pending: 'chờ duyệt', approved: 'đã duyệt', rejected: 'bị từ chối', suspended: 'tạm dừng' },
  },
  en: {
    badPhone: 'Not a valid Vietnamese mobile number',
    unknownCommune: 'No active commune with this code in your scope',
    noteRequired: 'A note is required to reject or suspend',
    notApproved: 'Only an approved venue has a QR code',
    badOrigin: 'The site address is not valid',
    badTransition: 'This decision is not possible for a venue that is',
    final: 'final',
    status: { pending: 'pending', approved: 'approved', rejected: 'rejected', suspended: 'suspended' },
  },
};

/** The recorded fields, for audit before/after (no derived or joined values). */
function auditSnapshot(v: VenueRecord) {
  return {
    publicCode: v.public_code,
    organisationName: v.organisation_name,
    name: v.name,
    type: v.venue_type,
    addressLine: v.address_line,
    communeCode: v.commune_code,
    capacity: v.capacity,
    contactPhone: v.contact_phone,
    contactPhoneVerified: v.contact_phone_verified_at !== null,
    gatePolicy: v.gate_policy,
    status: v.status,
    ownerUserId: v.owner_user_id,
    decisionNote: v.decision_note,
  };
}
