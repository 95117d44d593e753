import { symptomCodes, type SymptomCode } from '../../../core/declaration-codes.ts';
import { AppError, type Locale } from '../../../core/errors.ts';
import type {
  ListPendingExposureQuery,
  MySelfReportView,
  PendingExposureView,
  SelfReportRequest,
  SelfReportResult,
} from '../../../core/schemas/exposure.ts';
import type { Page } from '../../../core/schemas/common.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import { pendingColumns } from './exposure.export.ts';
import { selfReportRequest } from '../../../core/schemas/exposure.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import { imageTypeOf } from '../inspections/visits.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { citizenActor, type CitizenMeta, type CitizenSessionsService } from '../people/citizen-sessions.service.ts';
import { exposureMessages as messages } from './exposure.messages.ts';
import { exposurePolicy } from './exposure.policy.ts';
import type { ExposureRepository } from './exposure.repository.ts';
import type { ExposureService } from './exposure.service.ts';

const isSymptomCode = (c: string): c is SymptomCode => (symptomCodes as readonly string[]).includes(c);

/** A test photo is evidence for the commune, not an archive: 2 MB is a phone photo at reading quality. */
export const MAX_SELF_REPORT_PHOTO_BYTES = 2 * 1024 * 1024;

export interface TodaySelfReportRow {
  id: string;
  label: string;
  dueOn: string;
  personId: string;
  total: number;
}

/**
 * Self-reports (issue 20): a citizen reports symptoms or a positive rapid test with consent, from
 * their phone's session; it reaches the commune's today's work. A positive reporter may publish their
 * phone's check-ins at once, as pending entries an official later confirms or withdraws.
 */
export class SelfReportsService {
  constructor(
    private readonly db: Db,
    private readonly repo: ExposureRepository,
    private readonly sessions: CitizenSessionsService,
    private readonly localities: LocalitiesService,
    private readonly exposure: ExposureService,
    private readonly audit: AuditTrailService,
  ) {}

  async submit(token: string | null, input: SelfReportRequest, meta: CitizenMeta): Promise<SelfReportResult> {
    const holder = await this.sessions.holderOrThrow(token, meta.locale);
    // The route's schema has checked it; parsed again so the defaults are applied whatever the caller.
    const req = selfReportRequest.parse(input);
    const commune = await this.localities.findByCode(this.db, req.communeCode);
    if (!commune || commune.level !== 'commune')
      throw new AppError('VALIDATION_FAILED', [{ path: 'communeCode', message: messages[meta.locale].notCommune }]);
    return this.db.transaction().execute(async (trx) => {
      const id = await this.repo.insertSelfReport(trx, {
        personId: holder.personId,
        clientKey: req.clientKey,
        kind: req.kind,
        symptoms: req.symptoms,
        onsetDate: req.onsetDate ?? null,
        testDate: req.testDate ?? null,
        note: req.note || null,
        consentAt: new Date(),
        communeCode: commune.code,
        localityPath: commune.path,
      });
      if (id === undefined) {
        // A resend after a lost answer: the first answer again, nothing recorded twice.
        const first = await this.repo.findByClientKey(trx, req.clientKey, holder.personId);
        if (!first) throw new AppError('CONFLICT', [{ path: 'clientKey', message: messages[meta.locale].keyUsed }]);
        return { id: first.id, publishedEntries: first.published_entries };
      }
      // Only a positive test publishes: symptoms alone are not a case.
      const publish = req.kind === 'positive_test' ? req.publish : [];
      const published = await this.exposure.publishSelfReported(
        trx,
        { id, provinceCode: commune.path.split('/')[1] ?? '' },
        publish,
      );
      if (published) await this.repo.setPublishedEntries(trx, id, published);
      await this.audit.record(trx, citizenActor(meta), {
        action: 'self_report',
        entityType: 'self_report',
        entityId: id,
        localityCode: commune.code,
        localityPath: commune.path,
        subjectIds: [holder.personId],
        after: { kind: req.kind, publishedEntries: published },
      });
      return { id, publishedEntries: published };
    });
  }

  /**
   * The citizen's own reports, for their "my data" page: one person's reports are few, so the latest
   * 50 are answered whole. Their own read, with their own session: not an agency's access to log.
   */
  async mine(token: string | null, locale: Locale): Promise<{ items: MySelfReportView[] }> {
    const holder = await this.sessions.holderOrThrow(token, locale);
    const rows = await this.repo.selfReportsOf(this.db, holder.personId, 50);
    return {
      items: rows.map((r) => ({
        id: r.id,
        createdAt: r.created_at.toISOString(),
        kind: r.kind,
        symptoms: r.symptoms.filter(isSymptomCode),
        testDate: r.test_date === null ? null : String(r.test_date),
        hasPhoto: r.has_photo,
        publishedEntries: r.published_entries,
        exposureDecision: r.exposure_decision,
        status: r.status,
      })),
    };
  }

