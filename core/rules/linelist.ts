import type { ErrorDetail, Locale } from '../errors.ts';
import type { CaseClassification, CaseStatus } from '../schemas/cases.ts';
import { resolveProvince } from './old-provinces.ts';

/**
 * Line lists (issue 4): rows of the vn-2020 JSON format or of a CSV/XLSX table, mapped to one
 * normalised case row. Pure: the server streams the file, calls these per row, and writes in bulk.
 * Sources name what infected a case: another case's id (a link), a country ('GB', 'EU'), 'IMPORT'
 * (abroad, country unknown) or a cluster code ('BVBM'). Whether 'X12' is a case or a cluster
 * depends on the ids of the whole file, so sources stay raw until `resolveSources`.
 */
export interface LineListRow {
  /** 1-based: the element of the JSON `data` array, or the table line (header = 1). */
  rowNumber: number;
  caseNumber: string;
  confirmedDate: string;
  onsetDate: string | null;
  sampleDate: string | null;
  gender: 'male' | 'female' | 'other' | null;
  birthYear: number | null;
  nationality: string | null;
  /** Current province code; null only when the commune code alone places the case. */
  provinceCode: string | null;
  communeCode: string | null;
  status: CaseStatus;
  outcomeDate: string | null;
  treatmentPlace: string | null;
  /** As written in the file, in order. */
  sources: string[];
  /** A table's explicit classification; otherwise it follows from the sources. */
  classification: CaseClassification | null;
  /** A table's explicit cluster code. */
  cluster: string | null;
  notes: string | null;
}

export type RowResult = { ok: true; row: LineListRow } | { ok: false; errors: ErrorDetail[] };

export interface RowContext {
  locale: Locale;
  /** YYYY-MM-DD in Viet Nam: no date may be later. */
  today: string;
}

const en = {
  notObject: 'The row is not a JSON object',
  caseNumber: 'Missing or invalid case number (letters, digits, dots, dashes; at most 40)',
  date: 'Invalid date (YYYY-MM-DD or DD/MM/YYYY)',
  future: 'The date cannot be in the future',
  confirmedMissing: 'The confirmation date is missing',
  beforeConfirmed: 'Onset / sample date is after confirmation',
  outcomeBefore: 'Discharge / death date is before confirmation',
  gender: 'Invalid gender (male, female, other)',
  age: 'Invalid age (0–130)',
  birthYear: 'Invalid birth year',
  province: 'Unknown province',
  place: 'A province or a commune code is needed',
  commune: 'A commune code has 5 digits',
  status: 'Invalid status (treating, recovered, died)',
  classification: 'Invalid classification (imported, community, in quarantine)',
  source: 'Invalid source',
  cluster: 'Invalid cluster code',
  column: 'Missing required column',
  mappingField: 'Unknown field in the column mapping',
  mappingColumn: 'No such column in the file',
  json: 'Invalid JSON',
  notJson: 'The file is not JSON',
  truncated: 'The JSON is truncated or has no "data" array',
  empty: 'The file is empty',
  duplicate: 'This case number appears earlier in the file, row',
  locality: 'Locality outside your scope or not loaded',
  communeUnknown: 'Unknown commune code',
  communeProvince: 'The commune is not in this province',
  sourceLabel: 'Invalid source label (letters, digits, dots, dashes; at most 40)',
} as const;
export type LineListMessage = keyof typeof en;
const text: Record<Locale, Record<LineListMessage, string>> = {
  en,
  vi: {
    notObject: 'Dòng không phải là một đối tượng JSON',
    caseNumber: 'Mã ca bệnh thiếu hoặc không hợp lệ (chữ, số, dấu chấm, gạch; tối đa 40)',
    date: 'Ngày không hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY)',
    future: 'Ngày không được ở tương lai',
    confirmedMissing: 'Thiếu ngày xác định dương tính',
    beforeConfirmed: 'Ngày khởi phát / lấy mẫu sau ngày xác định',
    outcomeBefore: 'Ngày ra viện / tử vong trước ngày xác định',
    gender: 'Giới tính không hợp lệ (nam, nữ, khác)',
    age: 'Tuổi không hợp lệ (0–130)',
    birthYear: 'Năm sinh không hợp lệ',
    province: 'Không nhận ra tỉnh/thành',
    place: 'Cần tỉnh/thành hoặc mã xã',
    commune: 'Mã xã/phường phải gồm 5 chữ số',
    status: 'Tình trạng không hợp lệ (đang điều trị, khỏi, tử vong)',
    classification: 'Phân loại không hợp lệ (nhập cảnh, cộng đồng, trong khu cách ly)',
    source: 'Nguồn lây không hợp lệ',
    cluster: 'Mã ổ dịch không hợp lệ',
    column: 'Thiếu cột bắt buộc',
    mappingField: 'Trường không tồn tại trong ánh xạ cột',
    mappingColumn: 'Không có cột này trong tệp',
    json: 'JSON không hợp lệ',
    notJson: 'Tệp không phải JSON',
    truncated: 'Tệp JSON bị cắt cụt hoặc thiếu mảng "data"',
    empty: 'Tệp trống',
    duplicate: 'Mã ca bệnh này đã có ở dòng trước',
    locality: 'Địa bàn ngoài phạm vi của bạn hoặc chưa được nạp',
    communeUnknown: 'Không có mã xã/phường này',
    communeProvince: 'Xã/phường không thuộc tỉnh/thành này',
    sourceLabel: 'Nhãn nguồn không hợp lệ (chữ, số, dấu chấm, gạch; tối đa 40)',
  },
};

