import { AppError, type ErrorDetail } from '../../../core/errors.ts';
import { planPlacement } from '../../../core/rules/occupancy.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  CapacityInput,
  CapacityKind,
  CreateFacilityRequest,
  FacilityView,
  ListFacilitiesQuery,
  PlacementQuery,
  PlacementView,
  UpdateFacilityRequest,
} from '../../../core/schemas/facilities.ts';
import type { Db } from '../../db/database.ts';
import { boundFacilities, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { facilityColumns } from './facilities.export.ts';
import { facilityMessages as m } from './facilities.messages.ts';
import { facilitiesPolicy } from './facilities.policy.ts';
import type { CapacityRow, FacilitiesRepository, FacilityRecord, FacilitySet } from './facilities.repository.ts';
import { linesByFacility, toFacilityView } from './facility-view.ts';

/** What the audit log keeps of a facility: its settings and declared capacity, not its occupancy. */
function auditSnapshot(f: FacilityRecord, lines: readonly CapacityRow[]) {
  return {
    name: f.name,
    kind: f.kind,
    addressLine: f.address_line,
    contactPhone: f.contact_phone,
    status: f.status,
    occupancyAlertPercent: f.occupancy_alert_percent,
    capacity: Object.fromEntries(lines.filter((l) => l.capacity > 0).map((l) => [l.kind, l.capacity])),
  };
}

/**
 * Quarantine and treatment facilities ("4 tại chỗ": each area sees its own places and beds): open,
 * change, close, list with occupancy, and search free places near a commune.
 */
export class FacilitiesService {
  constructor(
    private readonly db: Db,
    private readonly facilities: FacilitiesRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  /** A facility by id with the caller's handle, no scope check: for a use case that checks its own. */
  findById(db: Db, id: string): Promise<FacilityRecord | undefined> {
    return this.facilities.findById(db, id);
  }

  /** Locks the facility's line for a bed kind until the caller's transaction ends, and answers its use. */
  lockCapacity(db: Db, facilityId: string, kind: CapacityKind): Promise<{ capacity: number; occupied: number }> {
    return this.facilities.lockCapacity(db, facilityId, kind);
  }

  listActiveWithin(db: Db, within: string, facilityIds: readonly string[] | null) {
    return this.facilities.listActiveWithin(db, within, facilityIds);
  }

  capacityLines(db: Db, set: FacilitySet): Promise<CapacityRow[]> {
    return this.facilities.capacityLines(db, set);
  }

  private async readableOrThrow(actor: Actor, id: string, db: Db): Promise<FacilityRecord> {
    const f = await this.facilities.findById(db, id);
    if (!f || !facilitiesPolicy.read(actor, f)) throw new AppError('NOT_FOUND');
    return f;
  }

  private async viewOf(db: Db, f: FacilityRecord): Promise<FacilityView> {
    return toFacilityView(f, await this.facilities.capacityLines(db, { ids: [f.id] }));
  }

  async get(actor: Actor, id: string): Promise<FacilityView> {
    return this.viewOf(this.db, await this.readableOrThrow(actor, id, this.db));
  }

  async list(actor: Actor, q: ListFacilitiesQuery): Promise<Page<FacilityView>> {
    if (!facilitiesPolicy.list(actor)) throw new AppError('FORBIDDEN');
    const within = await this.localities.listScope(actor, q.locality, this.db);
    const rows = await this.facilities.list(this.db, {
      within,
      facilityIds: boundFacilities(actor),
      kind: q.kind,
      status: q.status,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.created_key, r.id]);
    // One occupancy statement for the whole page, never one per facility.
    const lines = linesByFacility(await this.facilities.capacityLines(this.db, { ids: page.items.map((f) => f.id) }));
    return { items: page.items.map((f) => toFacilityView(f, lines.get(f.id) ?? [])), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListFacilitiesQuery, 'after' | 'limit'>): Promise<SheetExport> {
    return sheetExport({
      filename: 'co-so-cach-ly-dieu-tri.xlsx',
      sheetName: actor.locale === 'vi' ? 'Cơ sở' : 'Facilities',
      locale: actor.locale,
      columns: facilityColumns(actor.locale, await this.localities.unitNamer(this.db, actor.locale)),
      pages: await allPages((after) => this.list(actor, { ...q, after, limit: 500 })),
    });
  }

  async create(actor: Actor, req: CreateFacilityRequest): Promise<FacilityView> {
    return this.db.transaction().execute(async (trx) => {
      const commune = await this.localities.findReadableOrThrow(actor, req.communeCode, trx);
      if (!facilitiesPolicy.create(actor, commune)) throw new AppError('FORBIDDEN');
      if (commune.level !== 'commune' || commune.status !== 'active') {
        throw new AppError('VALIDATION_FAILED', [{ path: 'communeCode', message: m.notCommune[actor.locale] }]);
      }
      const id = await this.facilities.insert(trx, {
        name: req.name,
        kind: req.kind,
        locality_code: commune.code,
        locality_path: commune.path,
        address_line: req.addressLine,
        contact_phone: req.contactPhone ?? null,
        occupancy_alert_percent: req.occupancyAlertPercent,
      });
      await this.facilities.setCapacity(trx, id, req.capacity);
      const created = (await this.facilities.findById(trx, id))!;
      const lines = await this.facilities.capacityLines(trx, { ids: [id] });
      await this.audit.record(trx, actor, {
        action: 'create',
        entityType: 'facility',
        entityId: id,
        localityCode: commune.code,
        localityPath: commune.path,
        after: auditSnapshot(created, lines),
      });
      return toFacilityView(created, lines);
    });
  }

  /**
   * Changes settings and capacity. A capacity never goes below what is in use and a facility with
   * people still admitted does not close: the numbers on the board must stay true.
   */
  async update(actor: Actor, id: string, patch: UpdateFacilityRequest): Promise<FacilityView> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.readableOrThrow(actor, id, trx);
      if (!facilitiesPolicy.update(actor, before)) throw new AppError('FORBIDDEN');
      // Admissions lock the capacity row of their kind: checking use under the same locks means no
      // bed can be taken between this check and the new capacity.
      await this.facilities.lockAllCapacity(trx, id);
      const linesBefore = await this.facilities.capacityLines(trx, { ids: [id] });
      const problems = capacityProblems(linesBefore, patch, actor.locale);
      if (problems.length > 0) throw new AppError('CONFLICT', problems);
      await this.facilities.update(trx, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.addressLine !== undefined ? { address_line: patch.addressLine } : {}),
        ...(patch.contactPhone !== undefined ? { contact_phone: patch.contactPhone } : {}),
        ...(patch.occupancyAlertPercent !== undefined ? { occupancy_alert_percent: patch.occupancyAlertPercent } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
      });
      if (patch.capacity) await this.facilities.setCapacity(trx, id, patch.capacity);
      const after = (await this.facilities.findById(trx, id))!;
      const lines = await this.facilities.capacityLines(trx, { ids: [id] });
      await this.audit.record(trx, actor, {
        action: 'update',
        entityType: 'facility',
        entityId: id,
        localityCode: before.locality_code,
        localityPath: before.locality_path,
        before: auditSnapshot(before, linesBefore),
        after: auditSnapshot(after, lines),
      });
      return toFacilityView(after, lines);
    });
  }

  /**
   * Where to place `people` people: active facilities of the actor's area (or of `locality` within
   * it) with free places of the kind, nearest to the commune `near` first, and how many to send to
   * each until everybody is placed (or what is missing).
   */
  async placement(actor: Actor, q: PlacementQuery): Promise<PlacementView> {
    if (!facilitiesPolicy.searchPlacement(actor)) throw new AppError('FORBIDDEN');
    const within = await this.localities.listScope(actor, q.locality, this.db);
    const near = q.near ? await this.localities.findReadableOrThrow(actor, q.near, this.db) : null;
    const origin =
      near?.centroid_lon != null && near.centroid_lat != null
        ? { lon: near.centroid_lon, lat: near.centroid_lat }
        : null;
    const rows = await this.facilities.placementCandidates(this.db, {
      within,
      facilityIds: boundFacilities(actor),
      kind: q.kind,
    });
    const plan = planPlacement({
      people: q.people,
      origin,
      candidates: rows.map((r) => ({
        id: r.id,
        free: r.capacity - r.occupied,
        row: r,
        position:
          r.centroid_lon != null && r.centroid_lat != null ? { lon: r.centroid_lon, lat: r.centroid_lat } : null,
      })),
    });
    const used = plan.options.filter((o) => o.suggested > 0).length;
    return {
      people: q.people,
      kind: q.kind,
      near: near ? { code: near.code, name: near.name } : null,
      placed: plan.placed,
      shortfall: plan.shortfall,
      options: plan.options.slice(0, Math.max(q.limit, used)).map((o) => ({
        facilityId: o.id,
        name: o.row.name,
        facilityKind: o.row.kind,
        communeCode: o.row.locality_code,
        communeName: o.row.commune_name,
        addressLine: o.row.address_line,
        contactPhone: o.row.contact_phone,
        capacity: o.row.capacity,
        occupied: o.row.occupied,
        free: o.free,
        distanceKm: o.distanceKm,
        suggested: o.suggested,
      })),
    };
  }
}

/** Refusals of a capacity change below use, or of closing a facility that still holds people. */
function capacityProblems(
  lines: readonly CapacityRow[],
  patch: UpdateFacilityRequest,
  locale: Actor['locale'],
): ErrorDetail[] {
  const occupied = (kind: CapacityKind) => lines.find((l) => l.kind === kind)?.occupied ?? 0;
  const problems: ErrorDetail[] = [];
  for (const [kind, value] of Object.entries(patch.capacity ?? {}) as [keyof CapacityInput, number | undefined][]) {
    if (value !== undefined && value < occupied(kind))
      problems.push({ path: `capacity.${kind}`, message: m.belowOccupied(kind, occupied(kind))[locale] });
  }
  const inUse = lines.reduce((s, l) => s + l.occupied, 0);
  if (patch.status === 'closed' && inUse > 0)
    problems.push({ path: 'status', message: m.closeOccupied(inUse)[locale] });
  return problems;
}
