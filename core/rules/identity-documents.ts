/**
 * Vietnamese identity documents. CCCD (12 digits) has no check digit, but its structure is
 * verifiable: digits 1–3 are the (pre-2025) province of birth registration, digit 4 encodes
 * century and gender, digits 5–6 the last two digits of the birth year.
 */
export type IdType = 'cccd' | 'cmnd' | 'passport';
export type Gender = 'male' | 'female' | 'other';

export const cccdProvinceCodes: ReadonlySet<string> = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

export type IdProblem = 'format' | 'province' | 'century' | 'birth_year' | 'gender';

/** Returns the first structural problem of an ID number, or null when it is plausible. */
export function checkIdNumber(type: IdType, raw: string, birthYear?: number, gender?: Gender): IdProblem | null {
  const id = normaliseIdNumber(type, raw);
  if (type === 'cmnd') return /^\d{9}$/.test(id) ? null : 'format';
  if (type === 'passport') return /^[A-Z0-9]{6,9}$/.test(id) ? null : 'format';
  if (!/^\d{12}$/.test(id)) return 'format';
  if (!cccdProvinceCodes.has(id.slice(0, 3))) return 'province';
  const centuryDigit = Number(id[3]);
  const century = 1900 + Math.floor(centuryDigit / 2) * 100; // 0/1 → 1900s, 2/3 → 2000s, …
  if (century > 2100) return 'century';
  if (birthYear !== undefined) {
    if (Math.floor(birthYear / 100) * 100 !== century) return 'century';
    if (Number(id.slice(4, 6)) !== birthYear % 100) return 'birth_year';
  }
  if (gender && gender !== 'other' && (centuryDigit % 2 === 0 ? 'male' : 'female') !== gender) return 'gender';
  return null;
}

export function normaliseIdNumber(type: IdType, raw: string): string {
  const compact = raw.replace(/[\s.-]/g, '');
  return type === 'passport' ? compact.toUpperCase() : compact;
}

/** Vietnamese mobile numbers: 0 or +84 followed by 9 digits of a mobile prefix (3, 5, 7, 8, 9). */
export function normaliseVietnamesePhone(raw: string): string | null {
  const digits = raw.replace(/[\s.()-]/g, '');
  const m = /^(?:\+?84|0)([35789]\d{8})$/.exec(digits);
  return m ? `+84${m[1]}` : null;
}

/** The document type a roster's number has, by its shape (as the roster import accepted it). */
export const idTypeOfRosterNumber = (n: string): IdType =>
  /^\d{12}$/.test(n) ? 'cccd' : /^\d{9}$/.test(n) ? 'cmnd' : 'passport';
