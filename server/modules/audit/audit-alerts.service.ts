import { AppError, type Locale } from '../../../core/errors.ts';
import type { AuditAlertKind, AuditAlertView, ListAuditAlertsQuery } from '../../../core/schemas/audit.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetColumn, type SheetExport } from '../../shared/excel.ts';
import type { AuditAlertsRepository } from './audit-alerts.repository.ts';
import { auditPolicy } from './audit.policy.ts';
import type { AuditRepository } from './audit.repository.ts';
import { toAlertView } from './audit.presenter.ts';

/** The localities lookup alerts are scoped with (the localities module's service answers it). */
export interface ReadableLocalities {
  findReadableOrThrow(actor: Actor, code: string, db: Db): Promise<{ path: string }>;
  listScope(actor: Actor, locality: string | undefined, db: Db): Promise<string>;
}

/** Alerts of the audit view: every export, and accounts reading unusually many people (raised by a job). */
export class AuditAlertsService {
  constructor(
    private readonly db: Db,
    private readonly alerts: AuditAlertsRepository,
    private readonly audit: AuditRepository,
    private readonly localities: ReadableLocalities,
    private readonly limits: Config['audit'],
  ) {}

  async list(actor: Actor, q: ListAuditAlertsQuery): Promise<Page<AuditAlertView>> {
    const within = await this.scopeOf(actor, q.locality);
    return this.page(within, q);
  }

  private async page(within: string, q: ListAuditAlertsQuery): Promise<Page<AuditAlertView>> {
    const rows = await this.alerts.list(this.db, { ...q, within });
    const page = toPage(rows, q.limit, (r) => [r.at_key, r.source, r.id]);
    return { items: page.items.map(toAlertView), nextCursor: page.nextCursor };
  }

  /** The alerts as a sheet; exporting them is itself an export, and shows up in them. */
  async exportXlsx(actor: Actor, q: Omit<ListAuditAlertsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const within = await this.scopeOf(actor, q.locality);
    await this.audit.record(this.db, actor, {
      action: 'export',
      entityType: 'audit_alert',
      entityId: null,
      localityPath: within,
      after: q,
    });
    return sheetExport({
      filename: 'canh-bao-truy-cap.xlsx',
      sheetName: actor.locale === 'vi' ? 'Cảnh báo' : 'Alerts',
      locale: actor.locale,
      columns: alertColumns(actor.locale),
      pages: await allPages((after) => this.page(within, { ...q, after, limit: 500 })),
    });
  }

  /** The job: volume alerts for the reads of the last hour and day, with the configured limits. */
  async raiseVolumeAlerts(now = new Date()): Promise<number> {
    return this.alerts.raiseVolumeAlerts(this.db, {
      now,
      perHour: this.limits.alertPeoplePerHour,
      perDay: this.limits.alertPeoplePerDay,
      baselineFactor: this.limits.alertBaselineFactor,
      baselineFloor: this.limits.alertBaselineFloor,
    });
  }

  private async scopeOf(actor: Actor, locality: string | undefined): Promise<string> {
    if (!auditPolicy.alerts(actor)) throw new AppError('FORBIDDEN');
    return locality ? (await this.localities.findReadableOrThrow(actor, locality, this.db)).path : actor.scope.path;
  }
}

const kindNames: Record<AuditAlertKind, Record<Locale, string>> = {
  export: { vi: 'Xuất dữ liệu', en: 'Export' },
  people_per_hour: { vi: 'Đọc nhiều người trong 1 giờ', en: 'Many people read in an hour' },
  people_per_day: { vi: 'Đọc nhiều người trong 1 ngày', en: 'Many people read in a day' },
  above_baseline: { vi: 'Vượt xa mức thường ngày của tài khoản', en: "Far above the account's usual" },
};

function alertColumns(locale: Locale): SheetColumn<AuditAlertView>[] {
  return [
    { header: { vi: 'Thời điểm', en: 'Time' }, width: 22, value: (a) => new Date(a.at) },
    { header: { vi: 'Loại cảnh báo', en: 'Alert' }, width: 32, value: (a) => kindNames[a.kind][locale] },
    { header: { vi: 'Tài khoản', en: 'Account' }, width: 18, value: (a) => a.actorName },
    { header: { vi: 'Vai trò', en: 'Role' }, width: 18, value: (a) => a.actorRole },
    { header: { vi: 'Dữ liệu xuất', en: 'Exported' }, width: 20, value: (a) => a.entityType },
    { header: { vi: 'Số người', en: 'People' }, width: 10, value: (a) => a.people },
    { header: { vi: 'Ngưỡng', en: 'Limit' }, width: 10, value: (a) => a.threshold },
    {
      header: { vi: 'Trung bình ngày (30 ngày)', en: 'Daily average (30 days)' },
      width: 14,
      value: (a) => (a.baseline === null ? null : Math.round(a.baseline * 10) / 10),
    },
  ];
}
