import type { Locale } from '../../../core/errors.ts';
import {
  forceAvailabilityLabels,
  forceKindLabels,
  reinforcementStatusLabels,
  type ForceKind,
} from '../../../core/rules/resources/forces.ts';
import type { ForceMemberView, ReinforcementView } from '../../../core/schemas/resources.ts';
import type { SheetColumn } from '../../shared/excel.ts';

export function forcesColumns(locale: Locale): SheetColumn<ForceMemberView>[] {
  return [
    { header: { vi: 'Họ và tên', en: 'Full name' }, width: 28, value: (m) => m.fullName },
    { header: { vi: 'Lực lượng', en: 'Kind' }, width: 22, value: (m) => forceKindLabels[m.kind][locale] },
    { header: { vi: 'Điện thoại', en: 'Phone' }, width: 14, value: (m) => m.phone },
    { header: { vi: 'Kỹ năng', en: 'Skills' }, width: 30, value: (m) => m.skills.join(', ') },
    {
      header: { vi: 'Sẵn sàng', en: 'Availability' },
      width: 14,
      value: (m) => forceAvailabilityLabels[m.availability][locale],
    },
    { header: { vi: 'Nhiệm vụ hiện tại', en: 'Current assignment' }, width: 30, value: (m) => m.assignment },
    { header: { vi: 'Đơn vị quản lý', en: 'Home unit' }, width: 28, value: (m) => m.homeUnit.name },
    { header: { vi: 'Đang phục vụ tại', en: 'Serving at' }, width: 28, value: (m) => m.servingUnit.name },
  ];
}

export function reinforcementColumns(
  kindLabel: (k: ForceKind) => string,
  locale: Locale,
): SheetColumn<ReinforcementView>[] {
  return [
    { header: { vi: 'Ngày đề nghị', en: 'Asked on' }, width: 20, value: (r) => new Date(r.createdAt) },
    { header: { vi: 'Đơn vị đề nghị', en: 'Unit asking' }, width: 28, value: (r) => r.unit.name },
    { header: { vi: 'Cấp trên', en: 'Upper level' }, width: 28, value: (r) => r.askedOf.name },
    { header: { vi: 'Lực lượng', en: 'Kind' }, width: 22, value: (r) => kindLabel(r.kind) },
    { header: { vi: 'Số người', en: 'People' }, width: 10, value: (r) => r.count },
    { header: { vi: 'Đã điều động', en: 'Sent' }, width: 10, value: (r) => r.assigned },
    { header: { vi: 'Lý do', en: 'Reason' }, width: 40, value: (r) => r.reason },
    {
      header: { vi: 'Trạng thái', en: 'Status' },
      width: 12,
      value: (r) => reinforcementStatusLabels[r.status][locale],
    },
  ];
}
