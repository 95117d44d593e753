import type { Locale } from '../../../core/errors.ts';
import type { OrganisationView } from '../../../core/schemas/organisations.ts';
import type { SheetColumn } from '../../shared/excel.ts';
import { organisationStatusLabels, organisationTypeLabels, riskGroupLabels } from './organisations.messages.ts';
import type { PlaceNamer } from '../../../core/rules/place-names.ts';

const date = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

/** Columns of the organisations export; coded values are written as labels. */
export function organisationColumns(locale: Locale, names: PlaceNamer): SheetColumn<OrganisationView>[] {
  return [
    { header: { vi: 'Tên cơ quan, đơn vị', en: 'Organisation' }, width: 32, value: (o) => o.name },
    { header: { vi: 'Loại', en: 'Type' }, width: 22, value: (o) => organisationTypeLabels[o.type][locale] },
    { header: { vi: 'Ngành nghề', en: 'Sector' }, width: 18, value: (o) => o.sector },
    { header: { vi: 'Mã số thuế', en: 'Tax code' }, width: 16, value: (o) => o.taxCode },
    { header: { vi: 'Địa chỉ', en: 'Address' }, width: 32, value: (o) => o.addressLine },
    { header: { vi: 'Mã xã/phường', en: 'Commune code' }, width: 12, value: (o) => o.communeCode },
    { header: { vi: 'Xã/phường', en: 'Commune' }, width: 22, value: (o) => names(o.communeCode, o.communeName) },
    { header: { vi: 'Người đứng đầu', en: 'Head of unit' }, width: 22, value: (o) => o.headName },
    {
      header: { vi: 'Người phụ trách an toàn COVID', en: 'COVID-safety contact' },
      width: 22,
      value: (o) => o.contactName,
    },
    { header: { vi: 'Điện thoại', en: 'Phone' }, width: 16, value: (o) => o.contactPhone },
    { header: { vi: 'Số người lao động', en: 'Headcount' }, width: 10, value: (o) => o.headcount },
    { header: { vi: 'Số ca', en: 'Shifts' }, width: 8, value: (o) => o.shifts },
    { header: { vi: 'Có nhà ở tập thể', en: 'Dormitory' }, width: 10, value: (o) => o.runsDormitory },
    { header: { vi: 'Có xe đưa đón', en: 'Shuttle' }, width: 10, value: (o) => o.runsShuttle },
    { header: { vi: 'Trạng thái', en: 'Status' }, width: 12, value: (o) => organisationStatusLabels[o.status][locale] },
    {
      header: { vi: 'Nhóm nguy cơ', en: 'Risk group' },
      width: 18,
      value: (o) => (o.latestAssessment ? riskGroupLabels[o.latestAssessment.group][locale] : null),
    },
    {
      header: { vi: 'Tỷ lệ điểm (%)', en: 'Share (%)' },
      width: 10,
      value: (o) => o.latestAssessment?.sharePercent ?? null,
    },
    {
      header: { vi: 'Ngày tự đánh giá', en: 'Assessed at' },
      width: 20,
      value: (o) => date(o.latestAssessment?.submittedAt),
    },
    {
      header: { vi: 'Hạn đánh giá lại', en: 'Re-assessment due' },
      width: 14,
      value: (o) => o.latestAssessment?.reassessDueOn ?? null,
    },
    { header: { vi: 'Ngày đăng ký', en: 'Registered at' }, width: 20, value: (o) => date(o.createdAt) },
  ];
}
