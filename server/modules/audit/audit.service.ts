import { auditActionLabel, auditEntityLabel } from '../../../core/audit-vocabulary.ts';
import { AppError } from '../../../core/errors.ts';
import type { Locale } from '../../../core/errors.ts';
import { roleAgency, roles, type Role } from '../../../core/roles.ts';
import type {
  AuditActorView,
  AuditEventView,
  ListAuditActorsQuery,
  ListAuditQuery,
  PersonAccessView,
} from '../../../core/schemas/audit.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetColumn, type SheetExport } from '../../shared/excel.ts';
import { auditPolicy } from './audit.policy.ts';
import type { AuditRepository } from './audit.repository.ts';
import { toAuditView, type AccountName } from './audit.presenter.ts';
import type { ReadableLocalities } from './audit-alerts.service.ts';

/**
 * Accounts by name, as the identity module answers (wired by the composition root: identity is
 * built after the audit log, which every module writes to).
 */
export interface AccountDirectory {
  namesOf(db: Db, ids: readonly string[]): Promise<Map<string, AccountName>>;
  search(db: Db, within: string, q: ListAuditActorsQuery, locale: Locale): Promise<Page<AuditActorView>>;
}

export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditRepository,
    private readonly localities: ReadableLocalities,
    private readonly accounts: AccountDirectory,
  ) {}

  /** The log in words' reach: who by name, where by name (the words of codes are core's). */
  async list(actor: Actor, q: ListAuditQuery): Promise<Page<AuditEventView>> {
    if (!auditPolicy.list(actor)) throw new AppError('FORBIDDEN');
    const within = await this.localities.listScope(actor, q.locality, this.db);
    const rows = await this.audit.list(this.db, within, q);
    const page = toPage(rows, q.limit, (r) => [r.id]);
    const ids = [...new Set(page.items.flatMap((r) => (r.actor_id ? [r.actor_id] : [])))];
    const accounts = await this.accounts.namesOf(this.db, ids);
    return { items: page.items.map((r) => toAuditView(r, accounts, actor.locale)), nextCursor: page.nextCursor };
  }

  /** Accounts of the reader's area by name: the "who did it" filter. */
  async actors(actor: Actor, q: ListAuditActorsQuery): Promise<Page<AuditActorView>> {
    if (!auditPolicy.list(actor)) throw new AppError('FORBIDDEN');
    return this.accounts.search(this.db, actor.scope.path, q, actor.locale);
  }

  /**
   * Which agencies touched a person's data, and when: for the person's own access log, so it never
   * names the official. The caller proves first that the person is asking (phone one-time code).
   */
  async accessesOfPerson(
    personId: string,
    q: { after?: string; limit: number },
    locale: Locale,
  ): Promise<Page<PersonAccessView>> {
    const rows = await this.audit.accessesOf(this.db, personId, q);
    const page = toPage(rows, q.limit, (r) => [r.id]);
    return {
      items: page.items.map((r) => ({
        at: r.at.toISOString(),
        agency: agencyName(r.actor_role, locale === 'vi' ? r.actor_locality_name : r.actor_locality_name_en, locale),
        kind: accessKind(r.action),
        record: recordNames[r.entity_type]?.[locale] ?? r.entity_type,
      })),
      nextCursor: page.nextCursor,
    };
  }

  async exportXlsx(actor: Actor, q: Omit<ListAuditQuery, 'after' | 'limit'>): Promise<SheetExport> {
    if (!auditPolicy.list(actor)) throw new AppError('FORBIDDEN');
    await this.audit.record(this.db, actor, {
      action: 'export',
      entityType: 'audit_event',
      entityId: null,
      localityPath: actor.scope.path,
      after: q,
    });
    return sheetExport({
      filename: 'nhat-ky-truy-cap.xlsx',
      sheetName: actor.locale === 'vi' ? 'Nhật ký' : 'Audit log',
      locale: actor.locale,
      columns: auditColumns(actor.locale),
      pages: await allPages((after) => this.list(actor, { ...q, after, limit: 500 })),
    });
  }
}