export const lineListMessage = (locale: Locale, key: LineListMessage, detail?: string) =>
  detail === undefined ? text[locale][key] : `${text[locale][key]}: ${detail}`;

const caseNumberRe = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const clusterRe = /^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/;
const sourceRe = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** Collects per-row problems while the fields are read, so one pass reports all of them. */
class RowReader {
  readonly errors: ErrorDetail[] = [];
  constructor(private readonly rowNumber: number, private readonly ctx: RowContext) {}
  fail(key: LineListMessage, detail?: string): null {
    this.errors.push({ path: `row:${this.rowNumber}`, message: lineListMessage(this.ctx.locale, key, detail) });
    return null;
  }
  date(v: unknown, label: string): string | null {
    const s = str(v);
    if (!s) return null;
    const iso = parseDate(s);
    if (!iso) return this.fail('date', `${label} "${s}"`);
    if (iso > this.ctx.today) return this.fail('future', `${label} ${iso}`);
    return iso;
  }
}

const folded = new Map<string, string>();
/** Lower case without diacritics; memoised, since status and gender repeat the same few words. */
const fold = (s: string): string => {
  let f = folded.get(s);
  if (f === undefined) {
    f = foldUncached(s);
    if (folded.size < 10_000) folded.set(s, f);
  }
  return f;
};
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
const orNull = (s: string) => (s === '' ? null : s);
const foldUncached = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().trim().replace(/[\s-]+/g, '_');

/** YYYY-MM-DD, or D/M/YYYY and D-M-YYYY (how Vietnamese tables write dates); a real calendar day. */
export function parseDate(s: string): string | null {
  // Fast path for the common case (a million rows pass here twice): YYYY-MM-DD, checked by hand.
  if (s.length === 10 && s[4] === '-' && s[7] === '-') {
    const y = Number(s.slice(0, 4)), m = Number(s.slice(5, 7)), d = Number(s.slice(8, 10));
    if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)) return s;
  }
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T.*)?$/.exec(s);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [y, m, d] = [Number(vn[3]), Number(vn[2]), Number(vn[1])];
  else return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || y < 1900) return null;
  return t.toISOString().slice(0, 10);
}

const daysIn = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

const genders: Record<string, LineListRow['gender']> = {
  male: 'male', m: 'male', nam: 'male', female: 'female', f: 'female', nu: 'female', other: 'other', khac: 'other',
};
const statuses: Record<string, CaseStatus> = {
  treating: 'treating', positive: 'treating', dang_dieu_tri: 'treating', dieu_tri: 'treating',
  recovered: 'recovered', negative: 'recovered', khoi: 'recovered', khoi_benh: 'recovered', ra_vien: 'recovered', da_khoi: 'recovered',
  died: 'died', deceased: 'died', tu_vong: 'died', da_tu_vong: 'died',
};
const classifications: Record<string, CaseClassification> = {
  imported: 'imported', nhap_canh: 'imported', ngoai_nhap: 'imported', community: 'community', cong_dong: 'community',
  in_quarantine: 'in_quarantine', trong_khu_cach_ly: 'in_quarantine', cach_ly: 'in_quarantine', quarantine: 'in_quarantine',
};

