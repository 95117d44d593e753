import type { ErrorDetail, Locale } from '../../../core/errors.ts';
import type { VaccinationRow } from '../../../core/schemas/risk-admin.ts';
import { rowPath } from '../../shared/file-import.ts';
import type { Table } from '../../shared/tabular-file.ts';
import { normaliseCode } from '../localities/population-import.ts';

export const maxVaccinationRows = 50_000;

/** Headers after `normaliseHeader` (no diacritics, lower case, underscores). */
const columns = {
  commune: (h: string) => ['ma_xa', 'ma', 'ma_don_vi', 'code', 'commune_code', 'commune'].includes(h),
  asOf: (h: string) => ['ngay', 'ngay_bao_cao', 'date', 'as_of'].includes(h),
  adults1Dose: (h: string) => /(1_mui|1_dose)/.test(h),
  adultsFull: (h: string) => /(du_lieu|fully|full_dose)/.test(h),
  highRisk: (h: string) => /(nguy_co_cao|high.risk)/.test(h),
};

const msg = {
  noCommune: { vi: 'Thiếu cột "Mã xã"', en: 'Missing the "Commune code" column' },
  noDate: { vi: 'Thiếu cột "Ngày"', en: 'Missing the "Date" column' },
  noCoverage: { vi: 'Cần ít nhất một cột tỷ lệ tiêm chủng', en: 'At least one coverage column is needed' },
  empty: { vi: 'Tệp không có dòng dữ liệu', en: 'The file has no data rows' },
  tooMany: { vi: `Tối đa ${maxVaccinationRows} dòng`, en: `At most ${maxVaccinationRows} rows` },
  badCode: { vi: 'Mã xã không hợp lệ', en: 'Invalid commune code' },
  badDate: { vi: 'Ngày không hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY)', en: 'Invalid date (YYYY-MM-DD or DD/MM/YYYY)' },
  badPct: { vi: 'Tỷ lệ phải là số từ 0 đến 100', en: 'A coverage must be a number from 0 to 100' },
  dup: { vi: 'Xã và ngày bị lặp lại trong tệp', en: 'Commune and date repeated in the file' },
} satisfies Record<string, Record<Locale, string>>;

/** "2021-10-11", "11/10/2021" (Vietnamese order) → ISO date, or null. */
export function parseDay(raw: string): string | null {
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : vn
      ? [vn[3], vn[2]!.padStart(2, '0'), vn[1]!.padStart(2, '0')]
      : [];
  if (!y || !m || !d) return null;
  const date = `${y}-${m}-${d}`;
  return new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date ? date : null;
}

/** "87,5", "87.5", "87.5%" → 87.5; blank → undefined; anything else → null. */
export function parsePercent(raw: string): number | null | undefined {
  const s = raw.trim().replace(/%$/, '').replace(',', '.');
  if (s === '') return undefined;
  if (!/^\d{1,3}(\.\d+)?$/.test(s)) return null;
  const v = Number(s);
  return v <= 100 ? v : null;
}

/** Validates a coverage table; every problem is reported with its row, nothing is half-read. */
export function parseVaccinationTable(
  table: Table,
  locale: Locale,
): { rows: VaccinationRow[]; rowNumbers: number[]; errors: ErrorDetail[] } {
  const col = (test: (h: string) => boolean) => table.header.findIndex(test);
  const at = {
    commune: col(columns.commune),
    asOf: col(columns.asOf),
    adults1Dose: col(columns.adults1Dose),
    adultsFull: col(columns.adultsFull),
    highRisk: col(columns.highRisk),
  };
  const errors: ErrorDetail[] = [];
  if (at.commune < 0) errors.push({ path: 'header', message: msg.noCommune[locale] });
  if (at.asOf < 0) errors.push({ path: 'header', message: msg.noDate[locale] });
  if (at.adults1Dose < 0 && at.adultsFull < 0 && at.highRisk < 0)
    errors.push({ path: 'header', message: msg.noCoverage[locale] });
  if (table.rows.length === 0) errors.push({ path: 'file', message: msg.empty[locale] });
  if (table.rows.length > maxVaccinationRows) errors.push({ path: 'file', message: msg.tooMany[locale] });
  if (errors.length) return { rows: [], rowNumbers: [], errors };

  const seen = new Set<string>();
  const rows: VaccinationRow[] = [];
  const rowNumbers: number[] = [];
  for (const r of table.rows) {
    const path = rowPath(r.rowNumber);
    const cell = (i: number) => (i < 0 ? '' : (r.cells[i] ?? ''));
    const code = normaliseCode(cell(at.commune));
    const asOf = parseDay(cell(at.asOf));
    if (!code || code.length !== 5) errors.push({ path, message: `${msg.badCode[locale]}: "${cell(at.commune)}"` });
    if (!asOf) errors.push({ path, message: `${msg.badDate[locale]}: "${cell(at.asOf)}"` });
    const pct = (i: number) => {
      const v = parsePercent(cell(i));
      if (v === null) errors.push({ path, message: `${msg.badPct[locale]}: "${cell(i)}"` });
      return v ?? undefined;
    };
    const row = { adults1Dose: pct(at.adults1Dose), adultsFull: pct(at.adultsFull), highRisk: pct(at.highRisk) };
    if (!code || code.length !== 5 || !asOf) continue;
    const key = `${code}|${asOf}`;
    if (seen.has(key)) errors.push({ path, message: `${msg.dup[locale]}: ${code} ${asOf}` });
    seen.add(key);
    rows.push({ commune: code, asOf, ...row });
    rowNumbers.push(r.rowNumber);
  }
  return { rows, rowNumbers, errors };
}
