import type { Locale } from '../../../core/errors.ts';
import type { RosterWorkerView, WorkRoleCode } from '../../../core/schemas/workforce.ts';
import type { SheetColumn } from '../../shared/excel.ts';
import type { RosterWorkerRecord } from './rosters.repository.ts';

export function toRosterWorkerView(r: RosterWorkerRecord): RosterWorkerView {
  return {
    id: r.id,
    fullName: r.full_name,
    idNumber: r.id_number,
    phone: r.phone,
    department: r.department,
    shift: r.shift,
    onSite: r.on_site,
    role: r.work_role,
  };
}

/** The words the roster import reads back, so an exported roster imports as it is. */
export const workRoleLabels: Record<WorkRoleCode, Record<Locale, string>> = {
  service_contact: { vi: 'Tiếp xúc khách', en: 'Service contact' },
  high_risk: { vi: 'Nguy cơ cao', en: 'High risk' },
  other: { vi: 'Khác', en: 'Other' },
};
export const workModeLabels: Record<'onSite' | 'remote', Record<Locale, string>> = {
  onSite: { vi: 'Tại chỗ', en: 'On site' },
  remote: { vi: 'Từ xa', en: 'Remote' },
};

/** Columns of the roster export, with the headers the import recognises. */
export function rosterColumns(locale: Locale): SheetColumn<RosterWorkerView>[] {
  return [
    { header: { vi: 'Họ tên', en: 'Name' }, width: 28, value: (w) => w.fullName },
    { header: { vi: 'Số CCCD', en: 'ID document' }, width: 16, value: (w) => w.idNumber },
    { header: { vi: 'Số điện thoại', en: 'Phone' }, width: 16, value: (w) => w.phone },
    { header: { vi: 'Phòng ban', en: 'Department' }, width: 20, value: (w) => w.department },
    { header: { vi: 'Ca', en: 'Shift' }, width: 10, value: (w) => w.shift },
    {
      header: { vi: 'Hình thức', en: 'Work mode' },
      width: 12,
      value: (w) => workModeLabels[w.onSite ? 'onSite' : 'remote'][locale],
    },
    { header: { vi: 'Vị trí', en: 'Role' }, width: 16, value: (w) => workRoleLabels[w.role][locale] },
  ];
}
