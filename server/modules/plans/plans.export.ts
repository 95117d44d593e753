import type { Locale } from '../../../core/errors.ts';
import type { PlanSummaryView } from '../../../core/schemas/plans.ts';
import type { SheetColumn } from '../../shared/excel.ts';
import { planStatusLabels } from './plans.messages.ts';

/** Columns of the plans export: one row per unit, with its latest and approved versions. */
export function planColumns(locale: Locale): SheetColumn<PlanSummaryView>[] {
  return [
    { header: { vi: 'Mã đơn vị', en: 'Unit code' }, width: 14, value: (p) => p.unit.code },
    { header: { vi: 'Đơn vị', en: 'Unit' }, width: 40, value: (p) => p.unit.name },
    { header: { vi: 'Địa bàn', en: 'Area' }, width: 10, value: (p) => p.localityCode },
    { header: { vi: 'Phiên bản mới nhất', en: 'Latest version' }, width: 10, value: (p) => p.latestVersion ?? '' },
    {
      header: { vi: 'Trạng thái', en: 'Status' },
      width: 16,
      value: (p) => (p.latestStatus ? planStatusLabels[p.latestStatus][locale] : ''),
    },
    {
      header: { vi: 'Phiên bản đã duyệt', en: 'Approved version' },
      width: 10,
      value: (p) => p.approvedVersion ?? (locale === 'vi' ? 'Chưa có' : 'None'),
    },
  ];
}
