import type { Locale } from '../../../core/errors.ts';

/** What an edit of a reporting unit is refused for, in vi and en. */
const vi = {
  changed: 'Đơn vị vừa được người khác sửa: hãy tải lại và sửa trên bản mới nhất',
  supervisorUnknown: 'Không tìm thấy đơn vị cấp trên này',
  supervisorOtherProvince: 'Đơn vị cấp trên phải thuộc cùng tỉnh',
  supervisorInactive: 'Đơn vị cấp trên đã ngừng hoạt động',
  supervisorSelf: 'Đơn vị không thể là cấp trên của chính nó',
  supervisorBelow: 'Đơn vị cấp trên không thể là đơn vị cấp dưới của đơn vị này',
  hasActiveSubordinates: 'Còn đơn vị cấp dưới đang hoạt động: hãy chuyển các đơn vị đó sang đơn vị khác trước',
  communeKind: 'Đơn vị của xã, phường hay huyện giữ loại của địa bàn',
};

export const unitMessages: Record<Locale, typeof vi> = {
  vi,
  en: {
    changed: 'Someone else has just edited this unit: reload it and edit the latest copy',
    supervisorUnknown: 'This supervisor unit does not exist',
    supervisorOtherProvince: 'The supervisor unit must be of the same province',
    supervisorInactive: 'The supervisor unit is inactive',
    supervisorSelf: 'A unit cannot be its own supervisor',
    supervisorBelow: 'The supervisor cannot be a unit below this one',
    hasActiveSubordinates: 'Active units still report to this one: move them to another unit first',
    communeKind: "A commune's, ward's or district's unit keeps its area's kind",
  },
};
