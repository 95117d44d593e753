import { AppError } from '../../../core/errors.ts';
import {
  type BreachView,
  type CreateBreachRequest,
  type ListBreachesQuery,
  type UpdateBreachRequest,
} from '../../../core/schemas/breaches.ts';
import type { Page } from '../../../core/schemas/common.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { Updateable } from 'kysely';
import type { DataBreachesTable } from '../../db/schema-audit.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import { renderOfficialPdf } from '../../shared/official-document.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { breachNotification } from './breach-notification.ts';
import { breachColumns } from './breaches.export.ts';
import { breachMessages as m } from './breaches.messages.ts';
import { breachesPolicy } from './breaches.policy.ts';
import type { BreachesRepository, BreachRecord } from './breaches.repository.ts';
import { toBreachView } from './breaches.presenter.ts';

/**
 * The personal-data breach register (Law 91/2025, Decree 356/2025): an administrator records a
 * breach, follows the 72 hours from its detection, and prints the notification to the authority.
 * Every change and every printed notification is in the audit log.
 */
export class BreachesService {
  constructor(
    private readonly db: Db,
    private readonly breaches: BreachesRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  async list(actor: Actor, q: ListBreachesQuery, now = new Date()): Promise<Page<BreachView>> {
    return this.page(await this.scopeOf(actor, q.locality), q, now);
  }

  private async page(within: string, q: ListBreachesQuery, now: Date): Promise<Page<BreachView>> {
    const rows = await this.breaches.list(this.db, { ...q, within });
    const page = toPage(rows, q.limit, (r) => [r.detected_key, r.id]);
    return { items: page.items.map((r) => toBreachView(r, now)), nextCursor: page.nextCursor };
  }

  async exportXlsx(
    actor: Actor,
    q: Omit<ListBreachesQuery, 'after' | 'limit'>,
    now = new Date(),
  ): Promise<SheetExport> {
    const within = await this.scopeOf(actor, q.locality);
    await this.audit.record(this.db, actor, {
      action: 'export',
      entityType: 'data_breach',
      entityId: null,
      localityPath: within,
      after: q,
    });
    return sheetExport({
      filename: 'vi-pham-du-lieu-ca-nhan.xlsx',
      sheetName: actor.locale === 'vi' ? 'Vi phạm dữ liệu cá nhân' : 'Personal-data breaches',
      locale: actor.locale,
      columns: breachColumns(actor.locale),
      pages: await allPages((after) => this.page(within, { ...q, after, limit: 500 }, now)),
    });
  }

  async get(actor: Actor, id: string, now = new Date()): Promise<BreachView> {
    return toBreachView(await this.manageableOrThrow(actor, id, this.db), now);
  }

  /** Recorded in the administrator's own area; the same client key again answers with the first record. */
  async create(actor: Actor, req: CreateBreachRequest, now = new Date()): Promise<BreachView> {
    if (!breachesPolicy.list(actor)) throw new AppError('FORBIDDEN');
    const earlier = await this.breaches.findByClientKey(this.db, req.clientKey);
    if (earlier) return toBreachView(await this.manageableOrThrow(actor, earlier.id, this.db), now);
    const place = await this.localities.findReadableOrThrow(actor, actor.scope.code, this.db);
    const id = await this.db.transaction().execute(async (trx) => {
      const inserted = await this.breaches.insert(trx, {
        client_key: req.clientKey,
        locality_code: place.code,
        locality_path: place.path,
        recorded_by: actor.userId,
        ...insertColumns(req),
      });
      if (inserted)
        await this.audit.record(trx, actor, {
          action: 'create',
          entityType: 'data_breach',
          entityId: inserted,
          localityCode: place.code,
          localityPath: place.path,
          after: req,
        });
      return inserted;
    });
    // A twin request committed first: answer with its record.
    return toBreachView(
      await this.manageableOrThrow(
        actor,
        id ?? (await this.breaches.findByClientKey(this.db, req.clientKey))!.id,
        this.db,
      ),
      now,
    );
  }

  async update(actor: Actor, id: string, req: UpdateBreachRequest, now = new Date()): Promise<BreachView> {
    await this.db.transaction().execute(async (trx) => {
      await this.manageableOrThrow(actor, id, trx);
      await this.breaches.lock(trx, id);
      const b = (await this.breaches.findById(trx, id))!;
      const changes = changedColumns(req);
      const detectedAt = req.detectedAt ? new Date(req.detectedAt) : b.detected_at;
      const occurredAt = req.occurredAt ? new Date(req.occurredAt) : b.occurred_at;
      if (occurredAt && occurredAt > detectedAt)
        throw new AppError('VALIDATION_FAILED', [
          { path: 'occurredAt', message: m.occurredAfterDetection[actor.locale] },
        ]);
      if (req.status && req.status !== b.status) {
        if (req.status === 'open')
          throw new AppError('CONFLICT', [{ path: 'status', message: m.reopen[actor.locale] }]);
        if (req.status === 'closed' && !b.notified_at && !req.notifiedAt)
          throw new AppError('CONFLICT', [{ path: 'status', message: m.notNotified[actor.locale] }]);
        changes.status = req.status;
      }
      if ((changes.status ?? b.status) !== 'open') {
        const notifiedAt = req.notifiedAt ? new Date(req.notifiedAt) : (b.notified_at ?? now);
        if (notifiedAt < detectedAt)
          throw new AppError('VALIDATION_FAILED', [
            { path: 'notifiedAt', message: m.notifiedBeforeDetection[actor.locale] },
          ]);
        changes.notified_at = notifiedAt;
      }
      await this.breaches.update(trx, id, changes);
      await this.audit.record(trx, actor, {
        action: 'update',
        entityType: 'data_breach',
        entityId: id,
        localityCode: b.locality_code,
        localityPath: b.locality_path,
        before: { status: b.status, notifiedAt: b.notified_at },
        after: req,
      });
    });
    return this.get(actor, id, now);
  }

  /** The notification to the authority, dated the day it was sent (today while it has not been). */
  async notificationPdf(actor: Actor, id: string, now = new Date()): Promise<{ filename: string; body: Buffer }> {
    const b = await this.manageableOrThrow(actor, id, this.db);
    await this.audit.record(this.db, actor, {
      action: 'print_notification',
      entityType: 'data_breach',
      entityId: b.id,
      localityCode: b.locality_code,
      localityPath: b.locality_path,
    });
    const body = await renderOfficialPdf(breachNotification(b, vietnamToday(b.notified_at ?? now), now));
    return { filename: `thong-bao-vi-pham-du-lieu-ca-nhan-${b.serial}.pdf`, body };
  }

  private async scopeOf(actor: Actor, locality: string | undefined): Promise<string> {
    if (!breachesPolicy.list(actor)) throw new AppError('FORBIDDEN');
    return locality ? (await this.localities.findReadableOrThrow(actor, locality, this.db)).path : actor.scope.path;
  }

  private async manageableOrThrow(actor: Actor, id: string, db: Db): Promise<BreachRecord> {
    if (!breachesPolicy.list(actor)) throw new AppError('FORBIDDEN');
    const b = await this.breaches.findById(db, id);
    if (!b || !breachesPolicy.manage(actor, b)) throw new AppError('NOT_FOUND');
    return b;
  }
}

const date = (v: string | undefined) => (v === undefined ? undefined : new Date(v));

/** The stored columns of a new breach. */
function insertColumns(req: CreateBreachRequest) {
  return {
    detected_at: new Date(req.detectedAt),
    occurred_at: date(req.occurredAt) ?? null,
    nature: req.nature,
    data_categories: req.dataCategories,
    people_affected: req.peopleAffected ?? null,
    records_affected: req.recordsAffected ?? null,
    consequences: req.consequences,
    measures_taken: req.measuresTaken,
    measures_proposed: req.measuresProposed,
    contact_name: req.contactName,
    contact_title: req.contactTitle,
    contact_phone: req.contactPhone,
    contact_email: req.contactEmail ?? null,
    signer_name: req.signerName ?? null,
    late_reason: req.lateReason ?? null,
  };
}

/** The stored columns of the fields an update carries; absent fields are left alone. */
function changedColumns(req: UpdateBreachRequest): Updateable<DataBreachesTable> {
  const columns: Updateable<DataBreachesTable> = {
    detected_at: date(req.detectedAt),
    occurred_at: date(req.occurredAt),
    nature: req.nature,
    data_categories: req.dataCategories,
    people_affected: req.peopleAffected,
    records_affected: req.recordsAffected,
    consequences: req.consequences,
    measures_taken: req.measuresTaken,
    measures_proposed: req.measuresProposed,
    contact_name: req.contactName,
    contact_title: req.contactTitle,
    contact_phone: req.contactPhone,
    contact_email: req.contactEmail,
    signer_name: req.signerName,
    late_reason: req.lateReason,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}
