import { AppError } from '../../../core/errors.ts';
import { readinessOf, type ResourceLine } from '../../../core/rules/plans/readiness.ts';
import type {
  AreaReadinessQuery,
  AreaReadinessView,
  ReadinessQuery,
  ReadinessView,
} from '../../../core/schemas/plans.ts';
import type { RiskLevel } from '../../../core/schemas/risk-rule-set.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { UnitRecord } from '../units/units.module.ts';
import type { PlansContext } from './plans-context.ts';
import { readinessColumns } from './plans.export.ts';
import { planMessages as messages } from './plans.messages.ts';
import { plansPolicy as policy } from './plans.policy.ts';

/** What units have: people by force kind, stock by item code (vehicles are items). The resources module answers it. */
export interface UnitHoldings {
  staff: ReadonlyMap<string, number>;
  items: ReadonlyMap<string, number>;
}
export interface ResourceHoldings {
  /** Every unit asked for, in one batch (a unit holding nothing may be absent); `only` these items and kinds. */
  holdingsOf(
    db: Db,
    unitIds: readonly string[],
    only?: { items: readonly string[]; forceKinds: readonly string[] },
  ): Promise<ReadonlyMap<string, UnitHoldings>>;
}

/** Free places of the active facilities of an area, by facility area and kind (the facilities module). */
export interface PlaceCapacity {
  freeWithin(db: Db, withinPath: string): Promise<{ localityPath: string; kind: string; free: number }[]>;
}

/** The kinds of places, as the facilities module names them: beds by kind, and quarantine places. */
const placeKindOf = (line: Pick<ResourceLine, 'kind' | 'code'>) =>
  line.kind === 'quarantine_place' ? 'quarantine_place' : line.code;

/**
 * Readiness (issue 18): for a unit and a level, what its approved plan requires at that level
 * against what it has — forces and stock (resources), free beds and quarantine places of the
 * facilities in its area. A province's communes, or the whole country, are computed in a fixed
 * number of queries, never one per unit.
 */
export class ReadinessService {
  constructor(
    private readonly c: PlansContext,
    private readonly holdings: ResourceHoldings,
    private readonly places: PlaceCapacity,
  ) {}

  async level(db: Db, number: number, locale: Actor['locale']): Promise<RiskLevel> {
    const ruleSet = await this.c.ruleSets.active(db);
    const level = ruleSet.levels.find((l) => l.number === number);
    if (!level) throw new AppError('VALIDATION_FAILED', [{ path: 'level', message: messages[locale].noSuchLevel }]);
    return level;
  }

  async forUnit(actor: Actor, q: ReadinessQuery): Promise<ReadinessView> {
    const unit = await this.c.unitOrThrow(this.c.db, q.unit);
    if (!policy.read(await this.c.relationOf(this.c.db, actor, unit))) throw new AppError('NOT_FOUND');
    const level = await this.level(this.c.db, q.level, actor.locale);
    return (await this.compute(this.c.db, actor, [unit], level, unit.locality_path))[0]!;
  }

