import { AppError, type Locale } from '../../../core/errors.ts';
import { bboxOf, inBbox, pointInPolygon, type PolygonCoordinates } from '../../../core/rules/geo/point-in-polygon.ts';
import type { Db } from '../../db/database.ts';
import type { LocalityRow } from '../../db/schema.ts';
import { inScope, type Actor } from '../../shared/actor.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { borderMessages as m } from './border.messages.ts';

type Geometry =
  { type: 'Polygon'; coordinates: PolygonCoordinates } | { type: 'MultiPolygon'; coordinates: PolygonCoordinates[] };

const polygonsOf = (g: unknown): PolygonCoordinates[] => {
  const geometry = g as Geometry | null;
  if (geometry?.type === 'Polygon') return [geometry.coordinates];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
  return [];
};

/** Where border records are placed: a commune of the actor's area, and coordinates inside the province. */
export class BorderPlaces {
  constructor(private readonly localities: LocalitiesService) {}

  /** An active commune of the actor's area, or a field error at `path`. */
  async communeOrThrow(db: Db, actor: Actor, code: string, path: string): Promise<LocalityRow> {
    const commune = await this.localities.findByCode(db, code);
    if (!commune || commune.level !== 'commune' || commune.status !== 'active')
      throw new AppError('VALIDATION_FAILED', [{ path, message: m.notCommune[actor.locale] }]);
    if (!inScope(actor, commune.path))
      throw new AppError('FORBIDDEN', [{ path, message: m.notYourArea[actor.locale] }]);
    return commune;
  }

  /**
   * The point lies in the commune's bundled boundary or, when the commune has none (or the point is
   * on a border post just beside the line), inside the province: within the box of its communes.
   */
  async checkPosition(commune: LocalityRow, lon: number, lat: number, path: string, locale: Locale): Promise<void> {
    const boundaries = await this.localities.publicBoundaries(commune.province_code ?? commune.code);
    // An installation without bundled outlines for the province has nothing to check against.
    if (boundaries.features.length === 0) return;
    const own = boundaries.features.find((f) => f.properties.code === commune.code);
    if (own && polygonsOf(own.geometry).some((p) => pointInPolygon([lon, lat], p))) return;
    const inProvince = boundaries.features.some((f) =>
      polygonsOf(f.geometry).some((p) => {
        const box = bboxOf(p);
        return box !== null && inBbox(lon, lat, box);
      }),
    );
    if (!inProvince) throw new AppError('VALIDATION_FAILED', [{ path, message: m.outsideProvince[locale] }]);
  }

  /** Every point of a line, as checkPosition. */
  async checkLine(
    commune: LocalityRow,
    coordinates: ReadonlyArray<readonly [number, number]>,
    path: string,
    locale: Locale,
  ) {
    const boundaries = await this.localities.publicBoundaries(commune.province_code ?? commune.code);
    const boxes = boundaries.features.flatMap((f) => polygonsOf(f.geometry).map(bboxOf)).filter((b) => b !== null);
    if (boxes.length === 0) return;
    const outside = coordinates.findIndex(([lon, lat]) => !boxes.some((b) => inBbox(lon, lat, b)));
    if (outside >= 0)
      throw new AppError('VALIDATION_FAILED', [{ path: `${path}.${outside}`, message: m.outsideProvince[locale] }]);
  }
}
