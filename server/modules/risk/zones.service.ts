import { AppError } from '../../../core/errors.ts';
import { coveredCodes } from '../../../core/rules/geo/point-in-polygon.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { CreateZoneRequest, ZonePolygon, ZoneView } from '../../../core/schemas/risk-admin.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { riskPolicy } from './risk.policy.ts';
import type { RiskContextRepository } from './risk-context.repository.ts';
import { zoneColumns } from './zones.export.ts';
import type { ZonesRepository } from './zones.repository.ts';

const text = {
  notInProvince: { vi: 'Xã/phường không thuộc tỉnh này', en: 'The commune is not in this province' },
  emptyPolygon: { vi: 'Vùng vẽ không chứa trung tâm xã/phường nào', en: 'The drawn area contains no commune centre' },
  provinceNeeded: { vi: 'Chọn tỉnh của vùng vẽ', en: 'Choose the province of the drawn area' },
  alreadyEnded: { vi: 'Vùng dịch đã kết thúc', en: 'The zone has already ended' },
  endBeforeStart: { vi: 'Kết thúc phải sau bắt đầu', en: 'The end must be after the start' },
} as const;

type ZoneRow = NonNullable<Awaited<ReturnType<ZonesRepository['find']>>>;

/**
 * Epidemic zones (khoanh vùng, phong tỏa): a set of communes or a drawn polygon (covering the
 * communes whose centre lies inside), with start, end, population covered and measures. Arrivals
 * from a zone in force are flagged by the declarations module through `locality_risk_status`.
 */
