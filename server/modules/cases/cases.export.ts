import type { Locale } from '../../../core/errors.ts';
import type { CaseClassification, CaseRow, CaseStatus } from '../../../core/schemas/cases.ts';
import { sheetDay, type SheetColumn } from '../../shared/excel.ts';
import type { PlaceNamer } from '../../../core/rules/place-names.ts';

export const classificationLabels: Record<CaseClassification, Record<Locale, string>> = {
  imported: { vi: 'Nhập cảnh', en: 'Imported' },
  community: { vi: 'Cộng đồng', en: 'Community' },
  in_quarantine: { vi: 'Phát hiện trong khu cách ly', en: 'Detected in quarantine' },
};

export const caseStatusLabels: Record<CaseStatus, Record<Locale, string>> = {
  awaiting_treatment: { vi: 'Chờ tiếp nhận điều trị', en: 'Awaiting treatment' },
  treating: { vi: 'Đang điều trị', en: 'Under treatment' },
  recovered: { vi: 'Khỏi bệnh', en: 'Recovered' },
  died: { vi: 'Tử vong', en: 'Died' },
  transferred_out: { vi: 'Chuyển điều trị ngoài tỉnh', en: 'Transferred out of the province' },
};

const genderLabels: Record<'male' | 'female' | 'other', Record<Locale, string>> = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Columns of the case list export (the line list as officials exchange it). */
export function caseColumns(locale: Locale, names: PlaceNamer): SheetColumn<CaseRow>[] {
  return [
    { header: { vi: 'Mã ca bệnh', en: 'Case number' }, width: 14, value: (c) => c.caseNumber },
    { header: { vi: 'Họ tên', en: 'Full name' }, width: 26, value: (c) => c.fullName },
    {
      header: { vi: 'Giới tính', en: 'Gender' },
      width: 10,
      value: (c) => (c.gender ? genderLabels[c.gender][locale] : null),
    },
    { header: { vi: 'Năm sinh', en: 'Birth year' }, width: 10, value: (c) => c.birthYear },
    { header: { vi: 'Quốc tịch', en: 'Nationality' }, width: 10, value: (c) => c.nationality },
    { header: { vi: 'Ngày khởi phát', en: 'Onset' }, width: 12, value: (c) => sheetDay(c.onsetDate) },
    { header: { vi: 'Ngày lấy mẫu', en: 'Sample' }, width: 12, value: (c) => sheetDay(c.sampleDate) },
    { header: { vi: 'Ngày xác định', en: 'Confirmed' }, width: 12, value: (c) => sheetDay(c.confirmedDate) },
    {
      header: { vi: 'Phân loại', en: 'Classification' },
      width: 18,
      value: (c) => classificationLabels[c.classification][locale],
    },
    { header: { vi: 'Nước nguồn', en: 'Source country' }, width: 10, value: (c) => c.sourceCountry },
    { header: { vi: 'Ổ dịch', en: 'Cluster' }, width: 16, value: (c) => c.clusterCode },
    { header: { vi: 'Tình trạng', en: 'Status' }, width: 14, value: (c) => caseStatusLabels[c.status][locale] },
    { header: { vi: 'Ngày kết thúc', en: 'Outcome date' }, width: 12, value: (c) => sheetDay(c.outcomeDate) },
    { header: { vi: 'Nơi điều trị', en: 'Treatment place' }, width: 24, value: (c) => c.treatmentPlace },
    { header: { vi: 'Mã địa bàn', en: 'Locality code' }, width: 10, value: (c) => c.localityCode },
    { header: { vi: 'Địa bàn', en: 'Locality' }, width: 20, value: (c) => names(c.localityCode, c.localityName) },
  ];
}
