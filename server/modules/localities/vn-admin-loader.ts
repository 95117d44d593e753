import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { centroid, isAreaGeometry } from '../../../core/rules/geometry.ts';
import type { Db } from '../../db/database.ts';
import type { NewLocality } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import { demoPopulation } from './demo-population.ts';
import type { LocalitiesRepository } from './localities.repository.ts';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/vn-admin');

interface UnitsFile {
  asOf: string;
  provinces: {
    code: string;
    name: string;
    nameEn: string;
    fullName: string;
    type: string;
    areaKm2: number;
    wards: WardUnit[];
  }[];
}
interface WardUnit {
  code: string;
  name: string;
  nameEn: string;
  fullName: string;
  type: string;
  areaKm2: number;
}
interface WardFeature {
  properties: { code: string };
  geometry: unknown;
}

export async function readProvinceCatalogue(): Promise<UnitsFile['provinces']> {
  const units = JSON.parse(await fs.readFile(path.join(dataDir, 'units.json'), 'utf8')) as UnitsFile;
  return units.provinces;
}

let nationalUnits: Promise<Map<string, string>> | undefined;
/**
 * Every province and commune code of the national list, loaded or not (origins of travellers),
 * mapped to its province code. Commune codes do not start with their province's code.
 */
export function nationalProvinceOf(): Promise<Map<string, string>> {
  nationalUnits ??= readProvinceCatalogue().then(
    (ps) => new Map(ps.flatMap((p) => [[p.code, p.code] as const, ...p.wards.map((w) => [w.code, p.code] as const)])),
  );
  return nationalUnits;
}

/**
 * Creates the country, one province and its communes (with boundaries and centroids) from the
 * vendored GSO data. Idempotent: units already present are left untouched, so a renamed or merged
 * unit is never reset by a restart. Demo populations are marked as such.
 */
export async function loadProvince(
  deps: { db: Db; localities: LocalitiesRepository; audit: AuditTrailService; actor: Actor },
  provinceCode: string,
  options: { demoPopulation: boolean },
): Promise<{ created: number }> {
  const province = (await readProvinceCatalogue()).find((p) => p.code === provinceCode);
  if (!province) throw new Error(`Unknown province code ${provinceCode}`);
  const wards = JSON.parse(await fs.readFile(path.join(dataDir, 'wards', `${provinceCode}.geojson`), 'utf8')) as {
    features: WardFeature[];
  };
  const geometryByCode = new Map(wards.features.map((f) => [f.properties.code, f.geometry]));
  const provincePath = `VN/${province.code}`;

  return deps.db.transaction().execute(async (trx) => {
    let created = await deps.localities.insertIfAbsent(trx, [
      {
        code: 'VN',
        level: 'country',
        parent_code: null,
        province_code: null,
        path: 'VN',
        name: 'Việt Nam',
        full_name: 'Nước Cộng hòa xã hội chủ nghĩa Việt Nam',
        name_en: 'Viet Nam',
        type: 'quoc_gia',
        area_km2: null,
        population: null,
        population_year: null,
        merged_into_code: null,
        valid_to: null,
        centroid_lon: null,
        centroid_lat: null,
      },
    ]);
    created += await deps.localities.insertIfAbsent(trx, [
      {
        code: province.code,
        level: 'province',
        parent_code: 'VN',
        province_code: province.code,
        path: provincePath,
        name: province.name,
        full_name: province.fullName,
        name_en: province.nameEn,
        type: province.type,
        area_km2: province.areaKm2,
        population: null,
        population_year: null,
        merged_into_code: null,
        valid_to: null,
        centroid_lon: null,
        centroid_lat: null,
      },
    ]);
    const communes: NewLocality[] = province.wards.map((w) => {
      const g = geometryByCode.get(w.code);
      const c = isAreaGeometry(g) ? centroid(g) : null;
      return {
        code: w.code,
        level: 'commune',
        parent_code: province.code,
        province_code: province.code,
        path: `${provincePath}/${w.code}`,
        name: w.name,
        full_name: w.fullName,
        name_en: w.nameEn,
        type: w.type,
        area_km2: w.areaKm2,
        population: options.demoPopulation ? demoPopulation(w) : null,
        population_year: null,
        population_is_demo: options.demoPopulation,
        merged_into_code: null,
        valid_to: null,
        centroid_lon: c?.[0] ?? null,
        centroid_lat: c?.[1] ?? null,
      };
    });
    const newCommunes = await deps.localities.insertIfAbsent(trx, communes);
    created += newCommunes;
    if (newCommunes > 0) {
      await deps.localities.insertBoundariesIfAbsent(
        trx,
        [...geometryByCode].map(([code, geometry]) => ({ code, geometry })),
      );
      await deps.audit.record(trx, deps.actor, {
        action: 'load_province',
        entityType: 'locality',
        entityId: province.code,
        localityCode: province.code,
        localityPath: provincePath,
        after: { communes: newCommunes, demoPopulation: options.demoPopulation },
      });
    }
    return { created };
  });
}
