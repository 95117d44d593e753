import type { NationalPlace } from '../../../core/schemas/localities.ts';
import type { Locale } from '../../../core/errors.ts';
import { placeName, type TypedPlace } from '../../../core/rules/place-names.ts';
import type { LocalityRow } from '../../db/schema.ts';
import { readProvinceCatalogue } from './vn-admin-loader.ts';

/**
 * The national list of provinces and communes (vendored GSO data), whether or not this
 * installation loaded them: travellers come from anywhere, and officials read where by name.
 */
interface Gazetteer {
  provinces: NationalPlace[];
  communesOf: Map<string, NationalPlace[]>;
  /** Every code → the unit (name, full name, kind) and, for a commune, its province. */
  byCode: Map<string, { unit: TypedPlace; province: TypedPlace | null }>;
}

let gazetteer: Promise<Gazetteer> | undefined;

export function nationalGazetteer(): Promise<Gazetteer> {
  gazetteer ??= readProvinceCatalogue().then((provinces) => {
    const byCode: Gazetteer['byCode'] = new Map();
    const communesOf: Gazetteer['communesOf'] = new Map();
    for (const p of provinces) {
      const province = { name: p.name, fullName: p.fullName, type: p.type };
      byCode.set(p.code, { unit: province, province: null });
      communesOf.set(
        p.code,
        p.wards.map((w) => {
          byCode.set(w.code, { unit: { name: w.name, fullName: w.fullName, type: w.type }, province });
          return { code: w.code, name: w.name, fullName: w.fullName };
        }),
      );
    }
    return {
      provinces: provinces.map((p) => ({ code: p.code, name: p.name, fullName: p.fullName })),
      communesOf,
      byCode,
    };
  });
  return gazetteer;
}

export const typed = (r: Pick<LocalityRow, 'name' | 'full_name' | 'type' | 'name_en'>): TypedPlace => ({
  name: r.name,
  fullName: r.full_name,
  type: r.type,
  nameEn: r.name_en,
});

/**
 * "Phường Ba Đình, Thành phố Hà Nội" for a commune, "Tỉnh Lai Châu" for a province; in English
 * "Ba Đình Ward, Hà Nội City" (core's `placeName`). `loaded` are the rows of this installation for
 * these codes and their provinces: they win over the national list (a rename here is how officials
 * know the unit). Codes known nowhere are left out.
 */
export async function namePlaces(
  codes: readonly string[],
  loaded: readonly LocalityRow[],
  locale: Locale = 'vi',
): Promise<Map<string, string>> {
  const national = (await nationalGazetteer()).byCode;
  const here = new Map(loaded.map((r) => [r.code, r]));
  const names = new Map<string, string>();
  const both = (unit: TypedPlace, province: TypedPlace | null | undefined) =>
    province ? `${placeName(unit, locale)}, ${placeName(province, locale)}` : placeName(unit, locale);
  for (const code of codes) {
    const row = here.get(code);
    const province = row?.level === 'commune' ? here.get(row.province_code ?? '') : undefined;
    const known = national.get(code);
    if (row) names.set(code, both(typed(row), province && typed(province)));
    else if (known) names.set(code, both(known.unit, known.province));
  }
  return names;
}
