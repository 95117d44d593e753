import { AppError } from '../../../core/errors.ts';
import { riskGroups } from '../../../core/schemas/assessment-template.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  GroupCounts,
  OrganisationMapCommune,
  OrganisationMapQuery,
  OrganisationMapView,
  PublicationRequest,
  SafeOrganisationsQuery,
  SafeOrganisationView,
} from '../../../core/schemas/organisation-map.ts';
import type { OrganisationView } from '../../../core/schemas/organisations.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { sheetExport, type SheetColumn, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { OrganisationMapRepository } from './organisation-map.repository.ts';
import { organisationsPolicy as policy } from './organisations.policy.ts';
import { toOrganisationView } from './organisations.presenter.ts';
import type { OrganisationsRepository } from './organisations.repository.ts';

const noCounts = (): GroupCounts => ({ very_low: 0, low: 0, medium: 0, high: 0, very_high: 0, none: 0 });
const day = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * The safety map (issue 15): officials see an area's approved organisations by group per commune,
 * with the list's filters; an organisation chooses to publish its valid low-risk status, and the
 * public list shows those, never a person.
 */
export class OrganisationMapService {
  constructor(
    private readonly db: Db,
    private readonly organisations: OrganisationsRepository,
    private readonly repo: OrganisationMapRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  async map(actor: Actor, q: OrganisationMapQuery, now = new Date()): Promise<OrganisationMapView> {
    if (!policy.readMap(actor)) throw new AppError('FORBIDDEN');
    const within = await this.localities.listScope(actor, q.locality, this.db);
    const today = vietnamToday(now);
    const rows = await this.repo.byCommuneAndGroup(this.db, {
      withinPath: within,
      type: q.type,
      sector: q.sector,
      group: q.group,
      overdueOn: q.overdue ? today : undefined,
      today,
    });
    const names = await this.localities.placeNames(
      this.db,
      rows.map((r) => r.commune_code),
      actor.locale,
    );
    const communes = new Map<string, OrganisationMapCommune>();
    const totals = { total: 0, byGroup: noCounts(), overdue: 0, mayNotOperate: 0 };
    for (const r of rows) {
      let c = communes.get(r.commune_code);
      if (!c) {
        c = {
          code: r.commune_code,
          name: names.get(r.commune_code) ?? r.full_name,
          lat: r.centroid_lat,
          lon: r.centroid_lon,
          total: 0,
          byGroup: noCounts(),
          overdue: 0,
          mayNotOperate: 0,
        };
        communes.set(r.commune_code, c);
      }
      const g = r.grp as keyof GroupCounts;
      for (const into of [c, totals]) {
        into.total += r.n;
        into.byGroup[g] += r.n;
        into.overdue += r.overdue;
        into.mayNotOperate += r.may_not_operate;
      }
    }
    return { communes: [...communes.values()], totals };
  }

  /** The map's counts per commune as a sheet (the organisations themselves: the list's export). */
  async exportMap(actor: Actor, q: OrganisationMapQuery): Promise<SheetExport> {
    const view = await this.map(actor, q);
    const groupWords = {
      very_low: { vi: 'Rất thấp', en: 'Very low' },
      low: { vi: 'Thấp', en: 'Low' },
      medium: { vi: 'Trung bình', en: 'Medium' },
      high: { vi: 'Cao', en: 'High' },
      very_high: { vi: 'Rất cao', en: 'Very high' },
      none: { vi: 'Chưa đánh giá', en: 'Not assessed' },
    } as const;
    const columns: SheetColumn<OrganisationMapCommune>[] = [
      { header: { vi: 'Mã xã/phường', en: 'Commune code' }, width: 12, value: (c) => c.code },
      { header: { vi: 'Xã/phường', en: 'Commune' }, width: 30, value: (c) => c.name },
      { header: { vi: 'Số cơ sở', en: 'Organisations' }, value: (c) => c.total },
      ...[...riskGroups, 'none' as const].map((g): SheetColumn<OrganisationMapCommune> => ({
        header: groupWords[g],
        value: (c) => c.byGroup[g],
      })),
      { header: { vi: 'Quá hạn tự đánh giá', en: 'Re-assessment overdue' }, value: (c) => c.overdue },
      { header: { vi: 'Không được hoạt động', en: 'May not operate' }, value: (c) => c.mayNotOperate },
    ];
    async function* pages() {
      yield view.communes;
    }
    return sheetExport({
      filename: `ban-do-an-toan-${q.locality ?? actor.scope.code}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Bản đồ an toàn' : 'Safety map',
      locale: actor.locale,
      columns,
      pages: pages(),
    });
  }

  /** The organisation (its own contact, or an official of the place) chooses to publish or not. */
  async setPublication(actor: Actor, id: string, req: PublicationRequest): Promise<OrganisationView> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.organisations.findById(trx, id);
      if (!before || !policy.read(actor, before)) throw new AppError('NOT_FOUND');
      if (!policy.publish(actor, before)) throw new AppError('FORBIDDEN');
      if (before.publish_safe !== req.publish) {
        await this.repo.setPublication(trx, id, req.publish);
        await this.audit.record(trx, actor, {
          action: 'update',
          entityType: 'organisation',
          entityId: id,
          localityCode: before.commune_code,
          localityPath: before.locality_path,
          before: { publishSafe: before.publish_safe },
          after: { publishSafe: req.publish },
        });
      }
      return toOrganisationView((await this.organisations.findById(trx, id))!);
    });
  }

  /** Anyone: a province's published safe organisations, by name. An unknown province is a 404. */
  async publicSafe(q: SafeOrganisationsQuery, now = new Date()): Promise<Page<SafeOrganisationView>> {
    const province = await this.localities.findByCode(this.db, q.province);
    if (!province || province.level !== 'province') throw new AppError('NOT_FOUND');
    const rows = await this.repo.safe(this.db, {
      province: q.province,
      commune: q.commune,
      type: q.type,
      today: vietnamToday(now),
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.name, r.id]);
    return {
      items: page.items.map((r) => ({
        id: r.id,
        name: r.name,
        type: r.org_type as SafeOrganisationView['type'],
        addressLine: r.address_line,
        communeCode: r.commune_code,
        communeName: r.commune_full_name,
        group: r.latest_group as SafeOrganisationView['group'],
        assessedOn: vietnamToday(new Date(r.submitted_at)),
        validUntil: day(r.reassess_due_on),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