const asText = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const auditColumns = (locale: Locale): SheetColumn<AuditEventView>[] => [
  { header: { vi: 'Thời điểm', en: 'Time' }, width: 22, value: (e) => new Date(e.at) },
  {
    header: { vi: 'Người thực hiện', en: 'Actor' },
    width: 26,
    value: (e) => actorText(e, locale),
  },
  { header: { vi: 'Tài khoản', en: 'Username' }, width: 16, value: (e) => e.actorName },
  { header: { vi: 'Hành động', en: 'Action' }, width: 28, value: (e) => auditActionLabel(e.action, locale) },
  { header: { vi: 'Đối tượng', en: 'Record' }, width: 24, value: (e) => auditEntityLabel(e.entityType, locale) },
  { header: { vi: 'Mã hồ sơ', en: 'Record id' }, width: 38, value: (e) => e.entityId },
  { header: { vi: 'Địa bàn', en: 'Locality' }, width: 24, value: (e) => e.localityName ?? e.localityCode },
  { header: { vi: 'Trước', en: 'Before' }, width: 40, value: (e) => asText(e.before) },
  { header: { vi: 'Sau', en: 'After' }, width: 40, value: (e) => asText(e.after) },
  { header: { vi: 'IP', en: 'IP' }, width: 16, value: (e) => e.ip },
];

function actorText(e: AuditEventView, locale: Locale): string {
  if (e.actorFullName)
    return isRole(e.actorRole) ? `${e.actorFullName} (${roleAgency[e.actorRole][locale]})` : e.actorFullName;
  if (e.actorRole === 'citizen') return locale === 'vi' ? 'Công dân' : 'Citizen';
  return e.actorName ?? (locale === 'vi' ? 'Hệ thống' : 'The system');
}

const isRole = (r: string | null): r is Role => r !== null && (roles as readonly string[]).includes(r);

function agencyName(role: string | null, localityName: string | null, locale: Locale): string {
  if (!isRole(role)) return locale === 'vi' ? 'Hệ thống (xử lý tự động)' : 'The system (automatic processing)';
  return localityName ? `${roleAgency[role][locale]} — ${localityName}` : roleAgency[role][locale];
}

function accessKind(action: string): PersonAccessView['kind'] {
  if (action === 'read_list' || action === 'search') return 'list';
  if (action === 'export') return 'export';
  if (action === 'read' || action.startsWith('read_') || action.startsWith('print_')) return 'read';
  return 'change';
}

/** What kind of record an event was about, as the person is told. */
const recordNames: Record<string, Record<Locale, string>> = {
  person: { vi: 'Thông tin cá nhân', en: 'Personal details' },
  case: { vi: 'Hồ sơ ca bệnh', en: 'Case record' },
  contact: { vi: 'Thông tin tiếp xúc gần', en: 'Contact tracing record' },
  quarantine_admission: { vi: 'Hồ sơ cách ly', en: 'Quarantine record' },
  treatment_stay: { vi: 'Hồ sơ điều trị', en: 'Treatment record' },
  health_declaration: { vi: 'Tờ khai y tế', en: 'Health declaration' },
  arrival: { vi: 'Khai báo di chuyển, lưu trú', en: 'Arrival or residence declaration' },
  test_order: { vi: 'Chỉ định xét nghiệm', en: 'Test order' },
  sample: { vi: 'Mẫu và kết quả xét nghiệm', en: 'Sample and test result' },
  case_proposal: { vi: 'Đề xuất ca bệnh từ kết quả xét nghiệm', en: 'Case proposal from a test result' },
  checkin: { vi: 'Lịch sử quét mã', en: 'Check-in history' },
  work_list: { vi: 'Danh sách việc cần làm của cán bộ', en: "Officials' work list" },
};
