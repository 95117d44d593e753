import { itemCatalogue, itemCodes, type ItemCode } from '../../../core/rules/resources/catalogue.ts';
import { emptyForceCounts, forceKinds, type ForceKind } from '../../../core/rules/resources/forces.ts';
import { expiryWarningLimit } from '../../../core/rules/resources/stock.ts';
import type { Availability } from '../../../core/schemas/resources.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { AvailabilityRepository } from './availability.repository.ts';

export type { Availability };

export interface AvailabilityOptions {
  /** The day stock is counted on (expired lots excluded, expiring ones counted apart); today when absent. */
  today?: string;
  /**
   * Only these items and force kinds (what a plan requires): a country's readiness then reads a few
   * lines per store instead of all of them. Absent: every item and kind.
   */
  only?: { items: readonly string[]; forceKinds: readonly string[] };
}

/**
 * What a unit HAS (issue 18), for the plans module's readiness: callable forces by kind and usable
 * stock by item. No policy here: the caller's own policy decides who sees the figures. Every figure
 * is grouped in the database, so a whole country is two queries.
 */
export class AvailabilityService {
  constructor(
    private readonly repo: AvailabilityRepository,
    private readonly localities: LocalitiesService,
    private readonly clock?: () => Date,
  ) {}

  private today(o?: AvailabilityOptions): string {
    return o?.today ?? vietnamToday(this.clock ? this.clock() : new Date());
  }

  /** One unit (`{ unitId }`), or everything of the units of a locality and below (`{ localityCode }`). */
  async availableFor(
    db: Db,
    target: { unitId: string } | { localityCode: string },
    options?: AvailabilityOptions,
  ): Promise<Availability> {
    if ('unitId' in target)
      return (await this.availableForUnits(db, [target.unitId], options)).get(target.unitId) ?? empty();
    const locality = await this.localities.findByCode(db, target.localityCode);
    if (!locality) return empty();
    const today = this.today(options);
    const [stock, forces] = await Promise.all([
      this.repo.stockByUnit(db, { withinPath: locality.path }, today, expiryWarningLimit(today)),
      this.repo.forcesByUnit(db, { withinPath: locality.path }),
    ]);
    const total = empty();
    for (const s of stock) add(total, s.item_code, Number(s.quantity), Number(s.expiring));
    for (const f of forces) if (isForceKind(f.kind)) total.forcesByKind[f.kind] += Number(f.n);
    return total;
  }

  /** Many units at once (a province's or the country's readiness): every unit asked is in the map. */
  async availableForUnits(
    db: Db,
    unitIds: readonly string[],
    options?: AvailabilityOptions,
  ): Promise<Map<string, Availability>> {
    const today = this.today(options);
    const out = new Map<string, Availability>(unitIds.map((id) => [id, empty()]));
    if (unitIds.length === 0) return out;
    const only = options?.only;
    const [stock, forces] = await Promise.all([
      only?.items.length === 0
        ? []
        : this.repo.stockByUnit(db, { unitIds }, today, expiryWarningLimit(today), only?.items),
      only?.forceKinds.length === 0 ? [] : this.repo.forcesByUnit(db, { unitIds }, only?.forceKinds),
    ]);
    for (const s of stock) {
      const a = out.get(s.unit_id);
      if (a) add(a, s.item_code, Number(s.quantity), Number(s.expiring));
    }
    for (const f of forces) {
      const a = out.get(f.unit_id);
      if (a && isForceKind(f.kind)) a.forcesByKind[f.kind] += Number(f.n);
    }
    return out;
  }
}

function empty(): Availability {
  return { forcesByKind: emptyForceCounts(), stockByItem: {} };
}

function isItemCode(code: string): code is ItemCode {
  return (itemCodes as readonly string[]).includes(code);
}

function isForceKind(kind: string): kind is ForceKind {
  return (forceKinds as readonly string[]).includes(kind);
}

function add(a: Availability, code: string, quantity: number, expiring: number): void {
  if (!isItemCode(code)) return;
  const line = a.stockByItem[code] ?? { quantity: 0, unit: itemCatalogue[code].unit, expiringWithin30Days: 0 };
  line.quantity += quantity;
  line.expiringWithin30Days += expiring;
  a.stockByItem[code] = line;
}
