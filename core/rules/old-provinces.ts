/**
 * Province names in old line lists → the current province code (34 provinces since 1 July 2025,
 * Resolution 202/2025/QH15). Line lists of 2020–2024 name the 63 provinces of their time
 * ("Vĩnh Phúc", "Bạc Liêu", "Thừa Thiên Huế"); a case counted there today belongs to the province
 * that absorbed it. Codes are those of server/data/vn-admin/units.json (the tests check both lists).
 */

/** The 34 current provinces: GSO code → name as units.json spells it. */
export const currentProvinces: Readonly<Record<string, string>> = {
  '01': 'Hà Nội',
  '04': 'Cao Bằng',
  '08': 'Tuyên Quang',
  '11': 'Điện Biên',
  '12': 'Lai Châu',
  '14': 'Sơn La',
  '15': 'Lào Cai',
  '19': 'Thái Nguyên',
  '20': 'Lạng Sơn',
  '22': 'Quảng Ninh',
  '24': 'Bắc Ninh',
  '25': 'Phú Thọ',
  '31': 'Hải Phòng',
  '33': 'Hưng Yên',
  '37': 'Ninh Bình',
  '38': 'Thanh Hoá',
  '40': 'Nghệ An',
  '42': 'Hà Tĩnh',
  '44': 'Quảng Trị',
  '46': 'Huế',
  '48': 'Đà Nẵng',
  '51': 'Quảng Ngãi',
  '52': 'Gia Lai',
  '56': 'Khánh Hoà',
  '66': 'Đắk Lắk',
  '68': 'Lâm Đồng',
  '75': 'Đồng Nai',
  '79': 'Hồ Chí Minh',
  '80': 'Tây Ninh',
  '82': 'Đồng Tháp',
  '86': 'Vĩnh Long',
  '91': 'An Giang',
  '92': 'Cần Thơ',
  '96': 'Cà Mau',
};

/** The 63 provinces before the 2025 merger → the current code of the province they are part of. */
export const oldProvinces: Readonly<Record<string, string>> = {
  'Hà Nội': '01',
  'Hà Giang': '08',
  'Cao Bằng': '04',
  'Bắc Kạn': '19',
  'Tuyên Quang': '08',
  'Lào Cai': '15',
  'Điện Biên': '11',
  'Lai Châu': '12',
  'Sơn La': '14',
  'Yên Bái': '15',
  'Hòa Bình': '25',
  'Thái Nguyên': '19',
  'Lạng Sơn': '20',
  'Quảng Ninh': '22',
  'Bắc Giang': '24',
  'Phú Thọ': '25',
  'Vĩnh Phúc': '25',
  'Bắc Ninh': '24',
  'Hải Dương': '31',
  'Hải Phòng': '31',
  'Hưng Yên': '33',
  'Thái Bình': '33',
  'Hà Nam': '37',
  'Nam Định': '37',
  'Ninh Bình': '37',
  'Thanh Hóa': '38',
  'Nghệ An': '40',
  'Hà Tĩnh': '42',
  'Quảng Bình': '44',
  'Quảng Trị': '44',
  'Thừa Thiên Huế': '46',
  'Đà Nẵng': '48',
  'Quảng Nam': '48',
  'Quảng Ngãi': '51',
  'Bình Định': '52',
  'Phú Yên': '66',
  'Khánh Hòa': '56',
  'Ninh Thuận': '56',
  'Bình Thuận': '68',
  'Kon Tum': '51',
  'Gia Lai': '52',
  'Đắk Lắk': '66',
  'Đắk Nông': '68',
  'Lâm Đồng': '68',
  'Bình Phước': '75',
  'Tây Ninh': '80',
  'Bình Dương': '79',
  'Đồng Nai': '75',
  'Bà Rịa – Vũng Tàu': '79',
  'Hồ Chí Minh': '79',
  'Long An': '80',
  'Tiền Giang': '82',
  'Bến Tre': '86',
  'Trà Vinh': '86',
  'Vĩnh Long': '86',
  'Đồng Tháp': '82',
  'An Giang': '91',
  'Kiên Giang': '91',
  'Cần Thơ': '92',
  'Hậu Giang': '92',
  'Sóc Trăng': '92',
  'Bạc Liêu': '96',
  'Cà Mau': '96',
};

/** Spellings met in line lists and the press that the normalised key alone does not catch. */
const aliases: Readonly<Record<string, string>> = {
  hcm: '79',
  tphcm: '79',
  hochiminhcity: '79',
  saigon: '79',
  brvt: '79',
  vungtau: '79',
  hue: '46',
  thuathien: '46',
  hn: '01',
  hanoicity: '01',
  danangcity: '48',
  dacnong: '68',
  daclac: '66',
};

/**
 * Lower case without diacritics, administrative prefixes ("Tỉnh", "Thành phố", "TP.") or
 * separators: "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh" and "ho chi minh" share one key.
 */
export function provinceKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/^(tinh|thanh\s*pho|tp\.?)\s*/, '')
    .replace(/[^a-z0-9]/g, '');
}

const byKey: ReadonlyMap<string, string> = new Map([
  ...Object.entries(aliases),
  ...Object.entries(currentProvinces).map(([code, name]) => [provinceKey(name), code] as const),
  ...Object.entries(oldProvinces).map(([name, code]) => [provinceKey(name), code] as const),
]);

/**
 * The current province code for a province name (old or current, any spelling) or a current
 * two-digit code; null when nothing matches.
 */
export function resolveProvince(nameOrCode: string): string | null {
  // A line list repeats a few dozen names a million times: remember them.
  const hit = memo.get(nameOrCode);
  if (hit !== undefined) return hit;
  const code = resolveUncached(nameOrCode);
  if (memo.size < 10_000) memo.set(nameOrCode, code);
  return code;
}
const memo = new Map<string, string | null>();

function resolveUncached(nameOrCode: string): string | null {
  const s = nameOrCode.trim();
  if (/^\d{1,2}$/.test(s)) {
    const code = s.padStart(2, '0');
    return code in currentProvinces ? code : null;
  }
  return byKey.get(provinceKey(s)) ?? null;
}
