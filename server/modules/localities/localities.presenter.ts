import type { LocalityView } from '../../../core/schemas/localities.ts';
import type { LocalityRow } from '../../db/schema.ts';

export function toLocalityView(r: LocalityRow): LocalityView {
  return {
    code: r.code,
    level: r.level,
    parentCode: r.parent_code,
    provinceCode: r.province_code,
    name: r.name,
    fullName: r.full_name,
    nameEn: r.name_en,
    type: r.type,
    areaKm2: r.area_km2,
    population: r.population,
    populationIsDemo: r.population_is_demo,
    status: r.status,
    mergedIntoCode: r.merged_into_code,
  };
}
