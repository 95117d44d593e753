import { foldVietnamese } from './person-keys.ts';

/**
 * Words that say what kind of unit a name is ("Thành phố Hà Nội", "P. Đoàn Kết", "xã Bình Lư").
 * People type them or leave them out, so a place is compared on its own name.
 */
const unitPrefix = /^(thanh pho|tinh|phuong|xa|thi tran|dac khu|tp|p|x|tt)\s+/;
/** The English level word `placeName` puts after the name ("Đoàn Kết Ward"). */
const unitSuffixEn = /\s+(province|city|ward|commune|special zone)$/;

/**
 * A unit's own name, folded, without its kind: "Phường Đoàn Kết", "p. doan ket" and the English
 * "Đoàn Kết Ward" → "doan ket".
 */
export function placeKey(name: string): string {
  return foldVietnamese(name).replace(unitPrefix, '').replace(unitSuffixEn, '');
}

export interface NamedPlace {
  code: string;
  name: string;
  fullName: string;
}

/**
 * The places a typed query means, best first, for pickers on a phone: "ha noi", "hanoi", "Hà Nội"
 * and "tp ha noi" all find Thành phố Hà Nội; "kien" finds every name with a word starting so. A query
 * of digits matches codes. An empty query keeps the list as given. At most `limit` places.
 */
export function searchPlaces<T extends NamedPlace>(places: readonly T[], query: string, limit = places.length): T[] {
  // "xa Ta Leng" is the commune Tả Lèng; "Xà Hồ" starts with a word that looks like a kind: try both.
  const queries = [...new Set([foldVietnamese(query), placeKey(query)])].filter(Boolean);
  if (queries.length === 0) return places.slice(0, limit);
  const scored: { place: T; score: number; index: number }[] = [];
  places.forEach((place, index) => {
    const scores = queries.map((q) => matchScore(place, q)).filter((x): x is number => x !== null);
    if (scores.length) scored.push({ place, score: Math.min(...scores), index });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.place);
}

/** Lower is better; null when the place does not match at all. */
function matchScore(place: NamedPlace, q: string): number | null {
  const qCompact = q.replace(/ /g, '');
  if (/^\d+$/.test(qCompact)) return place.code.startsWith(qCompact) ? 1 : null;
  const name = foldVietnamese(place.name);
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.replace(/ /g, '').startsWith(qCompact)) return 2;
  const full = foldVietnamese(place.fullName);
  if (` ${full}`.includes(` ${q}`)) return 3;
  if (qCompact.length >= 4 && full.replace(/ /g, '').includes(qCompact)) return 4;
  return null;
}

/**
 * How a unit is named in each language (issue 13, item 4). Vietnamese: its full name as the
 * administrative list writes it ("Tỉnh Lai Châu", "Phường Đoàn Kết"). English: the Vietnamese proper
 * name, diacritics kept (it is the name on the signs, in the law and in the records officials
 * search), followed by the English word for its level, as Viet Nam's official English texts do
 * ("Lai Châu Province", "Hà Nội City", "Đoàn Kết Ward", "Côn Đảo Special Zone"). A unit whose kind
 * is unknown keeps its full name.
 */
const levelWordsEn: Record<string, string> = {
  tinh: 'Province',
  thanh_pho_truc_thuoc_trung_uong: 'City',
  phuong: 'Ward',
  xa: 'Commune',
  dac_khu: 'Special Zone',
};

export interface TypedPlace {
  name: string;
  fullName: string;
  /** The GSO kind code: tinh, thanh_pho_truc_thuoc_trung_uong, phuong, xa, dac_khu, quoc_gia. */
  type?: string | null;
  /** The country's English name (only the country row needs it). */
  nameEn?: string | null;
}

/** Names a place given by code; a code it does not hold keeps the name the record carries. */
export type PlaceNamer = (code: string | null | undefined, fallback?: string | null) => string;

/** `placeName` over the units one holds (the client's tree, the server's table), by code. */
export function placeNamer(units: ReadonlyMap<string, TypedPlace>, locale: 'vi' | 'en'): PlaceNamer {
  return (code, fallback) => {
    const unit = code ? units.get(code) : undefined;
    return unit ? placeName(unit, locale) : (fallback ?? code ?? '');
  };
}

export function placeName(p: TypedPlace, locale: 'vi' | 'en'): string {
  if (locale === 'vi') return p.fullName;
  if (p.type === 'quoc_gia') return p.nameEn || p.name;
  const word = p.type ? levelWordsEn[p.type] : undefined;
  return word ? `${p.name} ${word}` : p.fullName;
}
