import type { Locale } from '../../../core/errors.ts';
import type { VenueStatus } from '../../../core/rules/venue-status.ts';
import type { GatePolicy, VenueType, VenueView } from '../../../core/schemas/venues.ts';
import type { SheetColumn } from '../../shared/excel.ts';
import type { PlaceNamer } from '../../../core/rules/place-names.ts';

export const venueTypeLabels: Record<VenueType, Record<Locale, string>> = {
  office: { vi: 'Cơ quan, văn phòng', en: 'Office' },
  factory: { vi: 'Nhà máy, xí nghiệp', en: 'Factory' },
  shop: { vi: 'Cửa hàng', en: 'Shop' },
  market: { vi: 'Chợ', en: 'Market' },
  restaurant: { vi: 'Nhà hàng, quán ăn', en: 'Restaurant' },
  school: { vi: 'Trường học', en: 'School' },
  hospital: { vi: 'Cơ sở y tế', en: 'Hospital, clinic' },
  hotel: { vi: 'Khách sạn, nhà nghỉ', en: 'Hotel' },
  transport: { vi: 'Bến xe, nhà ga, phương tiện', en: 'Transport' },
  religious: { vi: 'Cơ sở tôn giáo, tín ngưỡng', en: 'Place of worship' },
  event: { vi: 'Sự kiện', en: 'Event' },
  other: { vi: 'Khác', en: 'Other' },
};

const statusLabels: Record<VenueStatus, Record<Locale, string>> = {
  pending: { vi: 'Chờ duyệt', en: 'Pending' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  rejected: { vi: 'Từ chối', en: 'Rejected' },
  suspended: { vi: 'Tạm dừng', en: 'Suspended' },
};

const gateLabels: Record<GatePolicy, Record<Locale, string>> = {
  open: { vi: 'Tự do ra vào', en: 'Open' },
  require_declaration: { vi: 'Yêu cầu khai báo y tế', en: 'Health declaration required' },
};

const date = (iso: string | null) => (iso ? new Date(iso) : null);

/** Columns of the venue export; the coded values (type, status, gate) are written as labels. */
export function venueColumns(locale: Locale, names: PlaceNamer): SheetColumn<VenueView>[] {
  return [
    { header: { vi: 'Mã địa điểm', en: 'Venue code' }, width: 14, value: (v) => v.publicCode },
    { header: { vi: 'Tên địa điểm', en: 'Venue name' }, width: 30, value: (v) => v.name },
    { header: { vi: 'Cơ quan, đơn vị', en: 'Organisation' }, width: 30, value: (v) => v.organisationName },
    { header: { vi: 'Loại', en: 'Type' }, width: 20, value: (v) => venueTypeLabels[v.type][locale] },
    { header: { vi: 'Địa chỉ', en: 'Address' }, width: 36, value: (v) => v.addressLine },
    { header: { vi: 'Mã xã/phường', en: 'Commune code' }, width: 12, value: (v) => v.communeCode },
    { header: { vi: 'Xã/phường', en: 'Commune' }, width: 22, value: (v) => names(v.communeCode, v.communeName) },
    { header: { vi: 'Sức chứa', en: 'Capacity' }, width: 10, value: (v) => v.capacity },
    { header: { vi: 'Điện thoại liên hệ', en: 'Contact phone' }, width: 16, value: (v) => v.contactPhone },
    {
      header: { vi: 'Đã xác minh số điện thoại', en: 'Phone verified' },
      width: 12,
      value: (v) => v.contactPhoneVerifiedAt !== null,
    },
    { header: { vi: 'Kiểm soát cổng', en: 'Gate policy' }, width: 24, value: (v) => gateLabels[v.gatePolicy][locale] },
    { header: { vi: 'Trạng thái', en: 'Status' }, width: 12, value: (v) => statusLabels[v.status][locale] },
    { header: { vi: 'Người quyết định', en: 'Decided by' }, width: 20, value: (v) => v.decidedByName },
    { header: { vi: 'Ngày quyết định', en: 'Decided at' }, width: 20, value: (v) => date(v.decidedAt) },
    { header: { vi: 'Ghi chú quyết định', en: 'Decision note' }, width: 30, value: (v) => v.decisionNote },
    { header: { vi: 'Ngày đăng ký', en: 'Registered at' }, width: 20, value: (v) => date(v.createdAt) },
  ];
}
