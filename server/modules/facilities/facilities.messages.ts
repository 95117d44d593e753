import type { Locale } from '../../../core/errors.ts';
import type { CapacityKind, FacilityKind, FacilityStatus, StayOutcome } from '../../../core/schemas/facilities.ts';

type Text = Record<Locale, string>;

export const facilityKindLabels: Record<FacilityKind, Text> = {
  concentrated: { vi: 'Khu cách ly tập trung', en: 'Concentrated quarantine site' },
  hotel: { vi: 'Khách sạn cách ly', en: 'Quarantine hotel' },
  hospital: { vi: 'Bệnh viện', en: 'Hospital' },
  field_hospital: { vi: 'Bệnh viện dã chiến', en: 'Field hospital' },
  home: { vi: 'Cách ly, điều trị tại nhà', en: 'Home quarantine and care' },
};

export const capacityKindLabels: Record<CapacityKind, Text> = {
  quarantine_place: { vi: 'Chỗ cách ly', en: 'Quarantine places' },
  regular_bed: { vi: 'Giường bệnh thường', en: 'Regular beds' },
  oxygen_bed: { vi: 'Giường có thở oxy', en: 'Oxygen beds' },
  icu_bed: { vi: 'Giường hồi sức tích cực (ICU)', en: 'ICU beds' },
  negative_pressure_room: { vi: 'Phòng áp lực âm', en: 'Negative-pressure rooms' },
};

/** The same kinds inside a sentence ("no free … at this facility"). */
export const capacityKindNouns: Record<CapacityKind, Text> = {
  quarantine_place: { vi: 'chỗ cách ly', en: 'quarantine places' },
  regular_bed: { vi: 'giường bệnh thường', en: 'regular beds' },
  oxygen_bed: { vi: 'giường có thở oxy', en: 'oxygen beds' },
  icu_bed: { vi: 'giường hồi sức tích cực (ICU)', en: 'ICU beds' },
  negative_pressure_room: { vi: 'phòng áp lực âm', en: 'negative-pressure rooms' },
};

export const facilityStatusLabels: Record<FacilityStatus, Text> = {
  active: { vi: 'Đang hoạt động', en: 'Active' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
};

export const stayOutcomeLabels: Record<StayOutcome, Text> = {
  recovered: { vi: 'Khỏi bệnh', en: 'Recovered' },
  transferred: { vi: 'Chuyển viện', en: 'Transferred' },
  died: { vi: 'Tử vong', en: 'Died' },
};

/** Refusals that need more than the error code says, in both languages. */
export const facilityMessages = {
  notCommune: { vi: 'Cơ sở phải đặt tại một xã/phường đang hoạt động', en: 'A facility stands in an active commune' },
  belowOccupied: (kind: CapacityKind, occupied: number): Text => ({
    vi: `Không thể giảm ${capacityKindNouns[kind].vi} xuống dưới số đang sử dụng (${occupied})`,
    en: `${capacityKindLabels[kind].en} cannot go below the number in use (${occupied})`,
  }),
  closeOccupied: (occupied: number): Text => ({
    vi: `Không thể đóng cơ sở khi còn ${occupied} người đang cách ly hoặc điều trị: hãy chuyển họ đi trước`,
    en: `The facility cannot close while ${occupied} people are still admitted: move them first`,
  }),
  onlyFacilityStaff: {
    vi: 'Chỉ tài khoản nhân viên cơ sở mới gắn với cơ sở',
    en: 'Only facility staff accounts are bound to facilities',
  },
  notAssignable: {
    vi: 'Không có cơ sở này trong phạm vi của bạn và của tài khoản',
    en: "No such facility in your scope and the account's",
  },
} as const;
