import type { ErrorDetail, Locale } from '../../../core/errors.ts';
import { organisationTypes, type OrganisationType } from '../../../core/schemas/assessment-template.ts';
import { registerOrganisationRequest, type RegisterOrganisationRequest } from '../../../core/schemas/organisations.ts';
import { checkTaxCode } from '../../../core/rules/workplaces/tax-code.ts';
import type { Table } from '../../shared/tabular-file.ts';
import { locateColumns, sheetFlag, sheetWord, type SheetColumns } from '../../shared/sheet-columns.ts';
import { rowPath } from '../../shared/file-import.ts';
import { normaliseCode, parseWholeNumber } from '../localities/population-import.ts';

export const maxOrganisationRows = 5_000;

/** Column → the headers it is recognised by (Vietnamese without accents, or English), normalised. */
const headers = {
  name: ['name', 'ten', 'ten_co_quan', 'ten_don_vi', 'ten_co_quan,_don_vi', 'ten_doanh_nghiep'],
  type: ['type', 'kind', 'loai', 'loai_hinh'],
  sector: ['sector', 'nganh', 'nganh_nghe'],
  taxCode: ['tax_code', 'ma_so_thue', 'mst'],
  addressLine: ['address', 'dia_chi'],
  communeCode: ['commune', 'commune_code', 'ma_xa', 'ma_phuong', 'ma_xa,_phuong', 'ma_xa/phuong'],
  headName: ['head', 'head_of_unit', 'nguoi_dung_dau', 'thu_truong'],
  contactName: ['contact', 'contact_name', 'nguoi_phu_trach', 'nguoi_phu_trach_an_toan_covid'],
  contactPhone: ['phone', 'contact_phone', 'so_dien_thoai', 'dien_thoai', 'sdt'],
  headcount: ['headcount', 'workers', 'so_lao_dong', 'so_nguoi_lao_dong'],
  shifts: ['shifts', 'so_ca', 'ca_lam_viec'],
  runsDormitory: ['dormitory', 'nha_o_tap_the', 'khu_nha_o_tap_the'],
  runsShuttle: ['shuttle', 'shuttle_bus', 'xe_dua_don'],
} as const;
type Column = keyof typeof headers;
const required: Column[] = [
  'name',
  'type',
  'addressLine',
  'communeCode',
  'headName',
  'contactName',
  'contactPhone',
  'headcount',
];

/** The kinds as written in a sheet: the code, or its Vietnamese or English name without accents. */
const typeWords: Record<OrganisationType, string[]> = {
  agency: ['co_quan', 'don_vi_su_nghiep', 'co_quan_hanh_chinh', 'government_agency'],
  enterprise: ['doanh_nghiep', 'cong_ty', 'company'],
  school: ['truong_hoc', 'truong'],
  market: ['cho'],
  supermarket: ['sieu_thi', 'trung_tam_thuong_mai', 'mall', 'shopping_mall'],
  restaurant: ['nha_hang', 'quan_an'],
  industrial_park: ['khu_cong_nghiep', 'cum_cong_nghiep'],
  dormitory: ['nha_o_tap_the', 'ky_tuc_xa', 'ktx'],
  health_facility: ['co_so_y_te', 'benh_vien', 'tram_y_te', 'hospital'],
  other: ['khac'],
};
const typeByWord = new Map<string, OrganisationType>(
  organisationTypes.flatMap((t) => [[t, t] as const, ...typeWords[t].map((w) => [w, t] as const)]),
);

const msg = {
  badType: {
    vi: 'Loại hình không hợp lệ (ví dụ: doanh nghiệp, trường học, chợ)',
    en: 'Unknown kind (e.g. enterprise, school, market)',
  },
  badCommune: { vi: 'Mã xã, phường không hợp lệ', en: 'Invalid commune code' },
  badNumber: { vi: 'Phải là số nguyên', en: 'Must be a whole number' },
  dupTax: { vi: 'Mã số thuế lặp lại trong tệp', en: 'Tax code repeated in the file' },
} satisfies Record<string, Record<Locale, string>>;

