import { AppError } from '../../../core/errors.ts';
import { imageTypeOf, sha256Of } from '../../shared/file-types.ts';
import type { VisitRequest, VisitView } from '../../../core/schemas/inspections.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import { renderOfficialPdf } from '../../shared/official-document.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { UnitsService } from '../units/units.module.ts';
import type { InspectionAccess } from './inspections.access.ts';
import { inspectionMessages as messages } from './inspections.messages.ts';
import { inspectionsPolicy as policy, type PlanRelation } from './inspections.policy.ts';
import { toVisitView } from './inspections.presenter.ts';
import type { InspectionsRepository, VisitRecord } from './inspections.repository.ts';
import type { PhotoBlobsRepository } from './photo-blobs.repository.ts';
import type { InspectionsService } from './inspections.service.ts';
import { inspectionRecordDocument } from './inspection-record.document.ts';
import { isWholePng } from './signature-png.ts';
import type { ViolationsRepository } from './violations.repository.ts';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** The image type the bytes are (the shared sniffing of uploaded files); SVG and HTML are none. */
export { imageTypeOf };

function signatureBytes(data: string | undefined): Buffer | null {
  if (!data) return null;
  const bytes = Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64');
  return isWholePng(bytes) ? bytes : Buffer.alloc(0);
}

export interface VisitsDeps {
  db: Db;
  repo: InspectionsRepository;
  blobs: PhotoBlobsRepository;
  violations: ViolationsRepository;
  access: InspectionAccess;
  plans: InspectionsService;
  units: UnitsService;
  localities: LocalitiesService;
  clock?: () => Date;
}

/**
 * Visits (issue 17), sent from a phone that may have been offline: the client key makes a resend
 * answer the first result; an edit names the version it started from and is refused with 409
 * CONFLICT when the visit changed meanwhile, so nothing is silently overwritten. A completed visit
 * carries the inspected party's signature and is closed to edits.
 */
export class VisitsService {
  constructor(private readonly d: VisitsDeps) {}

  private now(): Date {
    return this.d.clock ? this.d.clock() : new Date();
  }