  /** The photo of the test: the bytes must be an image (never the client's word alone) and small enough. */
  async attachPhoto(token: string | null, id: string, body: Buffer, locale: Locale): Promise<{ ok: true }> {
    const holder = await this.sessions.holderOrThrow(token, locale);
    if (body.length > MAX_SELF_REPORT_PHOTO_BYTES)
      throw new AppError('PAYLOAD_TOO_LARGE', [
        { path: 'photo', message: messages[locale].tooBig(MAX_SELF_REPORT_PHOTO_BYTES / 1024 / 1024) },
      ]);
    const type = imageTypeOf(body);
    if (!type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', [{ path: 'photo', message: messages[locale].notImage }]);
    // Another person's report answers as a missing one.
    if (!(await this.repo.setPhoto(this.db, id, holder.personId, body, type))) throw new AppError('NOT_FOUND');
    return { ok: true };
  }

  async handle(actor: Actor, id: string, req: { exposure?: 'confirm' | 'withdraw' }) {
    return this.db.transaction().execute(async (trx) => {
      const r = await this.repo.findSelfReport(trx, id);
      if (!r || !exposurePolicy.handle(actor, r)) throw new AppError('NOT_FOUND');
      if (r.status === 'handled')
        throw new AppError('CONFLICT', [{ path: 'status', message: messages[actor.locale].alreadyHandled }]);
      const decision: 'confirmed' | 'withdrawn' | null =
        req.exposure === 'confirm' ? 'confirmed' : req.exposure === 'withdraw' ? 'withdrawn' : null;
      await this.repo.handle(trx, id, recordedBy(actor), r.published_entries ? decision : null);
      await this.audit.record(trx, actor, {
        action: 'handle_self_report',
        entityType: 'self_report',
        entityId: id,
        localityCode: r.commune_code,
        localityPath: r.locality_path,
        subjectIds: [r.person_id],
        after: { exposure: decision },
      });
      if (decision && r.published_entries) this.exposure.feedsChanged();
      return {
        id,
        kind: r.kind,
        status: 'handled' as const,
        publishedEntries: r.published_entries,
        exposureDecision: r.published_entries ? decision : null,
      };
    });
  }

  async photo(actor: Actor, id: string): Promise<{ body: Buffer; type: string }> {
    const r = await this.repo.findSelfReport(this.db, id);
    if (!r || !exposurePolicy.handle(actor, r)) throw new AppError('NOT_FOUND');
    const p = await this.repo.photo(this.db, id);
    if (!p?.photo || !p.photo_type) throw new AppError('NOT_FOUND');
    await this.audit.record(this.db, actor, {
      action: 'read',
      entityType: 'self_report',
      entityId: id,
      localityCode: r.commune_code,
      localityPath: r.locality_path,
      subjectIds: [r.person_id],
    });
    return { body: p.photo, type: p.photo_type };
  }

  /**
   * Self-reports whose published entries are pending in the feed, oldest first: the official
   * confirms or withdraws them (`handle`). Names are shown, so the read is logged.
   */
  async pending(actor: Actor, q: ListPendingExposureQuery): Promise<Page<PendingExposureView>> {
    const within = await this.pendingArea(actor, q.locality);
    const page = await this.pendingPage(within, q);
    if (page.items.length)
      await this.audit.record(this.db, actor, {
        action: 'read_list',
        entityType: 'self_report',
        entityId: null,
        localityPath: within,
        subjectIds: [...new Set(page.items.map((i) => i.personId))],
        after: { pendingExposure: page.items.length },
      });
    return { items: page.items.map(({ personId: _, ...v }) => v), nextCursor: page.nextCursor };
  }

  async exportPending(actor: Actor, q: Omit<ListPendingExposureQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const within = await this.pendingArea(actor, q.locality);
    return sheetExport({
      filename: `tu-bao-cho-xac-nhan-${vietnamToday()}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Tự báo chờ xác nhận' : 'Pending self-reports',
      locale: actor.locale,
      columns: pendingColumns(actor.locale),
      pages: await allPages((after) => this.pendingPage(within, { ...q, after, limit: 500 })),
    });
  }

  private async pendingArea(actor: Actor, locality: string | undefined): Promise<string> {
    if (!exposurePolicy.pending(actor)) throw new AppError('FORBIDDEN');
    return this.localities.listScope(actor, locality, this.db);
  }

  private async pendingPage(
    within: string,
    q: { after?: string; limit: number },
  ): Promise<Page<PendingExposureView & { personId: string }>> {
    const rows = await this.repo.listPending(this.db, { within, after: q.after, limit: q.limit });
    const page = toPage(rows, q.limit, (r) => [r.created_key, r.id]);
    return {
      items: page.items.map((r) => ({
        id: r.id,
        createdAt: r.created_at.toISOString(),
        kind: r.kind,
        testDate: r.test_date === null ? null : String(r.test_date),
        fullName: r.full_name,
        communeCode: r.commune_code,
        pendingEntries: Number(r.pending),
        firstFrom: r.first_from ? new Date(r.first_from).toISOString() : null,
        lastTo: r.last_to ? new Date(r.last_to).toISOString() : null,
        hasPhoto: r.photo_type !== null,
        personId: r.person_id,
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** Open self-reports of an area, oldest first, for today's work (the today module labels and logs them). */
  async forToday(path: string, limit: number, locale: Locale): Promise<TodaySelfReportRow[]> {
    const rows = await this.repo.openSelfReports(this.db, path, limit);
    return rows.map((r) => ({
      id: r.id,
      label: `${r.full_name} · ${r.kind === 'positive_test' ? messages[locale].positive : messages[locale].symptoms}`,
      dueOn: r.created_at.toISOString().slice(0, 10),
      personId: r.person_id,
      total: Number(r.total),
    }));
  }
}