/** Shared checks once the fields of either format are read. */
function finish(r: RowReader, row: Omit<LineListRow, 'birthYear'> & { age: number | null; birthYear: number | null }): RowResult {
  if (!caseNumberRe.test(row.caseNumber)) r.fail('caseNumber', row.caseNumber || undefined);
  if (row.confirmedDate) {
    if ((row.onsetDate && row.onsetDate > row.confirmedDate) || (row.sampleDate && row.sampleDate > row.confirmedDate)) r.fail('beforeConfirmed');
    if (row.outcomeDate && row.outcomeDate < row.confirmedDate) r.fail('outcomeBefore');
  }
  for (const s of row.sources) if (!sourceRe.test(s)) r.fail('source', s);
  if (row.cluster !== null && !clusterRe.test(row.cluster)) r.fail('cluster', row.cluster);
  // Age at confirmation: the birth year is the confirmed year minus the completed years.
  const birthYear = row.birthYear ?? (row.age !== null && row.confirmedDate ? Number(row.confirmedDate.slice(0, 4)) - Math.floor(row.age) : null);
  if (r.errors.length) return { ok: false, errors: r.errors };
  const { age: _age, ...rest } = row;
  return { ok: true, row: { ...rest, birthYear } };
}

function readAge(r: RowReader, v: unknown): number | null {
  if (v === undefined || v === null || v === '' || v === -1 || v === '-1') return null;
  const n = typeof v === 'number' ? v : Number(str(v).replace(',', '.'));
  if (!Number.isFinite(n) || n < 0 || n > 130) return r.fail('age', str(v));
  return n;
}

function readProvince(r: RowReader, name: string): string | null {
  if (!name) return null;
  return resolveProvince(name) ?? r.fail('province', name);
}

/**
 * One element of the vn-2020 `data` array: `{id, positiveDate, dischargeDate, gender, age,
 * treatLoc, from, nationality, status ('positive' still treating, 'negative' recovered,
 * 'deceased'), source[], desc, flights}`. The case is counted where it was treated.
 */
export function normaliseVn2020Row(raw: unknown, rowNumber: number, ctx: RowContext): RowResult {
  const r = new RowReader(rowNumber, ctx);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, errors: [{ path: `row:${rowNumber}`, message: lineListMessage(ctx.locale, 'notObject') }] };
  const p = raw as Record<string, unknown>;
  const confirmedDate = r.date(p.positiveDate, 'positiveDate') ?? (str(p.positiveDate) ? null : r.fail('confirmedMissing'));
  const status = statuses[fold(str(p.status) || 'positive')] ?? r.fail('status', str(p.status));
  const discharge = r.date(p.dischargeDate, 'dischargeDate');
  const genderText = fold(str(p.gender));
  const gender = genderText ? (genders[genderText] ?? r.fail('gender', str(p.gender))) : null;
  const treatLoc = str(p.treatLoc) || str(p.from);
  const provinceCode = treatLoc ? readProvince(r, treatLoc) : r.fail('place');
  const sources = Array.isArray(p.source) ? p.source.map(str).filter((s) => s !== '') : [];
  const flights = Array.isArray(p.flights) ? p.flights.map(str).filter((s) => s !== '') : [];
  const desc = str(p.desc);
  const notes = [desc, flights.length ? `Chuyến bay / Flights: ${flights.join(', ')}` : ''].filter(Boolean).join('\n').slice(0, 2000);
  return finish(r, {
    rowNumber, caseNumber: str(p.id), confirmedDate: confirmedDate ?? '', onsetDate: null, sampleDate: null,
    gender, age: readAge(r, p.age), birthYear: null, nationality: orNull(str(p.nationality)),
    provinceCode, communeCode: null, status: status ?? 'treating', outcomeDate: status === 'treating' ? null : discharge,
    treatmentPlace: orNull(str(p.treatLoc)), sources, classification: null, cluster: null, notes: orNull(notes),
  });
}

