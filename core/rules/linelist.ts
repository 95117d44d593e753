import type { ErrorDetail, Locale } from '../errors.ts';
import type { CaseClassification, CaseStatus } from '../schemas/cases.ts';
import type { ColumnIndex, LineListField } from './linelist-columns.ts';
import { lineListMessage, type LineListMessage } from './linelist-messages.ts';
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

const caseNumberRe = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const clusterRe = /^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/;
const sourceRe = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** Collects per-row problems while the fields are read, so one pass reports all of them. */
class RowReader {
  readonly errors: ErrorDetail[] = [];
  constructor(
    private readonly rowNumber: number,
    private readonly ctx: RowContext,
  ) {}
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
const str = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
const orNull = (s: string) => (s === '' ? null : s);
const foldUncached = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, '_');

/** YYYY-MM-DD, or D/M/YYYY and D-M-YYYY (how Vietnamese tables write dates); a real calendar day. */
export function parseDate(s: string): string | null {
  // Fast path for the common case (a million rows pass here twice): YYYY-MM-DD, checked by hand.
  if (s.length === 10 && s[4] === '-' && s[7] === '-') {
    const y = Number(s.slice(0, 4)),
      m = Number(s.slice(5, 7)),
      d = Number(s.slice(8, 10));
    if (
      Number.isInteger(y) &&
      Number.isInteger(m) &&
      Number.isInteger(d) &&
      y >= 1900 &&
      m >= 1 &&
      m <= 12 &&
      d >= 1 &&
      d <= daysIn(y, m)
    )
      return s;
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

const daysIn = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

const genders: Record<string, LineListRow['gender']> = {
  male: 'male',
  m: 'male',
  nam: 'male',
  female: 'female',
  f: 'female',
  nu: 'female',
  other: 'other',
  khac: 'other',
};
const statuses: Record<string, CaseStatus> = {
  treating: 'treating',
  positive: 'treating',
  dang_dieu_tri: 'treating',
  dieu_tri: 'treating',
  recovered: 'recovered',
  negative: 'recovered',
  khoi: 'recovered',
  khoi_benh: 'recovered',
  ra_vien: 'recovered',
  da_khoi: 'recovered',
  died: 'died',
  deceased: 'died',
  tu_vong: 'died',
  da_tu_vong: 'died',
};
const classifications: Record<string, CaseClassification> = {
  imported: 'imported',
  nhap_canh: 'imported',
  ngoai_nhap: 'imported',
  community: 'community',
  cong_dong: 'community',
  in_quarantine: 'in_quarantine',
  trong_khu_cach_ly: 'in_quarantine',
  cach_ly: 'in_quarantine',
  quarantine: 'in_quarantine',
};

/** Shared checks once the fields of either format are read. */
function finish(
  r: RowReader,
  row: Omit<LineListRow, 'birthYear'> & { age: number | null; birthYear: number | null },
): RowResult {
  if (!caseNumberRe.test(row.caseNumber)) r.fail('caseNumber', row.caseNumber || undefined);
  if (row.confirmedDate) {
    if ((row.onsetDate && row.onsetDate > row.confirmedDate) || (row.sampleDate && row.sampleDate > row.confirmedDate))
      r.fail('beforeConfirmed');
    if (row.outcomeDate && row.outcomeDate < row.confirmedDate) r.fail('outcomeBefore');
  }
  for (const s of row.sources) if (!sourceRe.test(s)) r.fail('source', s);
  if (row.cluster !== null && !clusterRe.test(row.cluster)) r.fail('cluster', row.cluster);
  // Age at confirmation: the birth year is the confirmed year minus the completed years.
  const birthYear =
    row.birthYear ??
    (row.age !== null && row.confirmedDate ? Number(row.confirmedDate.slice(0, 4)) - Math.floor(row.age) : null);
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
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, errors: [{ path: `row:${rowNumber}`, message: lineListMessage(ctx.locale, 'notObject') }] };
  const p = raw as Record<string, unknown>;
  const confirmedDate =
    r.date(p.positiveDate, 'positiveDate') ?? (str(p.positiveDate) ? null : r.fail('confirmedMissing'));
  const status = statuses[fold(str(p.status) || 'positive')] ?? r.fail('status', str(p.status));
  const discharge = r.date(p.dischargeDate, 'dischargeDate');
  const genderText = fold(str(p.gender));
  const gender = genderText ? (genders[genderText] ?? r.fail('gender', str(p.gender))) : null;
  const treatLoc = str(p.treatLoc) || str(p.from);
  const provinceCode = treatLoc ? readProvince(r, treatLoc) : r.fail('place');
  const sources = Array.isArray(p.source) ? p.source.map(str).filter((s) => s !== '') : [];
  const flights = Array.isArray(p.flights) ? p.flights.map(str).filter((s) => s !== '') : [];
  const desc = str(p.desc);
  const notes = [desc, flights.length ? `Chuyến bay / Flights: ${flights.join(', ')}` : '']
    .filter(Boolean)
    .join('\n')
    .slice(0, 2000);
  return finish(r, {
    rowNumber,
    caseNumber: str(p.id),
    confirmedDate: confirmedDate ?? '',
    onsetDate: null,
    sampleDate: null,
    gender,
    age: readAge(r, p.age),
    birthYear: null,
    nationality: orNull(str(p.nationality)),
    provinceCode,
    communeCode: null,
    status: status ?? 'treating',
    outcomeDate: status === 'treating' ? null : discharge,
    treatmentPlace: orNull(str(p.treatLoc)),
    sources,
    classification: null,
    cluster: null,
    notes: orNull(notes),
  });
}

/** One table line through the column index. Sources split on `;` or `,`. */
export function normaliseTableRow(
  cells: readonly string[],
  columns: ColumnIndex,
  rowNumber: number,
  ctx: RowContext,
): RowResult {
  const r = new RowReader(rowNumber, ctx);
  const cell = (f: LineListField) => (columns[f] === undefined ? '' : (cells[columns[f]] ?? '').trim());
  const confirmedDate =
    r.date(cell('confirmedDate'), 'confirmedDate') ?? (cell('confirmedDate') ? null : r.fail('confirmedMissing'));
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
    if (birthYear === null || birthYear < 1900 || String(birthYear) > ctx.today.slice(0, 4))
      r.fail('birthYear', birthText);
  }
  return finish(r, {
    rowNumber,
    caseNumber: cell('caseNumber'),
    confirmedDate: confirmedDate ?? '',
    onsetDate: r.date(cell('onsetDate'), 'onsetDate'),
    sampleDate: r.date(cell('sampleDate'), 'sampleDate'),
    gender,
    age: birthYear === null ? readAge(r, cell('age')) : null,
    birthYear,
    nationality: orNull(cell('nationality')),
    provinceCode,
    communeCode,
    status: status ?? 'treating',
    outcomeDate: r.date(cell('outcomeDate'), 'outcomeDate'),
    treatmentPlace: null,
    sources: cell('sources')
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    classification,
    cluster: orNull(cell('cluster').toUpperCase()),
    notes: orNull(cell('notes').slice(0, 2000)),
  });
}
