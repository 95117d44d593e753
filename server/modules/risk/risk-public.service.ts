import { AppError } from '../../../core/errors.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { PublicRiskMapView } from '../../../core/schemas/risk-map.ts';
import type { Db } from '../../db/database.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { RiskAreaService } from './risk-area.service.ts';
import type { RiskContextRepository } from './risk-context.repository.ts';
import { countBy, legendOf } from './risk.service.ts';
import type { RuleSetsService } from './rule-sets.service.ts';
import type { ZonesService } from './zones.service.ts';

/** A public map is recomputed at most this often per province, however many phones ask. */
const CACHE_MS = 60_000;

/**
 * The public page: each commune's level under the active rule set and its community cases over
 * 7 and 14 days, the zones in force (name, communes, measures), and the levels announced but not
 * yet in force. Aggregates only, never a person, never who decided or why.
 */
export class RiskPublicService {
  private readonly cache = new Map<string, { at: number; view: PublicRiskMapView }>();

  constructor(
    private readonly db: Db,
    private readonly area: RiskAreaService,
    private readonly context: RiskContextRepository,
    private readonly ruleSets: RuleSetsService,
    private readonly localities: LocalitiesService,
    private readonly zones: ZonesService,
  ) {}

  async map(province: string, now = new Date()): Promise<PublicRiskMapView> {
    const hit = this.cache.get(province);
    if (hit && now.getTime() - hit.at < CACHE_MS) return hit.view;
    const place = await this.localities.findByCode(this.db, province);
    if (!place || place.level !== 'province' || place.status !== 'active') throw new AppError('NOT_FOUND');
    const ruleSet = await this.ruleSets.active(this.db);
    const a = await this.area.assess(this.db, place, ruleSet, vietnamToday(now), now);
    const zones = await this.zones.inForce(place.code, now);
    const zoned = new Set(zones.flatMap((z) => z.communeCodes));
    const names = new Map<string, string>([
      [place.code, place.full_name],
      ...a.communes.map((c): [string, string] => [c.code, c.name]),
    ]);
    const announced = await this.context.announced(this.db, place.path, ruleSet.code, now);
    const view: PublicRiskMapView = {
      date: a.day,
      updatedAt: now.toISOString(),
      ruleSet: { name: ruleSet.name, levels: legendOf(ruleSet) },
      province: {
        code: place.code,
        name: place.full_name,
        level: a.decided ?? a.aggregate.level.key,
        cases7d: a.measures.community7,
        cases14d: a.measures.community14,
      },
      levelCounts: countBy(a.communes.map((c) => c.level)),
      communes: a.communes.map((c) => ({
        code: c.code,
        name: c.name,
        level: c.level,
        inZone: zoned.has(c.code),
        cases7d: c.measures.community7,
        cases14d: c.measures.community14,
      })),
      zones: zones.map((z) => ({
        name: z.name,
        kind: z.kind,
        communeCodes: z.communeCodes,
        startsAt: z.startsAt,
        endsAt: z.endsAt,
        measures: z.measures,
      })),
      announced: announced.map((d) => ({
        code: d.code,
        name: names.get(d.code) ?? d.code,
        level: d.level,
        effectiveFrom: d.effectiveFrom.toISOString(),
      })),
    };
    this.cache.set(province, { at: now.getTime(), view });
    return view;
  }
}
