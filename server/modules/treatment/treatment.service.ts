import { AppError } from '../../../core/errors.ts';
import { totalsByKind } from '../../../core/rules/occupancy.ts';
import type { Page } from '../../../core/schemas/common.ts';
import {
  capacityKinds,
  type BedKind,
  type ListStaysQuery,
  type OccupancyQuery,
  type OccupancyView,
  type StayOutcome,
  type StayView,
} from '../../../core/schemas/facilities.ts';
import type { Db } from '../../db/database.ts';
import { boundFacilities, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { FacilitiesService } from '../facilities/facilities.module.ts';
import { isUncapped, linesByFacility, toFacilityView } from '../facilities/facility-view.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { stayColumns } from './treatment.export.ts';
import { treatmentMessages as m } from './treatment.messages.ts';
import { treatmentPolicy } from './treatment.policy.ts';
import type { StayRecord, TreatmentRepository } from './treatment.repository.ts';
import { toStayView } from './treatment.presenter.ts';

export interface TreatmentDeps {
  db: Db;
  stays: TreatmentRepository;
  facilities: FacilitiesService;
  localities: LocalitiesService;
  audit: AuditTrailService;
}

/** A free bed found and locked for an admission, until the transaction ends. */
export interface BedTaken {
  facilityId: string;
  localityCode: string;
  localityPath: string;
  bedKind: BedKind;
}

/**
 * Treatment capacity: the bed side of admissions, transfers and discharges (a case's status moves
 * with them through `server/commands/case-care.ts`, which owns the transaction), stays' lists
 * and exports, and the occupancy board of an area with its alerts.
 */
export class TreatmentService {
  constructor(private readonly d: TreatmentDeps) {}

  private async readableOrThrow(actor: Actor, id: string, db: Db): Promise<StayRecord> {
    const s = await this.d.stays.findById(db, id);
    if (!s || !treatmentPolicy.read(actor, s)) throw new AppError('NOT_FOUND');
    return s;
  }

  /**
   * The bed side of an admission, inside the caller's transaction: the facility must be the
   * actor's, open, and have a free bed of the kind. The capacity row is locked first, so a
   * concurrent admission or closing waits for this one. The case's side is the command's.
   */
  async bedForAdmissionIn(trx: Db, actor: Actor, req: { facilityId: string; bedKind: BedKind }): Promise<BedTaken> {
    const seen = await this.d.facilities.findById(trx, req.facilityId);
    if (!seen || !treatmentPolicy.seeFacility(actor, seen))
      throw new AppError('NOT_FOUND', [{ path: 'facilityId', message: m.noFacility[actor.locale] }]);
    if (!treatmentPolicy.record(actor, seen)) throw new AppError('FORBIDDEN');
    const { capacity, occupied } = await this.d.facilities.lockCapacity(trx, seen.id, req.bedKind);
    const facility = (await this.d.facilities.findById(trx, seen.id))!;
    if (facility.status !== 'active')
      throw new AppError('FACILITY_CLOSED', [{ path: 'facilityId', message: m.facilityClosed[actor.locale] }]);
    if (occupied >= capacity)
      throw new AppError('NO_FREE_BED', [
        { path: 'bedKind', message: m.noFreeBed(req.bedKind, occupied, capacity)[actor.locale] },
      ]);
    return {
      facilityId: facility.id,
      localityCode: facility.locality_code,
      localityPath: facility.locality_path,
      bedKind: req.bedKind,
    };
  }

  /** Opens the stay on a bed `bedForAdmissionIn` answered, and audits it. Answers the stay's id. */
  async openStayIn(
    trx: Db,
    actor: Actor,
    o: { bed: BedTaken; caseId: string; caseNumber: string; at: Date; from?: string },
  ): Promise<string> {
    const id = await this.d.stays.insert(trx, {
      case_id: o.caseId,
      facility_id: o.bed.facilityId,
      bed_kind: o.bed.bedKind,
      admitted_at: o.at,
      locality_path: o.bed.localityPath,
    });
    await this.d.audit.record(trx, actor, {
      action: o.from ? 'transfer' : 'admit',
      entityType: 'treatment_stay',
      entityId: id,
      localityCode: o.bed.localityCode,
      localityPath: o.bed.localityPath,
      after: {
        caseId: o.caseId,
        caseNumber: o.caseNumber,
        facilityId: o.bed.facilityId,
        bedKind: o.bed.bedKind,
        admittedAt: o.at.toISOString(),
        ...(o.from ? { fromStay: o.from } : {}),
      },
    });
    return id;
  }

  /**
   * Ends a stay inside the caller's transaction, refused when it ended already; audited. The
   * case's status follows through the command that calls this.
   */
  async closeStayIn(
    trx: Db,
    actor: Actor,
    id: string,
    o: { at: Date | undefined; outcome: StayOutcome },
  ): Promise<StayRecord> {
    const stay = await this.readableOrThrow(actor, id, trx);
    if (!treatmentPolicy.record(actor, { id: stay.facility_id, locality_path: stay.locality_path }))
      throw new AppError('FORBIDDEN');
    if (stay.discharged_at)
      throw new AppError('STAY_ALREADY_ENDED', [{ path: 'id', message: m.alreadyDischarged[actor.locale] }]);
    const at = o.at ?? new Date();
    if (at < stay.admitted_at)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'dischargedAt', message: m.dischargeBeforeAdmission[actor.locale] },
      ]);
    if (!(await this.d.stays.discharge(trx, id, { at, outcome: o.outcome })))
      throw new AppError('STAY_ALREADY_ENDED', [{ path: 'id', message: m.alreadyDischarged[actor.locale] }]);
    await this.d.audit.record(trx, actor, {
      action: 'discharge',
      entityType: 'treatment_stay',
      entityId: id,
      localityCode: stay.commune_code,
      localityPath: stay.locality_path,
      before: { dischargedAt: null, outcome: null },
      after: { dischargedAt: at.toISOString(), outcome: o.outcome },
    });
    return stay;
  }

  /** The open stay of a case, if any (no scope check: the command reached the case through its own). */
  openStayOf(db: Db, caseId: string): Promise<StayRecord | undefined> {
    return this.d.stays.openStayOf(db, caseId);
  }

  /** A stay as answered to the facility's readers. */
  async stayView(db: Db, id: string): Promise<StayView> {
    return toStayView((await this.d.stays.findById(db, id))!);
  }

  /** Stays name patients: every list and export is written to the audit log. */
  async list(actor: Actor, q: ListStaysQuery): Promise<Page<StayView>> {
    const within = await this.scopeOf(actor, q.locality);
    const page = await this.page(actor, within, q);
    await this.d.audit.record(this.d.db, actor, {
      action: 'read_list',
      entityType: 'treatment_stay',
      entityId: q.facilityId ?? null,
      localityPath: within,
      subjectIds: page.items.map((s) => s.personId),
    });
    return page;
  }

  private async page(actor: Actor, within: string, q: ListStaysQuery): Promise<Page<StayView>> {
    const rows = await this.d.stays.list(this.d.db, {
      within,
      facilityIds: boundFacilities(actor),
      facilityId: q.facilityId,
      open: q.open,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.admitted_key, r.id]);
    return { items: page.items.map(toStayView), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListStaysQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const within = await this.scopeOf(actor, q.locality);
    const log = await this.d.audit.exportLog(
      this.d.db,
      actor,
      { entityType: 'treatment_stay', entityId: q.facilityId ?? null, localityPath: within },
      (s: StayView) => s.personId,
    );
    return sheetExport({
      filename: 'luot-dieu-tri.xlsx',
      sheetName: actor.locale === 'vi' ? 'Lượt điều trị' : 'Treatment stays',
      locale: actor.locale,
      columns: stayColumns(actor.locale, await this.d.localities.unitNamer(this.d.db, actor.locale)),
      pages: await allPages((after) => this.page(actor, within, { ...q, after, limit: 500 }), log),
    });
  }

  private async scopeOf(actor: Actor, locality: string | undefined): Promise<string> {
    if (!treatmentPolicy.list(actor)) throw new AppError('FORBIDDEN');
    return locality ? (await this.d.localities.findReadableOrThrow(actor, locality, this.d.db)).path : actor.scope.path;
  }

  /**
   * The capacity board of an area: totals per kind over its active facilities, each facility with
   * its kinds, and every (facility, kind) at or above that facility's threshold, fullest first.
   * Two statements whatever the number of facilities.
   */
  async occupancy(actor: Actor, q: OccupancyQuery): Promise<OccupancyView> {
    if (!treatmentPolicy.occupancy(actor)) throw new AppError('FORBIDDEN');
    const area = await this.d.localities.findReadableOrThrow(actor, q.locality ?? actor.scope.code, this.d.db);
    const facilities = await this.d.facilities.listActiveWithin(this.d.db, area.path, boundFacilities(actor));
    const lines = linesByFacility(await this.d.facilities.capacityLines(this.d.db, { activeWithin: area.path }));
    const withLines = facilities.filter((f) => lines.has(f.id));
    const views = withLines.map((f) => toFacilityView(f, lines.get(f.id)!));
    // People quarantined at home without a declared capacity would inflate the share in use.
    const capped = withLines.flatMap((f) => lines.get(f.id)!.filter((r) => !isUncapped(f, r)));
    const alerts = views.flatMap((f) =>
      f.capacity
        .filter((l) => l.alert)
        .map((l) => ({
          facilityId: f.id,
          facilityName: f.name,
          communeCode: f.communeCode,
          communeName: f.communeName,
          kind: l.kind,
          capacity: l.capacity,
          occupied: l.occupied,
          percent: l.percent,
          thresholdPercent: f.occupancyAlertPercent,
        })),
    );
    alerts.sort((a, b) => b.percent - a.percent || a.facilityName.localeCompare(b.facilityName, 'vi'));
    return {
      locality: { code: area.code, name: area.name },
      totals: totalsByKind(capacityKinds, capped),
      facilities: views.map(({ id, name, kind, communeCode, communeName, occupancyAlertPercent, capacity, alert }) => ({
        id,
        name,
        kind,
        communeCode,
        communeName,
        occupancyAlertPercent,
        capacity,
        alert,
      })),
      alerts,
    };
  }
}
