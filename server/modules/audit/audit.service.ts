import { AppError } from '../../../core/errors.ts';
import type { AuditEventView, ListAuditQuery } from '../../../core/schemas/audit.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { Db } from '../../db/database.ts';
import type { AuditEventRow } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, streamXlsx, type SheetColumn, type XlsxExport } from '../../shared/excel.ts';
import { auditPolicy } from './audit.policy.ts';
import type { AuditRepository } from './audit.repository.ts';

export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditRepository,
  ) {}

  async list(actor: Actor, q: ListAuditQuery): Promise<Page<AuditEventView>> {
    if (!auditPolicy.list(actor)) throw new AppError('FORBIDDEN');
    const rows = await this.audit.list(this.db, actor.scope.path, q);
    const page = toPage(rows, q.limit, (r) => [r.id]);
    return { items: page.items.map(toAuditView), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListAuditQuery, 'after' | 'limit'>): Promise<XlsxExport> {
    if (!auditPolicy.list(actor)) throw new AppError('FORBIDDEN');
    return streamXlsx({
      filename: 'nhat-ky-truy-cap.xlsx',
      sheetName: actor.locale === 'vi' ? 'Nhật ký' : 'Audit log',
      locale: actor.locale,
      columns: auditColumns,
      pages: await allPages((after) => this.list(actor, { ...q, after, limit: 500 })),
    });
  }
}

const asText = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const auditColumns: SheetColumn<AuditEventView>[] = [
  { header: { vi: 'Thời điểm', en: 'Time' }, width: 22, value: (e) => new Date(e.at) },
  { header: { vi: 'Người thực hiện', en: 'Actor' }, width: 18, value: (e) => e.actorName },
  { header: { vi: 'Thao tác', en: 'Action' }, width: 16, value: (e) => e.action },
  { header: { vi: 'Đối tượng', en: 'Entity' }, width: 12, value: (e) => e.entityType },
  { header: { vi: 'Mã đối tượng', en: 'Entity id' }, width: 38, value: (e) => e.entityId },
  { header: { vi: 'Đơn vị', en: 'Locality' }, width: 10, value: (e) => e.localityCode },
  { header: { vi: 'Trước', en: 'Before' }, width: 40, value: (e) => asText(e.before) },
  { header: { vi: 'Sau', en: 'After' }, width: 40, value: (e) => asText(e.after) },
  { header: { vi: 'IP', en: 'IP' }, width: 16, value: (e) => e.ip },
];

export function toAuditView(r: AuditEventRow): AuditEventView {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    localityCode: r.locality_code,
    before: r.before ?? null,
    after: r.after ?? null,
    ip: r.ip,
  };
}