const headerNames: Record<Column, Record<Locale, string>> = {
  name: { vi: 'tên', en: 'name' },
  type: { vi: 'loại hình', en: 'type' },
  sector: { vi: 'ngành nghề', en: 'sector' },
  taxCode: { vi: 'mã số thuế', en: 'tax code' },
  addressLine: { vi: 'địa chỉ', en: 'address' },
  communeCode: { vi: 'mã xã', en: 'commune' },
  headName: { vi: 'người đứng đầu', en: 'head' },
  contactName: { vi: 'người phụ trách', en: 'contact' },
  contactPhone: { vi: 'số điện thoại', en: 'phone' },
  headcount: { vi: 'số lao động', en: 'headcount' },
  shifts: { vi: 'số ca', en: 'shifts' },
  runsDormitory: { vi: 'nhà ở tập thể', en: 'dormitory' },
  runsShuttle: { vi: 'xe đưa đón', en: 'shuttle' },
};

const columns: SheetColumns<Column> = { headers, names: headerNames, required, maxRows: maxOrganisationRows };

export type OrganisationImportRow = Omit<RegisterOrganisationRequest, 'clientKey'> & { rowNumber: number };

/**
 * Validates an organisations sheet, every row (all or nothing is the caller's): each bad cell is one
 * `row:N` problem naming its column, in the reader's language. Registration's own rules (lengths,
 * phone, tax code shape) are the schema's, so an imported row is what the form would accept.
 */
export function parseOrganisationsTable(
  table: Table,
  locale: Locale,
): { rows: OrganisationImportRow[]; errors: ErrorDetail[] } {
  const sheet = locateColumns(table, columns, locale);
  const errors = sheet.errors;
  if (errors.length) return { rows: [], errors };

  const rows: OrganisationImportRow[] = [];
  const taxCodes = new Map<string, number>();
  for (const r of table.rows) {
    const path = rowPath(r.rowNumber);
    const cell = (c: Column) => sheet.cell(r.cells, c);
    const problem = (c: Column, text: string) => errors.push({ path, message: sheet.problem(c, text) });
    const before = errors.length;
    const type = sheetWord(cell('type'), typeByWord);
    if (!type) problem('type', `${msg.badType[locale]}: "${cell('type')}"`);
    const commune = normaliseCode(cell('communeCode'));
    if (!commune || commune.length !== 5) problem('communeCode', `${msg.badCommune[locale]}: "${cell('communeCode')}"`);
    const whole = (c: Column, fallback: number | null) => {
      if (!cell(c) && fallback !== null) return fallback;
      const n = parseWholeNumber(cell(c));
      if (n === null) problem(c, `${msg.badNumber[locale]}: "${cell(c)}"`);
      return n ?? 0;
    };
    const flag = (c: Column) => {
      const f = sheetFlag(cell(c), locale);
      if ('problem' in f) problem(c, f.problem);
      return 'value' in f && f.value;
    };
    const candidate = {
      clientKey: '00000000-0000-4000-8000-000000000000',
      name: cell('name'),
      type: type ?? 'other',
      ...(cell('sector') ? { sector: cell('sector') } : {}),
      ...(cell('taxCode') ? { taxCode: cell('taxCode') } : {}),
      addressLine: cell('addressLine'),
      communeCode: commune ?? '00000',
      headName: cell('headName'),
      contactName: cell('contactName'),
      contactPhone: cell('contactPhone'),
      headcount: whole('headcount', null),
      shifts: whole('shifts', 1),
      runsDormitory: flag('runsDormitory'),
      runsShuttle: flag('runsShuttle'),
    };
    const parsed = registerOrganisationRequest.safeParse(candidate);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const c = issue.path[0] as Column;
        // Problems already told in the sheet's words (kind, commune, numbers) are not repeated.
        if (errors.slice(before).some((e) => e.message.startsWith(`${headerNames[c]?.[locale]}:`))) continue;
        const [vi, en] = issue.message.split(' / ');
        problem(c, (locale === 'vi' ? vi : (en ?? vi)) ?? issue.message);
      }
    if (errors.length > before || !parsed.success) continue;
    const { clientKey: _unused, ...body } = parsed.data;
    if (body.taxCode) {
      const checked = checkTaxCode(body.taxCode);
      if (checked.ok) body.taxCode = checked.taxCode;
      const first = taxCodes.get(body.taxCode);
      if (first !== undefined) {
        problem('taxCode', `${msg.dupTax[locale]} (${rowPath(first)})`);
        continue;
      }
      taxCodes.set(body.taxCode, r.rowNumber);
    }
    rows.push({ ...body, rowNumber: r.rowNumber });
  }
  return { rows, errors };
}
