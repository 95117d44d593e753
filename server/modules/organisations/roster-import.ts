import type { ErrorDetail, Locale } from '../../../core/errors.ts';
import { checkIdNumber, normaliseIdNumber, normaliseVietnamesePhone } from '../../../core/rules/identity-documents.ts';
import { workRoles, type WorkRoleCode } from '../../../core/schemas/workforce.ts';
import { rowPath } from '../../shared/file-import.ts';
import { locateColumns, sheetWord, type SheetColumns } from '../../shared/sheet-columns.ts';
import type { Table } from '../../shared/tabular-file.ts';

export const maxRosterRows = 20_000;

const headers = {
  fullName: ['ho_ten', 'ho_va_ten', 'ten', 'name', 'full_name', 'ten_nguoi_lao_dong'],
  idNumber: [
    'so_cccd',
    'cccd',
    'so_giay_to',
    'giay_to_tuy_than',
    'so_cmnd',
    'cmnd/cccd',
    'so_cmnd/cccd',
    'so_dinh_danh',
    'id_number',
    'id_document',
    'document',
  ],
  phone: ['so_dien_thoai', 'dien_thoai', 'sdt', 'phone'],
  department: ['phong_ban', 'bo_phan', 'to', 'phan_xuong', 'department'],
  shift: ['ca', 'ca_lam_viec', 'shift'],
  onSite: ['hinh_thuc', 'hinh_thuc_lam_viec', 'tai_cho/tu_xa', 'work_mode', 'on_site', 'on-site_or_remote'],
  role: ['vi_tri', 'vai_tro', 'nhom_vi_tri', 'role'],
} as const;
type Column = keyof typeof headers;

const names: Record<Column, Record<Locale, string>> = {
  fullName: { vi: 'họ tên', en: 'name' },
  idNumber: { vi: 'số CCCD', en: 'ID document' },
  phone: { vi: 'số điện thoại', en: 'phone' },
  department: { vi: 'phòng ban', en: 'department' },
  shift: { vi: 'ca', en: 'shift' },
  onSite: { vi: 'hình thức', en: 'work mode' },
  role: { vi: 'vị trí', en: 'role' },
};

const columns: SheetColumns<Column> = { headers, names, required: ['fullName', 'idNumber'], maxRows: maxRosterRows };

const modeWords = new Map<string, boolean>([
  ['', true],
  ...['tai_cho', 'truc_tiep', 'tai_don_vi', 'on_site', 'onsite', 'on-site', 'site', 'co', 'yes', 'x'].map(
    (w) => [w, true] as const,
  ),
  ...['tu_xa', 'tai_nha', 'truc_tuyen', 'remote', 'home', 'khong', 'no'].map((w) => [w, false] as const),
]);
const roleWords = new Map<string, WorkRoleCode>([
  ['', 'other'],
  ...workRoles.map((r) => [r, r] as const),
  ...['tiep_xuc', 'tiep_xuc_khach', 'tiep_xuc_voi_khach', 'phuc_vu', 'dich_vu', 'service', 'service-contact'].map(
    (w) => [w, 'service_contact'] as const,
  ),
  ...['nguy_co_cao', 'high-risk', 'high'].map((w) => [w, 'high_risk'] as const),
  ...['khac', 'binh_thuong', 'van_phong'].map((w) => [w, 'other'] as const),
]);

const msg = {
  required: { vi: 'bắt buộc', en: 'required' },
  tooLong: { vi: 'quá dài', en: 'too long' },
  badDocument: {
    vi: 'Số giấy tờ không hợp lệ (CCCD 12 số, CMND 9 số hoặc hộ chiếu)',
    en: 'Invalid ID document (12-digit CCCD, 9-digit CMND or a passport)',
  },
  badPhone: { vi: 'Số điện thoại di động không hợp lệ', en: 'Not a valid Vietnamese mobile number' },
  badMode: { vi: 'Ghi "tại chỗ" hoặc "từ xa"', en: 'Write "on site" or "remote"' },
  badRole: {
    vi: 'Ghi "tiếp xúc khách", "nguy cơ cao" hoặc để trống',
    en: 'Write "service contact", "high risk" or leave empty',
  },
  dup: { vi: 'Giấy tờ lặp lại trong tệp', en: 'Document repeated in the file' },
} satisfies Record<string, Record<Locale, string>>;

export interface RosterImportRow {
  rowNumber: number;
  fullName: string;
  idNumber: string;
  phone: string | null;
  department: string;
  shift: string;
  onSite: boolean;
  role: WorkRoleCode;
}

/** A document as the gate will look it up: a CCCD, a CMND or a passport, by its shape. */
export function rosterDocument(raw: string): string | null {
  const compact = normaliseIdNumber('passport', raw);
  if (/^\d{12}$/.test(compact)) return checkIdNumber('cccd', compact) ? null : compact;
  if (/^\d{9}$/.test(compact)) return compact;
  return checkIdNumber('passport', compact) ? null : compact;
}

/**
 * Validates a roster sheet, every row (all or nothing is the caller's): each bad cell is one
 * `row:N` problem naming its column in the reader's language. Work mode and role are written as
 * words ("tại chỗ", "từ xa", "tiếp xúc khách", "nguy cơ cao"…) or codes; empty means on site, other.
 */
export function parseRosterTable(table: Table, locale: Locale): { rows: RosterImportRow[]; errors: ErrorDetail[] } {
  const sheet = locateColumns(table, columns, locale);
  const errors = sheet.errors;
  if (errors.length) return { rows: [], errors };
  const rows: RosterImportRow[] = [];
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    const path = rowPath(r.rowNumber);
    const cell = (c: Column) => sheet.cell(r.cells, c);
    const before = errors.length;
    const problem = (c: Column, text: string) => errors.push({ path, message: sheet.problem(c, text) });
    const text = (c: Column, max: number, required: boolean) => {
      const v = cell(c);
      if (required && v.length < 2) problem(c, msg.required[locale]);
      if (v.length > max) problem(c, msg.tooLong[locale]);
      return v;
    };
    const fullName = text('fullName', 200, true);
    const department = text('department', 100, false);
    const shift = text('shift', 50, false);
    const idNumber = rosterDocument(cell('idNumber'));
    if (!idNumber) problem('idNumber', `${msg.badDocument[locale]}: "${cell('idNumber')}"`);
    const phone = cell('phone') ? normaliseVietnamesePhone(cell('phone')) : null;
    if (cell('phone') && !phone) problem('phone', `${msg.badPhone[locale]}: "${cell('phone')}"`);
    const onSite = sheetWord(cell('onSite'), modeWords);
    if (onSite === undefined) problem('onSite', `${msg.badMode[locale]}: "${cell('onSite')}"`);
    const role = sheetWord(cell('role'), roleWords);
    if (!role) problem('role', `${msg.badRole[locale]}: "${cell('role')}"`);
    if (idNumber) {
      const first = seen.get(idNumber);
      if (first !== undefined) problem('idNumber', `${msg.dup[locale]} (${rowPath(first)})`);
      else seen.set(idNumber, r.rowNumber);
    }
    if (errors.length > before) continue;
    rows.push({
      rowNumber: r.rowNumber,
      fullName,
      idNumber: idNumber!,
      phone,
      department,
      shift,
      onSite: onSite!,
      role: role!,
    });
  }
  return { rows, errors };
}
