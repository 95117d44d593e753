import { AppError } from '../../../core/errors.ts';
import { addDays, vietnamToday } from '../../../core/vietnam-calendar.ts';
import type {
  AreaCompliance,
  AreaComplianceQuery,
  AreaComplianceRow,
  ComplianceFigures,
  OrganisationCompliance,
} from '../../../core/schemas/workforce.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetColumn, type SheetExport } from '../../shared/excel.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { ComplianceRepository, FigureRow } from './compliance.repository.ts';
import { organisationsPolicy as policy } from './organisations.policy.ts';
import type { OrganisationsRepository } from './organisations.repository.ts';

const zero = (): ComplianceFigures => ({ expected: 0, arrived: 0, arrivedValid: 0, refused: 0, missing: 0 });
const toFigures = (r: FigureRow): ComplianceFigures => ({
  expected: r.expected,
  arrived: r.arrived,
  arrivedValid: r.arrived_valid,
  refused: r.refused,
  missing: r.missing,
});
const add = (a: ComplianceFigures, b: ComplianceFigures): ComplianceFigures => ({
  expected: a.expected + b.expected,
  arrived: a.arrived + b.arrived,
  arrivedValid: a.arrivedValid + b.arrivedValid,
  refused: a.refused + b.refused,
  missing: a.missing + b.missing,
});

/**
 * Daily "no declaration, no work" compliance: expected on site, arrived, arrived with a valid
 * declaration, refused, missing; for one organisation (per department, and the trend over days)
 * and for an area's organisations (the commune's view). Figures count the roster as it stands
 * today: a worker added on Wednesday counts as missing on Monday's line of the trend.
 */
export class ComplianceService {
  constructor(
    private readonly db: Db,
    private readonly organisations: OrganisationsRepository,
    private readonly repo: ComplianceRepository,
    private readonly localities: LocalitiesService,
  ) {}

  async organisation(
    actor: Actor,
    organisationId: string,
    q: { day?: string; days: number },
    now = new Date(),
  ): Promise<OrganisationCompliance> {
    const o = await this.organisations.findById(this.db, organisationId);
    if (!o || !policy.read(actor, o)) throw new AppError('NOT_FOUND');
    if (!policy.readWorkforce(actor, o)) throw new AppError('FORBIDDEN');
    const day = q.day ?? vietnamToday(now);
    const from = addDays(day, -(q.days - 1));
    const rows = await this.repo.byDayAndDepartment(this.db, organisationId, from, day);
    const trend = new Map<string, ComplianceFigures>();
    for (let d = from; d <= day; d = addDays(d, 1)) trend.set(d, zero());
    const departments: OrganisationCompliance['departments'] = [];
    for (const r of rows) {
      trend.set(r.day, add(trend.get(r.day) ?? zero(), toFigures(r)));
      if (r.day === day) departments.push({ department: r.department, ...toFigures(r) });
    }
    return {
      day,
      totals: trend.get(day) ?? zero(),
      departments,
      trend: [...trend].map(([d, f]) => ({ day: d, ...f })),
    };
  }

  /** The commune's (or a wider area's) organisations with a roster and their figures of the day. */
  async area(actor: Actor, q: AreaComplianceQuery, now = new Date()): Promise<AreaCompliance> {
    if (!policy.readAreaCompliance(actor)) throw new AppError('FORBIDDEN');
    const within = await this.localities.listScope(actor, q.locality, this.db);
    const day = q.day ?? vietnamToday(now);
    const [page, totals] = await Promise.all([
      this.areaPage(within, day, q.after, q.limit),
      this.repo.areaTotals(this.db, within, day),
    ]);
    return { day, totals: toFigures(totals), ...page };
  }

  private async areaPage(within: string, day: string, after: string | undefined, limit: number) {
    const rows = await this.repo.area(this.db, within, day, after, limit);
    const page = toPage(rows, limit, (r) => [r.name, r.id]);
    return {
      items: page.items.map((r): AreaComplianceRow => ({
        organisationId: r.id,
        name: r.name,
        communeCode: r.commune_code,
        ...toFigures(r),
      })),
      nextCursor: page.nextCursor,
    };
  }

  async exportArea(
    actor: Actor,
    q: Omit<AreaComplianceQuery, 'after' | 'limit'>,
    now = new Date(),
  ): Promise<SheetExport> {
    if (!policy.readAreaCompliance(actor)) throw new AppError('FORBIDDEN');
    const within = await this.localities.listScope(actor, q.locality, this.db);
    const day = q.day ?? vietnamToday(now);
    return sheetExport({
      filename: `khai-bao-y-te-tai-cong-${q.locality ?? actor.scope.code}-${day}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Kiểm tra tại cổng' : 'Gate compliance',
      locale: actor.locale,
      columns: areaColumns,
      // The pages without the totals: an export has no totals line, and each would read the area again.
      pages: await allPages((after) => this.areaPage(within, day, after, 500)),
    });
  }
}

const areaColumns: SheetColumn<AreaComplianceRow>[] = [
  { header: { vi: 'Cơ quan, đơn vị', en: 'Organisation' }, width: 32, value: (r) => r.name },
  { header: { vi: 'Mã xã/phường', en: 'Commune code' }, width: 12, value: (r) => r.communeCode },
  { header: { vi: 'Dự kiến có mặt', en: 'Expected on site' }, width: 12, value: (r) => r.expected },
  { header: { vi: 'Đã đến', en: 'Arrived' }, width: 10, value: (r) => r.arrived },
  {
    header: { vi: 'Đến, có khai báo y tế', en: 'Arrived with a declaration' },
    width: 14,
    value: (r) => r.arrivedValid,
  },
  { header: { vi: 'Bị từ chối', en: 'Refused' }, width: 10, value: (r) => r.refused },
  { header: { vi: 'Vắng', en: 'Missing' }, width: 10, value: (r) => r.missing },
];
