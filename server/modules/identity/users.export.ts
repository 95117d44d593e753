import { labelOf, roleLabels } from '../../../core/code-labels.ts';
import type { Locale } from '../../../core/errors.ts';
import type { PlaceNamer } from '../../../core/rules/place-names.ts';
import type { UserView } from '../../../core/schemas/users.ts';
import type { SheetColumn } from '../../shared/excel.ts';

export function userColumns(locale: Locale, names: PlaceNamer): SheetColumn<UserView>[] {
  return [
    { header: { vi: 'Tên đăng nhập', en: 'Username' }, width: 20, value: (u) => u.username },
    { header: { vi: 'Họ và tên', en: 'Full name' }, width: 28, value: (u) => u.fullName },
    { header: { vi: 'Vai trò', en: 'Role' }, width: 20, value: (u) => labelOf(roleLabels, u.role, locale) },
    { header: { vi: 'Mã đơn vị', en: 'Locality code' }, width: 12, value: (u) => u.localityCode },
    { header: { vi: 'Đơn vị', en: 'Locality' }, width: 24, value: (u) => names(u.localityCode, u.localityName) },
    { header: { vi: 'Đã khoá', en: 'Disabled' }, width: 10, value: (u) => u.disabled },
    { header: { vi: 'Ngày tạo', en: 'Created' }, width: 22, value: (u) => new Date(u.createdAt) },
  ];
}