/** Fields a table column can hold. */
export const lineListFields = [
  'caseNumber', 'confirmedDate', 'onsetDate', 'sampleDate', 'gender', 'birthYear', 'age', 'province', 'communeCode',
  'classification', 'status', 'outcomeDate', 'nationality', 'sources', 'cluster', 'notes',
] as const;
export type LineListField = (typeof lineListFields)[number];
export type ColumnIndex = Partial<Record<LineListField, number>>;

/** Headers recognised without a mapping, as `normaliseHeader` writes them (no diacritics, `_`). */
const knownHeaders: Record<LineListField, readonly string[]> = {
  caseNumber: ['case_number', 'case_no', 'case_id', 'case', 'id', 'ma_ca', 'ma_ca_benh', 'ma_bn', 'bn', 'so_bn', 'benh_nhan', 'patient', 'patient_id'],
  confirmedDate: ['confirmed_date', 'confirmed', 'positive_date', 'positivedate', 'ngay_xac_dinh', 'ngay_duong_tinh', 'ngay_cong_bo', 'ngay_xn_duong_tinh'],
  onsetDate: ['onset_date', 'onset', 'ngay_khoi_phat'],
  sampleDate: ['sample_date', 'ngay_lay_mau'],
  gender: ['gender', 'sex', 'gioi_tinh', 'gioi'],
  birthYear: ['birth_year', 'year_of_birth', 'nam_sinh'],
  age: ['age', 'tuoi'],
  province: ['province', 'province_code', 'treatloc', 'treat_loc', 'tinh', 'tinh_thanh', 'tinh/thanh', 'tinh_thanh_pho', 'ma_tinh', 'noi_dieu_tri'],
  communeCode: ['commune_code', 'commune', 'ma_xa', 'ma_phuong_xa', 'xa_phuong', 'xa'],
  classification: ['classification', 'phan_loai', 'loai_ca'],
  status: ['status', 'tinh_trang', 'trang_thai'],
  outcomeDate: ['outcome_date', 'discharge_date', 'dischargedate', 'ngay_ra_vien', 'ngay_khoi'],
  nationality: ['nationality', 'quoc_tich'],
  sources: ['sources', 'source', 'nguon', 'nguon_lay', 'nguon_lay_nhiem', 'infector', 'infectors'],
  cluster: ['cluster', 'o_dich', 'ma_o_dich', 'chum_ca'],
  notes: ['notes', 'note', 'ghi_chu', 'mo_ta', 'desc', 'description'],
};

/**
 * Which column holds which field. `mapping` (normalised header → field) wins; other headers are
 * recognised by name. Errors name the file, not a row: the file is refused as a whole.
 */
export function tableColumns(header: readonly string[], locale: Locale, mapping?: Readonly<Record<string, string>>): { columns: ColumnIndex; errors: ErrorDetail[] } {
  const columns: ColumnIndex = {};
  const errors: ErrorDetail[] = [];
  const taken = new Set<number>();
  for (const [column, field] of Object.entries(mapping ?? {})) {
    const i = header.indexOf(column);
    if (!(lineListFields as readonly string[]).includes(field)) errors.push({ path: 'mapping', message: lineListMessage(locale, 'mappingField', field) });
    else if (i < 0) errors.push({ path: 'mapping', message: lineListMessage(locale, 'mappingColumn', column) });
    else {
      columns[field as LineListField] = i;
      taken.add(i);
    }
  }
  for (const field of lineListFields) {
    if (columns[field] !== undefined) continue;
    const i = header.findIndex((h, j) => !taken.has(j) && knownHeaders[field].includes(h));
    if (i >= 0) {
      columns[field] = i;
      taken.add(i);
    }
  }
  for (const field of ['caseNumber', 'confirmedDate'] as const) {
    if (columns[field] === undefined) errors.push({ path: 'header', message: lineListMessage(locale, 'column', field) });
  }
  if (columns.province === undefined && columns.communeCode === undefined) errors.push({ path: 'header', message: lineListMessage(locale, 'column', 'province / communeCode') });
  return { columns, errors };
}