export class ZonesService {
  constructor(
    private readonly db: Db,
    private readonly zones: ZonesRepository,
    private readonly context: RiskContextRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  async create(actor: Actor, req: CreateZoneRequest, now = new Date()): Promise<ZoneView> {
    const province = await this.provinceOf(actor, req);
    if (!riskPolicy.zone(actor, province)) throw new AppError('FORBIDDEN');
    const communes = await this.context.communes(this.db, province.path);
    const known = new Map(communes.map((c) => [c.code, c]));
    const details = (req.communeCodes ?? []).flatMap((code, i) =>
      known.has(code) ? [] : [{ path: `communeCodes.${i}`, message: text.notInProvince[actor.locale] }],
    );
    if (details.length) throw new AppError('VALIDATION_FAILED', details);
    const drawn = req.polygon
      ? coveredCodes(
          req.polygon.coordinates,
          communes.map((c) => ({ code: c.code, lon: c.centroid_lon, lat: c.centroid_lat })),
        )
      : [];
    if (req.polygon && !drawn.length)
      throw new AppError('VALIDATION_FAILED', [{ path: 'polygon', message: text.emptyPolygon[actor.locale] }]);
    const codes = [...new Set([...(req.communeCodes ?? []), ...drawn])].sort();
    const populations = codes.map((c) => known.get(c)?.population ?? null);
    const populationCovered = populations.some((p) => p !== null)
      ? populations.reduce<number>((s, p) => s + (p ?? 0), 0)
      : null;

    return this.db.transaction().execute(async (trx) => {
      const id = await this.zones.insert(trx, {
        name: req.name,
        kind: req.kind,
        province_code: province.code,
        locality_path: province.path,
        commune_codes: codes,
        polygon: req.polygon ? JSON.stringify(req.polygon) : null,
        starts_at: new Date(req.startsAt),
        ends_at: req.endsAt ? new Date(req.endsAt) : null,
        population_covered: populationCovered,
        measures: JSON.stringify(req.measures),
        decision_ref: req.decisionRef ?? null,
        client_key: req.clientKey,
        created_by: recordedBy(actor),
      });
      await this.zones.applyZoneFlags(trx, now);
      await this.audit.record(trx, actor, {
        action: 'create_zone',
        entityType: 'epidemic_zone',
        entityId: id,
        localityCode: province.code,
        localityPath: province.path,
        after: { name: req.name, kind: req.kind, communes: codes, startsAt: req.startsAt, endsAt: req.endsAt ?? null },
      });
      return view((await this.zones.find(trx, id))!, now);
    });
  }

  async end(actor: Actor, id: string, req: { endsAt?: string }, now = new Date()): Promise<ZoneView> {
    return this.db.transaction().execute(async (trx) => {
      const zone = await this.zones.find(trx, id);
      if (!zone || !riskPolicy.read(actor) || !(await this.overview(actor, zone.province_code, trx)))
        throw new AppError('NOT_FOUND');
      if (!riskPolicy.zone(actor, { path: zone.locality_path })) throw new AppError('FORBIDDEN');
      if (zone.ends_at && zone.ends_at <= now)
        throw new AppError('CONFLICT', [{ path: 'endsAt', message: text.alreadyEnded[actor.locale] }]);
      const endsAt = req.endsAt ? new Date(req.endsAt) : now;
      if (endsAt <= zone.starts_at)
        throw new AppError('VALIDATION_FAILED', [{ path: 'endsAt', message: text.endBeforeStart[actor.locale] }]);
      await this.zones.end(trx, id, endsAt, recordedBy(actor));
      await this.zones.applyZoneFlags(trx, now);
      await this.audit.record(trx, actor, {
        action: 'end_zone',
        entityType: 'epidemic_zone',
        entityId: id,
        localityCode: zone.province_code,
        localityPath: zone.locality_path,
        before: { endsAt: zone.ends_at },
        after: { endsAt },
      });
      return view((await this.zones.find(trx, id))!, now);
    });
  }

  async list(
    actor: Actor,
    q: { province: string; commune?: string; state: 'active' | 'all'; after?: string; limit: number },
    now = new Date(),
  ): Promise<Page<ZoneView>> {
    if (!riskPolicy.read(actor)) throw new AppError('FORBIDDEN');
    await this.localities.findOverviewOrThrow(actor, q.province, this.db);
    const rows = await this.zones.list(this.db, { ...q, active: q.state === 'active', at: now });
    const page = toPage(rows, q.limit, (r) => [r.starts_key, r.id]);
    return { items: page.items.map((r) => view(r, now)), nextCursor: page.nextCursor };
  }

  async exportXlsx(
    actor: Actor,
    q: { province: string; commune?: string; state: 'active' | 'all' },
  ): Promise<SheetExport> {
    return sheetExport({
      filename: `vung-dich-${q.province}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Vùng dịch' : 'Epidemic zones',
      locale: actor.locale,
      columns: zoneColumns(actor.locale),
      pages: await allPages((after) => this.list(actor, { ...q, after, limit: 200 })),
    });
  }

  /** Zones in force in a province at `at` (the map; the public page takes names, communes and measures only). */
  async inForce(province: string, at: Date): Promise<ZoneView[]> {
    return (await this.zones.activeIn(this.db, province, at)).map((r) => view(r, at));
  }

  /** The job: zones start and end at their own times, so the arrival flags follow the clock. */
  applyDue(now = new Date()): Promise<number> {
    return this.zones.applyZoneFlags(this.db, now);
  }

  /** The zone's province: the one named, else that of its first commune, else the official's own. */
  private async provinceOf(actor: Actor, req: CreateZoneRequest) {
    const first = req.communeCodes?.[0];
    const code =
      req.province ??
      (first ? (await this.localities.findReadableOrThrow(actor, first, this.db)).province_code : null) ??
      actor.scope.path.split('/')[1];
    if (!code)
      throw new AppError('VALIDATION_FAILED', [{ path: 'province', message: text.provinceNeeded[actor.locale] }]);
    return this.localities.findReadableOrThrow(actor, code, this.db);
  }

  private async overview(actor: Actor, province: string, db: Db): Promise<boolean> {
    return this.localities.findOverviewOrThrow(actor, province, db).then(
      () => true,
      () => false,
    );
  }
}

function view(r: ZoneRow, now: Date): ZoneView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    provinceCode: r.province_code,
    communeCodes: r.commune_codes,
    polygon: (r.polygon as ZonePolygon | null) ?? null,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at?.toISOString() ?? null,
    populationCovered: r.population_covered,
    measures: r.measures as string[],
    decisionRef: r.decision_ref,
    active: r.starts_at <= now && (r.ends_at === null || r.ends_at > now),
    createdAt: new Date(r.created_at).toISOString(),
    createdByName: r.created_by_name,
  };
}