  /**
   * The communes and districts of an area, a keyset page (by unit code) at a time: the table, the
   * map (which walks the pages) and the export of "if level N tomorrow". Each page is computed in
   * the same fixed number of queries, whatever the area.
   */
  async forArea(actor: Actor, q: AreaReadinessQuery): Promise<AreaReadinessView> {
    const path = q.locality ? await this.c.localityPath(actor, q.locality) : actor.scope.path;
    if (!policy.readArea(actor, path)) throw new AppError('FORBIDDEN');
    const level = await this.level(this.c.db, q.level, actor.locale);
    const rows = await this.c.units.pageWithin(this.c.db, {
      withinPath: path,
      kinds: ['commune', 'district'],
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (u) => [u.code]);
    const views = await this.compute(this.c.db, actor, page.items, level, path);
    const items = views
      .map((v, i) => ({ ...v, localityCode: page.items[i]!.locality_code }))
      .filter((v) => !q.shortOnly || (v.hasPlan && v.shortfalls.length > 0));
    return { levelKey: level.key, levelNumber: level.number, items, nextCursor: page.nextCursor };
  }

  async exportArea(actor: Actor, q: Omit<AreaReadinessQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const pages = await allPages((after) => this.forArea(actor, { ...q, after, limit: 500 }));
    return sheetExport({
      filename: `san-sang-cap-${q.level}-${vietnamToday(this.c.now())}.xlsx`,
      sheetName: actor.locale === 'vi' ? `Sẵn sàng cấp ${q.level}` : `Readiness level ${q.level}`,
      locale: actor.locale,
      columns: readinessColumns(actor.locale),
      pages,
    });
  }

  /** Readiness of these units at the level of that number (none when the rule set has no such level). */
  async atLevelNumber(db: Db, units: readonly UnitRecord[], levelNumber: number, areaPath: string) {
    const level = (await this.c.ruleSets.active(db)).levels.find((l) => l.number === levelNumber);
    return level ? this.compute(db, null, units, level, areaPath) : [];
  }

  /** Readiness of these units at a level, all within `areaPath`, in a fixed number of queries. */
  async compute(
    db: Db,
    actor: Actor | null,
    units: readonly UnitRecord[],
    level: RiskLevel,
    areaPath: string,
  ): Promise<ReadinessView[]> {
    const ids = units.map((u) => u.id);
    // The plans' needs first: holdings are then read only for the units, items and force kinds they
    // name (a few lines per store, not all fifty). The area's free places are read meanwhile.
    const needsAndHoldings = this.c.repo.approvedNeeds(db, ids, level.key).then(async (needRows) => {
      const needing = new Set<string>();
      const items = new Set<string>();
      const kinds = new Set<string>();
      for (const r of needRows) {
        if (r.resource_kind === null || r.resource_code === null) continue;
        needing.add(r.unit_id);
        if (r.resource_kind === 'staff') kinds.add(r.resource_code);
        else if (r.resource_kind === 'item' || r.resource_kind === 'vehicle') items.add(r.resource_code);
      }
      const holdings = await this.holdings.holdingsOf(db, [...needing], { items: [...items], forceKinds: [...kinds] });
      return { needRows, holdings };
    });
    const [{ needRows, holdings }, free] = await Promise.all([needsAndHoldings, this.places.freeWithin(db, areaPath)]);
    const planned = new Set(needRows.filter((r) => r.has_section).map((r) => r.unit_id));
    const needs = new Map<string, ResourceLine[]>();
    for (const r of needRows) {
      if (r.resource_kind === null || r.resource_code === null || r.quantity === null) continue;
      const list = needs.get(r.unit_id) ?? [];
      list.push({ kind: r.resource_kind, code: r.resource_code, quantity: r.quantity });
      needs.set(r.unit_id, list);
    }
    // Free places summed on every ancestor of the facility's area: a unit reads its own path's total.
    const placesAt = new Map<string, number>();
    for (const f of free) {
      const parts = f.localityPath.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const key = `${parts.slice(0, i).join('/')}|${f.kind}`;
        placesAt.set(key, (placesAt.get(key) ?? 0) + f.free);
      }
    }
    return units.map((u) => {
      const has = holdings.get(u.id);
      const r = readinessOf(needs.get(u.id) ?? [], (line) => {
        if (line.kind === 'staff') return has?.staff.get(line.code) ?? 0;
        if (line.kind === 'item' || line.kind === 'vehicle') return has?.items.get(line.code) ?? 0;
        return placesAt.get(`${u.locality_path}|${placeKindOf(line)}`) ?? 0;
      });
      const hasPlan = planned.has(u.id);
      return {
        unit: actor ? this.c.units.refOf(u, actor) : { id: u.id, code: u.code, name: u.name },
        levelKey: level.key,
        levelNumber: level.number,
        hasPlan,
        required: r.required,
        available: r.available,
        shortfalls: r.shortfalls,
        // Without a plan for the level nothing says the unit is ready.
        readinessPercent: hasPlan ? r.readinessPercent : 0,
      };
    });
  }
}
