import type { ErrorDetail, Locale } from '../errors.ts';
import { lineListMessage } from './linelist-messages.ts';

/** Fields a table column can hold. */
export const lineListFields = [
  'caseNumber',
  'confirmedDate',
  'onsetDate',
  'sampleDate',
  'gender',
  'birthYear',
  'age',
  'province',
  'communeCode',
  'classification',
  'status',
  'outcomeDate',
  'nationality',
  'sources',
  'cluster',
  'notes',
] as const;
export type LineListField = (typeof lineListFields)[number];
export type ColumnIndex = Partial<Record<LineListField, number>>;

/** Headers recognised without a mapping, as `normaliseHeader` writes them (no diacritics, `_`). */
const knownHeaders: Record<LineListField, readonly string[]> = {
  caseNumber: [
    'case_number',
    'case_no',
    'case_id',
    'case',
    'id',
    'ma_ca',
    'ma_ca_benh',
    'ma_bn',
    'bn',
    'so_bn',
    'benh_nhan',
    'patient',
    'patient_id',
  ],
  confirmedDate: [
    'confirmed_date',
    'confirmed',
    'positive_date',
    'positivedate',
    'ngay_xac_dinh',
    'ngay_duong_tinh',
    'ngay_cong_bo',
    'ngay_xn_duong_tinh',
  ],
  onsetDate: ['onset_date', 'onset', 'ngay_khoi_phat'],
  sampleDate: ['sample_date', 'ngay_lay_mau'],
  gender: ['gender', 'sex', 'gioi_tinh', 'gioi'],
  birthYear: ['birth_year', 'year_of_birth', 'nam_sinh'],
  age: ['age', 'tuoi'],
  province: [
    'province',
    'province_code',
    'treatloc',
    'treat_loc',
    'tinh',
    'tinh_thanh',
    'tinh/thanh',
    'tinh_thanh_pho',
    'ma_tinh',
    'noi_dieu_tri',
  ],
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
export function tableColumns(
  header: readonly string[],
  locale: Locale,
  mapping?: Readonly<Record<string, string>>,
): { columns: ColumnIndex; errors: ErrorDetail[] } {
  const columns: ColumnIndex = {};
  const errors: ErrorDetail[] = [];
  const taken = new Set<number>();
  for (const [column, field] of Object.entries(mapping ?? {})) {
    const i = header.indexOf(column);
    if (!(lineListFields as readonly string[]).includes(field))
      errors.push({ path: 'mapping', message: lineListMessage(locale, 'mappingField', field) });
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
    if (columns[field] === undefined)
      errors.push({ path: 'header', message: lineListMessage(locale, 'column', field) });
  }
  if (columns.province === undefined && columns.communeCode === undefined)
    errors.push({ path: 'header', message: lineListMessage(locale, 'column', 'province / communeCode') });
  return { columns, errors };
}