  async submit(actor: Actor, req: VisitRequest): Promise<{ created: boolean; view: VisitView }> {
    const m = messages[actor.locale];
    // A resend (the phone lost the answer) reads and answers the first result: no transaction.
    const sent = await this.d.repo.findVisit(this.d.db, req.clientKey);
    if (sent && (sent.client_key !== req.clientKey || sent.target_id !== req.targetId))
      throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherVisit }]);
    if (sent && req.baseVersion === undefined) {
      const { relation } = await this.d.access.readableVisit(this.d.db, actor, sent.id);
      if (!policy.record(relation)) throw new AppError('FORBIDDEN', [{ path: 'targetId', message: m.notOnTeam }]);
      return { created: false, view: await this.view(this.d.db, actor, sent.id, relation) };
    }
    return this.d.db.transaction().execute(async (trx) => {
      const existing = await this.d.repo.findVisit(trx, req.clientKey);
      if (existing && existing.target_id !== req.targetId)
        throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherVisit }]);
      // The target, its plan's unit and the team in one statement: a phone's sync sends many visits.
      const target = await this.d.repo.targetForVisit(trx, req.targetId, actor.userId);
      if (!target) throw new AppError('NOT_FOUND');
      const plan = { id: target.plan_id, unit_id: target.unit_id };
      const relation = await this.d.access.relation(trx, actor, plan, target, { member: Boolean(target.is_member) });
      if (!policy.read(relation)) throw new AppError('NOT_FOUND');
      if (!policy.record(relation)) throw new AppError('FORBIDDEN', [{ path: 'targetId', message: m.notOnTeam }]);
      if (existing && req.baseVersion === undefined)
        return { created: false, view: await this.view(trx, actor, existing.id, relation) };
      const checklist = (await this.d.plans.checklist(trx, target.checklist_id))!;
      const items = await this.d.plans.checklistItems(trx, target.checklist_id);
      const problems = req.findings.flatMap((f, i) =>
        items.has(f.itemKey) ? [] : [{ path: `findings.${i}.itemKey`, message: m.unknownItem }],
      );
      const signature = signatureBytes(req.signaturePng);
      if (signature && signature.length === 0) problems.push({ path: 'signaturePng', message: m.signatureNotPng });
      if (req.complete && !signature) problems.push({ path: 'signaturePng', message: m.signatureRequired });
      if (req.complete && !req.representativeName)
        problems.push({ path: 'representativeName', message: m.representativeRequired });
      if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
      const startedAt = new Date(req.startedAt);
      const visitedOn = vietnamToday(startedAt);
      const fields = {
        status: req.complete ? ('completed' as const) : ('in_progress' as const),
        completed_at: req.complete ? this.now() : null,
        summary: req.summary || null,
        private_note: req.privateNote || null,
        latitude: req.latitude ?? null,
        longitude: req.longitude ?? null,
        representative_name: req.representativeName ?? null,
        representative_title: req.representativeTitle || null,
        signature_png: signature,
        failures: req.findings.filter((f) => f.result === 'fail').length,
      };
      const findingsOf = (id: string, on: string) =>
        req.findings.map((f) => ({
          visit_id: id,
          item_key: f.itemKey,
          result: f.result,
          note: f.note || null,
          legal_basis: f.legalBasis || (f.result === 'fail' ? (items.get(f.itemKey)?.legalBasis ?? null) : null),
          province_code: target.province_code,
          locality_path: target.locality_path,
          visited_on: on,
        }));
      const audit = (id: string) =>
        this.d.access.record(trx, actor, {
          action: existing ? 'edit_visit' : 'record_visit',
          entityType: 'inspection_visit',
          entityId: id,
          localityCode: target.locality_code,
          localityPath: target.locality_path,
          after: { status: fields.status, failures: fields.failures, signed: signature !== null },
        });
      if (!existing) {
        // A new visit: its view is what was just written (no photo, violation or action yet).
        const row = await this.d.repo.insertVisit(trx, {
          ...fields,
          client_key: req.clientKey,
          target_id: target.id,
          plan_id: target.plan_id,
          unit_id: target.unit_id,
          checklist_id: target.checklist_id,
          inspector_user_id: recordedBy(actor),
          visited_on: visitedOn,
          started_at: startedAt,
          organisation_id: target.organisation_id,
          locality_path: target.locality_path,
          province_code: target.province_code,
        });
        const findings = findingsOf(row.id, visitedOn);
        await this.d.repo.insertFindings(trx, findings);
        await audit(row.id);
        const visit: VisitRecord = {
          ...row,
          target_kind: target.kind,
          target_name: target.name,
          target_locality_code: target.locality_code,
          unit_code: target.unit_code,
          unit_name: target.unit_name,
          unit_name_en: target.unit_name_en,
        };
        return { created: true, view: this.present(visit, actor, relation, { checklist, findings }) };
      }
      const locked = await this.d.repo.lockVisit(trx, existing.id);
      if (req.editKey && locked.last_edit_key === req.editKey)
        return { created: false, view: await this.view(trx, actor, existing.id, relation) };
      if (req.baseVersion! < locked.version)
        throw new AppError('CONFLICT', [{ path: 'baseVersion', message: m.changedMeanwhile }]);
      if (existing.status === 'completed')
        throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.completedLocked }]);
      await this.d.repo.updateVisit(trx, existing.id, { ...fields, last_edit_key: req.editKey ?? null });
      await this.d.repo.replaceFindings(trx, existing.id, findingsOf(existing.id, existing.visited_on));
      await audit(existing.id);
      return { created: false, view: await this.view(trx, actor, existing.id, relation) };
    });
  }

  async get(actor: Actor, key: string): Promise<VisitView> {
    const { visit, relation } = await this.d.access.readableVisit(this.d.db, actor, key);
    return this.view(this.d.db, actor, visit.id, relation);
  }

  /**
   * A photo, its type from its bytes; the path's photo key makes a resend store it once. The bytes are
   * written first under their hash, outside the audited transaction (migration 0040), so the audit
   * chain's lock is held only for the small photo row, never while 200 KB reach the disk.
   */
  async attachPhoto(
    actor: Actor,
    key: string,
    photoKey: string,
    body: Buffer,
    contentType: string,
    itemKey?: string,
  ): Promise<{ id: string; url: string }> {
    const m = messages[actor.locale];
    const answer = (id: string) => ({ id, url: `/api/inspections/photos/${id}` });
    const { visit, relation } = await this.d.access.readableVisit(this.d.db, actor, key);
    if (!policy.record(relation)) throw new AppError('FORBIDDEN', [{ path: 'key', message: m.notOnTeam }]);
    const resentTo = async (db: Db) => {
      const resent = await this.d.repo.photoByClientKey(db, photoKey);
      if (resent && resent.visit_id !== visit.id)
        throw new AppError('CONFLICT', [{ path: 'photoKey', message: m.otherPhoto }]);
      return resent?.id;
    };
    const resent = await resentTo(this.d.db);
    if (resent) return answer(resent);
    if (!Buffer.isBuffer(body) || body.length > MAX_PHOTO_BYTES)
      throw new AppError('VALIDATION_FAILED', [{ path: 'body', message: m.photoTooBig }]);
    const type = imageTypeOf(body);
    if (!type || type !== contentType.split(';')[0]!.trim())
      throw new AppError('VALIDATION_FAILED', [{ path: 'body', message: m.photoNotImage }]);
    const sha256 = sha256Of(body);
    await this.d.blobs.put(this.d.db, sha256, body);
    return this.d.db.transaction().execute(async (trx) => {
      // Looked up again inside: a resend that crossed the first on the way answers its row.
      const again = await resentTo(trx);
      if (again) return answer(again);
      const id = await this.d.repo.insertPhoto(trx, {
        client_key: photoKey,
        visit_id: visit.id,
        item_key: itemKey ?? null,
        media_type: type,
        sha256,
        byte_size: body.length,
        created_by: recordedBy(actor),
      });
      await this.d.access.record(trx, actor, {
        action: 'attach_photo',
        entityType: 'inspection_visit',
        entityId: visit.id,
        localityPath: visit.locality_path,
        after: { photoId: id, bytes: body.length, itemKey: itemKey ?? null },
      });
      return answer(id);
    });
  }

  async photo(actor: Actor, id: string): Promise<{ mediaType: string; body: Buffer }> {
    const p = await this.d.repo.photo(this.d.db, id);
    if (!p) throw new AppError('NOT_FOUND');
    await this.d.access.readableVisit(this.d.db, actor, p.visit_id);
    return { mediaType: p.media_type, body: p.body };
  }

  /** The biên bản kiểm tra as a PDF (always Vietnamese: the legal record); printing it is audited. */
  async record(actor: Actor, key: string): Promise<{ filename: string; body: Buffer }> {
    const { visit, relation } = await this.d.access.readableVisit(this.d.db, actor, key);
    const view = await this.view(this.d.db, { ...actor, locale: 'vi' }, visit.id, relation);
    const unit = (await this.d.units.findById(this.d.db, visit.unit_id))!;
    const parent = unit.supervisor_unit_id
      ? await this.d.units.findById(this.d.db, unit.supervisor_unit_id)
      : undefined;
    const province = await this.d.localities.findByCode(this.d.db, unit.province_code);
    const team = await this.d.repo.members(this.d.db, visit.plan_id);
    const body = await renderOfficialPdf(
      inspectionRecordDocument(view, {
        unitName: unit.name,
        parentName: parent?.name ?? null,
        place: province?.name.replace(/^Tỉnh |^Thành phố /, '') ?? '',
        team: team.map((t) => ({ fullName: t.full_name, leader: t.leader })),
        signaturePng: (await this.d.repo.signature(this.d.db, visit.id))?.signature_png ?? null,
      }),
    );
    await this.d.access.record(this.d.db, actor, {
      action: 'print_record',
      entityType: 'inspection_visit',
      entityId: visit.id,
      localityPath: visit.locality_path,
    });
    return { filename: `bien-ban-kiem-tra-${visit.visited_on}.pdf`, body };
  }

  private async view(db: Db, actor: Actor, id: string, relation: PlanRelation): Promise<VisitView> {
    const v = (await this.d.repo.findVisit(db, id)) as VisitRecord;
    return this.present(v, actor, relation, {
      checklist: (await this.d.plans.checklist(db, v.checklist_id))!,
      findings: await this.d.repo.findings(db, v.id),
      photos: await this.d.repo.photosOf(db, v.id),
      actions: await this.d.violations.actionsOfVisit(db, v.id),
      violations: await this.d.violations.violationsOfVisit(db, v.id),
    });
  }

  private present(
    v: VisitRecord,
    actor: Actor,
    relation: PlanRelation,
    o: Pick<Parameters<typeof toVisitView>[1], 'checklist' | 'findings'> &
      Partial<Pick<Parameters<typeof toVisitView>[1], 'photos' | 'actions' | 'violations'>>,
  ): VisitView {
    return toVisitView(v, {
      checklist: o.checklist,
      findings: o.findings,
      photos: o.photos ?? [],
      actions: o.actions ?? [],
      violations: o.violations ?? [],
      showPrivate: policy.readPrivate(relation),
      today: vietnamToday(this.now()),
      locale: actor.locale,
    });
  }

  /**
   * Photo bytes no photo record names: the request failed between the bytes and the audited row,
   * and the phone never sent the photo again. Kept `graceHours` for such a resend to find them.
   */
  async purgeOrphanPhotos(graceHours = 24): Promise<number> {
    const before = new Date(this.now().getTime() - graceHours * 3_600_000);
    let total = 0;
    for (;;) {
      const n = await this.d.blobs.deleteOrphans(this.d.db, before, 500);
      total += n;
      if (n < 500) return total;
    }
  }
}
