import { AppError } from '../../../core/errors.ts';
import type { Page } from '../../../core/schemas/common.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { AdmissionRow, ListAdmissionsQuery } from '../../../core/schemas/quarantine.ts';
import type { Db } from '../../db/database.ts';
import { boundFacilities, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import { renderOfficialPdf } from '../../shared/official-document.ts';
import { quarantineCertificate, quarantineDecision } from './quarantine-documents.ts';
import { admissionColumns } from './quarantine.export.ts';
import { quarantinePolicy } from './quarantine.policy.ts';
import type { AdmissionRecord } from './quarantine.repository.ts';
import { toAdmissionRow } from './quarantine.presenter.ts';
import { readableAdmissionOrThrow } from './quarantine-access.ts';
import type { QuarantineDeps } from './quarantine.service.ts';

/** The quarantine register: its lists, the export, who has not reported today, and the official documents of a stay. */
export class QuarantineRegisterService {
  constructor(private readonly d: QuarantineDeps) {}

  private readableOrThrow(actor: Actor, id: string, db: Db): Promise<AdmissionRecord> {
    return readableAdmissionOrThrow(this.d.quarantine, db, actor, id);
  }

  async list(actor: Actor, q: ListAdmissionsQuery): Promise<Page<AdmissionRow>> {
    const within = await this.areaOf(actor, q.locality);
    const page = await this.page(actor, within, q);
    await this.d.audit.record(this.d.db, actor, {
      action: 'read_list',
      entityType: 'quarantine_admission',
      entityId: null,
      localityPath: within,
      subjectIds: page.items.map((a) => a.personId),
    });
    return page;
  }

  /** The register as one logged export, however many pages it streams. */
  async exportXlsx(actor: Actor, q: Omit<ListAdmissionsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const within = await this.areaOf(actor, q.locality);
    const log = await this.d.audit.exportLog(
      this.d.db,
      actor,
      { entityType: 'quarantine_admission', entityId: null, localityPath: within },
      (a: AdmissionRow) => a.personId,
    );
    return sheetExport({
      filename: 'cach-ly.xlsx',
      sheetName: actor.locale === 'vi' ? 'Cách ly' : 'Quarantine',
      locale: actor.locale,
      columns: admissionColumns(actor.locale),
      pages: await allPages((after) => this.page(actor, within, { ...q, after, limit: 500 }), log),
    });
  }

  private async areaOf(actor: Actor, locality: string | undefined): Promise<string> {
    if (!quarantinePolicy.list(actor)) throw new AppError('FORBIDDEN');
    return locality ? (await this.d.localities.findReadableOrThrow(actor, locality, this.d.db)).path : actor.scope.path;
  }

  private async page(actor: Actor, within: string, q: ListAdmissionsQuery): Promise<Page<AdmissionRow>> {
    const rows = await this.d.quarantine.list(this.d.db, { ...q, within, facilityIds: boundFacilities(actor) });
    const page = toPage(rows, q.limit, (r) => [r.ends_on, r.id]);
    return { items: page.items.map(toAdmissionRow), nextCursor: page.nextCursor };
  }

  async missingReports(
    actor: Actor,
    q: { locality?: string; date?: string; after?: string; limit: number },
    now = new Date(),
  ): Promise<Page<AdmissionRow>> {
    const within = await this.areaOf(actor, q.locality);
    const rows = await this.d.quarantine.missingReports(this.d.db, {
      within,
      facilityIds: boundFacilities(actor),
      day: q.date ?? vietnamToday(now),
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.ends_on, r.id]);
    await this.d.audit.record(this.d.db, actor, {
      action: 'read_list',
      entityType: 'quarantine_admission',
      entityId: null,
      localityPath: within,
      after: { view: 'missing_reports' },
      subjectIds: page.items.map((a) => a.person_id),
    });
    return { items: page.items.map(toAdmissionRow), nextCursor: page.nextCursor };
  }

  async decisionPdf(actor: Actor, id: string): Promise<{ filename: string; body: Buffer }> {
    const a = await this.readableOrThrow(actor, id, this.d.db);
    await this.d.audit.record(this.d.db, actor, {
      action: 'print_decision',
      entityType: 'quarantine_admission',
      entityId: a.id,
      localityPath: a.locality_path,
      subjectIds: [a.person_id],
    });
    return {
      filename: `quyet-dinh-cach-ly-${a.id.slice(0, 8)}.pdf`,
      body: await renderOfficialPdf(quarantineDecision(a, a.starts_on)),
    };
  }

  /** Only a completed release has a certificate: an early release or an open stay answers CERTIFICATE_NOT_AVAILABLE. */
  async certificatePdf(actor: Actor, id: string): Promise<{ filename: string; body: Buffer }> {
    const a = await this.readableOrThrow(actor, id, this.d.db);
    if (a.status !== 'released' || a.release_kind !== 'completed') throw new AppError('CERTIFICATE_NOT_AVAILABLE');
    await this.d.audit.record(this.d.db, actor, {
      action: 'print_certificate',
      entityType: 'quarantine_admission',
      entityId: a.id,
      localityPath: a.locality_path,
      subjectIds: [a.person_id],
    });
    return {
      filename: `giay-xac-nhan-cach-ly-${a.id.slice(0, 8)}.pdf`,
      body: await renderOfficialPdf(quarantineCertificate(a, a.released_on!)),
    };
  }
}
