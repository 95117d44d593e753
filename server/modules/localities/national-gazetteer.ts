import type { NationalPlace } from '../../../core/schemas/localities.ts';
import type { LocalityRow } from '../../db/schema.ts';
import { readProvinceCatalogue } from './vn-admin-loader.ts';

/**
 * The national list of provinces and communes (vendored GSO data), whether or not this
 * installation loaded them: travellers come from anywhere, and officials read where by name.
 */
interface Gazetteer {
  provinces: NationalPlace[];
  communesOf: Map<string, NationalPlace[]>;
  /** Every code → its full name and, for a commune, its province's full name. */
  byCode: Map<string, { fullName: string; provinceFullName: string | null }>;
}

let gazetteer: Promise<Gazetteer> | undefined;

export function nationalGazetteer(): Promise<Gazetteer> {
  gazetteer ??= readProvinceCatalogue().then((provinces) => {
    const byCode: Gazetteer['byCode'] = new Map();
    const communesOf: Gazetteer['communesOf'] = new Map();
    for (const p of provinces) {
      byCode.set(p.code, { fullName: p.fullName, provinceFullName: null });
      communesOf.set(
        p.code,
        p.wards.map((w) => {
          byCode.set(w.code, { fullName: w.fullName, provinceFullName: p.fullName });
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

/**
 * "Phường Ba Đình, Thành phố Hà Nội" for a commune, "Tỉnh Lai Châu" for a province. `loaded` are the
 * rows of this installation for these codes and their provinces: they win over the national list
 * (a rename here is how officials know the unit). Codes known nowhere are left out.
 */
export async function namePlaces(
  codes: readonly string[],
  loaded: readonly LocalityRow[],
): Promise<Map<string, string>> {
  const national = (await nationalGazetteer()).byCode;
  const here = new Map(loaded.map((r) => [r.code, r]));
  const names = new Map<string, string>();
  for (const code of codes) {
    const row = here.get(code);
    const province = row?.level === 'commune' ? here.get(row.province_code ?? '')?.full_name : undefined;
    const known = national.get(code);
    if (row) names.set(code, province ? `${row.full_name}, ${province}` : row.full_name);
    else if (known)
      names.set(code, known.provinceFullName ? `${known.fullName}, ${known.provinceFullName}` : known.fullName);
  }
  return names;
}