/** One table line through the column index. Sources split on `;` or `,`. */
export function normaliseTableRow(cells: readonly string[], columns: ColumnIndex, rowNumber: number, ctx: RowContext): RowResult {
  const r = new RowReader(rowNumber, ctx);
  const cell = (f: LineListField) => (columns[f] === undefined ? '' : (cells[columns[f]] ?? '').trim());
  const confirmedDate = r.date(cell('confirmedDate'), 'confirmedDate') ?? (cell('confirmedDate') ? null : r.fail('confirmedMissing'));
  const statusText = cell('status');
  const status = statusText ? (statuses[fold(statusText)] ?? r.fail('status', statusText)) : 'treating';
  const genderText = cell('gender');
  const gender = genderText ? (genders[fold(genderText)] ?? r.fail('gender', genderText)) : null;
  const classText = cell('classification');
  const classification = classText ? (classifications[fold(classText)] ?? r.fail('classification', classText)) : null;
  // Excel drops the leading zero of a numeric-looking code: 3388 is 03388.
  const communeText = cell('communeCode');
  const communeCode = orNull(/^\d{1,4}$/.test(communeText) ? communeText.padStart(5, '0') : communeText);
  if (communeCode !== null && !/^\d{5}$/.test(communeCode)) r.fail('commune', communeCode);
  const provinceCode = readProvince(r, cell('province'));
  if (!cell('province') && communeCode === null) r.fail('place');
  const birthText = cell('birthYear');
  let birthYear: number | null = null;
  if (birthText) {
    birthYear = /^\d{4}$/.test(birthText) ? Number(birthText) : null;
    if (birthYear === null || birthYear < 1900 || String(birthYear) > ctx.today.slice(0, 4)) r.fail('birthYear', birthText);
  }
  return finish(r, {
    rowNumber, caseNumber: cell('caseNumber'), confirmedDate: confirmedDate ?? '',
    onsetDate: r.date(cell('onsetDate'), 'onsetDate'), sampleDate: r.date(cell('sampleDate'), 'sampleDate'),
    gender, age: birthYear === null ? readAge(r, cell('age')) : null, birthYear, nationality: orNull(cell('nationality')),
    provinceCode, communeCode, status: status ?? 'treating', outcomeDate: r.date(cell('outcomeDate'), 'outcomeDate'),
    treatmentPlace: null, sources: cell('sources').split(/[;,]/).map((s) => s.trim()).filter((s) => s !== ''),
    classification, cluster: orNull(cell('cluster').toUpperCase()), notes: orNull(cell('notes').slice(0, 2000)),
  });
}

export type SourceKind =
  | { kind: 'case'; id: string }
  | { kind: 'country'; code: string }
  | { kind: 'import' }
  | { kind: 'community' }
  | { kind: 'cluster'; code: string };

/**
 * What one source names. Digits, or an id present in the file, are cases; two capitals (and
 * 'EU') are where the case came from abroad; 'IMPORT' is abroad, country unknown; 'VN' is the
 * vn-2020 list's "in the community" (not a country of origin); anything else is a cluster code.
 */
export function classifySource(source: string, isIdInFile: (s: string) => boolean): SourceKind {
  if (/^\d+$/.test(source) || isIdInFile(source)) return { kind: 'case', id: source };
  if (source === 'IMPORT') return { kind: 'import' };
  if (source === 'VN') return { kind: 'community' };
  if (/^[A-Z]{2}$/.test(source)) return { kind: 'country', code: source };
  return { kind: 'cluster', code: source.toUpperCase() };
}

export interface ResolvedSources {
  /** Ids (case numbers in the same file or source) of the infectors, without repeats or itself. */
  infectors: string[];
  classification: CaseClassification;
  sourceCountry: string | null;
  cluster: string | null;
}

/** Classification follows the sources (imported when any is abroad) unless the row states it. */
export function resolveSources(row: Pick<LineListRow, 'caseNumber' | 'sources' | 'classification' | 'cluster'>, isIdInFile: (s: string) => boolean): ResolvedSources {
  const infectors: string[] = [];
  let imported = false;
  let sourceCountry: string | null = null;
  let cluster = row.cluster;
  for (const s of row.sources) {
    const k = classifySource(s, isIdInFile);
    if (k.kind === 'case') {
      if (k.id !== row.caseNumber && !infectors.includes(k.id)) infectors.push(k.id);
    } else if (k.kind === 'country') {
      imported = true;
      sourceCountry ??= k.code;
    } else if (k.kind === 'import') imported = true;
    else if (k.kind === 'cluster') cluster ??= k.code;
  }
  return { infectors, classification: row.classification ?? (imported ? 'imported' : 'community'), sourceCountry, cluster };
}
