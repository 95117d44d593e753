import { z } from 'zod';
import { localityCode, pageQuery, queryFlag } from './common.ts';

/**
 * Quarantine and treatment facilities, their capacity by kind, placement search and treatment
 * stays (issue 5, capacity). Messages are 'vi / en': the HTTP layer shows the caller's half.
 */
export const facilityKinds = ['concentrated', 'hotel', 'hospital', 'field_hospital', 'home'] as const;
export type FacilityKind = (typeof facilityKinds)[number];
/** What a facility offers: quarantine places, and beds (or rooms) for treatment. */
export const capacityKinds = [
  'quarantine_place',
  'regular_bed',
  'oxygen_bed',
  'icu_bed',
  'negative_pressure_room',
] as const;
export type CapacityKind = (typeof capacityKinds)[number];
export const bedKinds = ['regular_bed', 'oxygen_bed', 'icu_bed', 'negative_pressure_room'] as const;
export type BedKind = (typeof bedKinds)[number];
export const facilityStatuses = ['active', 'closed'] as const;
export type FacilityStatus = (typeof facilityStatuses)[number];
export const stayOutcomes = ['recovered', 'transferred', 'died'] as const;
export type StayOutcome = (typeof stayOutcomes)[number];
/** Default share of a kind's capacity in use from which a facility is flagged (configurable per facility). */
export const defaultAlertPercent = 80;

const text = (label: { vi: string; en: string }, min: number, max: number) =>
  z
    .string({ error: `${label.vi}: bắt buộc / ${label.en}: required` })
    .trim()
    .min(min, `${label.vi}: ít nhất ${min} ký tự / ${label.en}: at least ${min} characters`)
    .max(max, `${label.vi}: tối đa ${max} ký tự / ${label.en}: at most ${max} characters`);

const facilityKind = z.enum(facilityKinds, { error: 'Loại cơ sở không hợp lệ / Unknown facility kind' });
const capacityKind = z.enum(capacityKinds, { error: 'Loại chỗ/giường không hợp lệ / Unknown capacity kind' });
const bedKind = z.enum(bedKinds, { error: 'Loại giường không hợp lệ / Unknown bed kind' });
const communeCode = z.string().regex(/^\d{5}$/, 'Mã xã/phường gồm 5 chữ số / A commune code has 5 digits');
/** Hospitals often publish landlines: any digits with the usual separators, not only mobiles. */
const contactPhone = z
  .string()
  .trim()
  .regex(/^\+?[\d\s.()-]{8,20}$/, 'Số điện thoại không hợp lệ / Not a valid phone number');
const alertPercent = z
  .number({ error: 'Ngưỡng cảnh báo phải là số / The alert threshold must be a number' })
  .int('Ngưỡng cảnh báo là số nguyên từ 1 đến 100 / The alert threshold is a whole number from 1 to 100')
  .min(1, 'Ngưỡng cảnh báo là số nguyên từ 1 đến 100 / The alert threshold is a whole number from 1 to 100')
  .max(100, 'Ngưỡng cảnh báo là số nguyên từ 1 đến 100 / The alert threshold is a whole number from 1 to 100');
const count = z
  .number({ error: 'Số chỗ phải là số / A capacity must be a number' })
  .int('Số chỗ là số nguyên không âm / A capacity is a whole number, zero or more')
  .min(0, 'Số chỗ là số nguyên không âm / A capacity is a whole number, zero or more')
  .max(100_000, 'Số chỗ tối đa 100.000 / A capacity is at most 100,000');
const notInFuture = (iso: string) => Date.parse(iso) <= Date.now() + 5 * 60_000;
const instant = z.iso
  .datetime({ offset: true, message: 'Thời điểm không hợp lệ / Invalid date and time' })
  .refine(notInFuture, 'Thời điểm không được ở tương lai / The time cannot be in the future');

/**
 * Capacity per kind. A kind left out is unchanged (on update) or not offered (on create); 0 stops
 * offering it. A capacity cannot go below what is in use.
 */
export const capacityInput = z.strictObject(
  {
    quarantine_place: count.optional(),
    regular_bed: count.optional(),
    oxygen_bed: count.optional(),
    icu_bed: count.optional(),
    negative_pressure_room: count.optional(),
  },
  { error: 'Loại chỗ/giường không hợp lệ / Unknown capacity kind' },
);
export type CapacityInput = z.infer<typeof capacityInput>;

export const createFacilityRequest = z.object({
  name: text({ vi: 'Tên cơ sở', en: 'Facility name' }, 2, 200),
  kind: facilityKind,
  /** The commune the facility stands in: it decides who has jurisdiction over it. */
  communeCode,
  addressLine: text({ vi: 'Địa chỉ', en: 'Address' }, 3, 300),
  contactPhone: contactPhone.optional(),
  capacity: capacityInput.default({}),
  occupancyAlertPercent: alertPercent.default(defaultAlertPercent),
});
export type CreateFacilityRequest = z.infer<typeof createFacilityRequest>;

export const updateFacilityRequest = z
  .object({
    name: text({ vi: 'Tên cơ sở', en: 'Facility name' }, 2, 200),
    kind: facilityKind,
    addressLine: text({ vi: 'Địa chỉ', en: 'Address' }, 3, 300),
    contactPhone: contactPhone.nullable(),
    capacity: capacityInput,
    occupancyAlertPercent: alertPercent,
    /** Closing is refused while anyone is still admitted; reopening is allowed. */
    status: z.enum(facilityStatuses, { error: 'Trạng thái không hợp lệ / Unknown status' }),
    communeCode: z.never({
      error:
        'Không đổi được xã/phường của cơ sở: hãy tạo cơ sở mới / The commune of a facility cannot change: create a new facility',
    }),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Không có thay đổi / Nothing to change');
export type UpdateFacilityRequest = z.infer<typeof updateFacilityRequest>;

/** One kind of a facility: how many, how many in use, free, share in use and whether it passed the threshold. */
export const capacityLine = z.object({
  kind: capacityKind,
  capacity: z.number().int(),
  occupied: z.number().int(),
  free: z.number().int(),
  /** Share in use, 0–100 (more when over capacity), one decimal. */
  percent: z.number(),
  alert: z.boolean(),
});
export type CapacityLine = z.infer<typeof capacityLine>;

export const facilityView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: facilityKind,
  communeCode: z.string(),
  communeName: z.string(),
  addressLine: z.string(),
  contactPhone: z.string().nullable(),
  status: z.enum(facilityStatuses),
  occupancyAlertPercent: z.number().int(),
  capacity: z.array(capacityLine),
  /** Some kind has reached the threshold. */
  alert: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FacilityView = z.infer<typeof facilityView>;

export const listFacilitiesQuery = pageQuery.extend({
  locality: localityCode.optional(),
  kind: facilityKind.optional(),
  status: z.enum(facilityStatuses).optional(),
});
export type ListFacilitiesQuery = z.infer<typeof listFacilitiesQuery>;

/** "Where can I place 40 people tonight": free capacity of one kind, nearest first. */
export const placementQuery = z.object({
  people: z.coerce
    .number()
    .int('Số người là số nguyên dương / The number of people is a positive whole number')
    .min(1, 'Số người là số nguyên dương / The number of people is a positive whole number')
    .max(100_000, 'Tối đa 100.000 người / At most 100,000 people'),
  kind: capacityKind,
  /** The commune the people are in: distances are measured from its centroid. */
  near: communeCode.optional(),
  /** Search only this area of the caller's jurisdiction. */
  locality: localityCode.optional(),
  /** How many options to show at least; every facility of the suggested split is always shown. */
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type PlacementQuery = z.infer<typeof placementQuery>;

export const placementOption = z.object({
  facilityId: z.string().uuid(),
  name: z.string(),
  facilityKind,
  communeCode: z.string(),
  communeName: z.string(),
  addressLine: z.string(),
  contactPhone: z.string().nullable(),
  capacity: z.number().int(),
  occupied: z.number().int(),
  free: z.number().int(),
  /** Great-circle distance between commune centroids; null when a centroid is unknown. */
  distanceKm: z.number().nullable(),
  /** How many of the people to send here (0 once everybody is placed). */
  suggested: z.number().int(),
});
export const placementView = z.object({
  people: z.number().int(),
  kind: capacityKind,
  near: z.object({ code: z.string(), name: z.string() }).nullable(),
  placed: z.number().int(),
  /** People left without a place when the free capacity in the area is not enough. */
  shortfall: z.number().int(),
  options: z.array(placementOption),
});
export type PlacementView = z.infer<typeof placementView>;

export const admitStayRequest = z.object({
  caseId: z.string().uuid('Mã ca bệnh không hợp lệ / Invalid case id'),
  facilityId: z.string().uuid('Mã cơ sở không hợp lệ / Invalid facility id'),
  bedKind,
  /** Defaults to now. */
  admittedAt: instant.optional(),
});
export type AdmitStayRequest = z.infer<typeof admitStayRequest>;

export const dischargeStayRequest = z.object({
  outcome: z.enum(stayOutcomes, { error: 'Kết quả ra viện không hợp lệ / Unknown discharge outcome' }),
  /** Defaults to now. */
  dischargedAt: instant.optional(),
});
export type DischargeStayRequest = z.infer<typeof dischargeStayRequest>;

/** Moves a case in a bed to another facility or another kind of bed (it stays in treatment). */
export const transferStayRequest = z.object({
  facilityId: z.string().uuid('Mã cơ sở không hợp lệ / Invalid facility id'),
  bedKind,
  /** Defaults to now. */
  transferredAt: instant.optional(),
  reason: z.string().trim().max(500).optional(),
});
export type TransferStayRequest = z.infer<typeof transferStayRequest>;

export const stayView = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  caseNumber: z.string(),
  /** Null for a case imported without a person record. */
  personId: z.string().uuid().nullable(),
  fullName: z.string().nullable(),
  facilityId: z.string().uuid(),
  facilityName: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  bedKind,
  admittedAt: z.string(),
  dischargedAt: z.string().nullable(),
  outcome: z.enum(stayOutcomes).nullable(),
});
export type StayView = z.infer<typeof stayView>;

export const listStaysQuery = pageQuery.extend({
  locality: localityCode.optional(),
  facilityId: z.string().uuid().optional(),
  /** true: still admitted; false: discharged; absent: both. */
  open: queryFlag.optional(),
});
export type ListStaysQuery = z.infer<typeof listStaysQuery>;

export const occupancyQuery = z.object({ locality: localityCode.optional() });
export type OccupancyQuery = z.infer<typeof occupancyQuery>;

export const occupancyAlert = z.object({
  facilityId: z.string().uuid(),
  facilityName: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  kind: capacityKind,
  capacity: z.number().int(),
  occupied: z.number().int(),
  percent: z.number(),
  thresholdPercent: z.number().int(),
});
export const occupancyView = z.object({
  locality: z.object({ code: z.string(), name: z.string() }),
  /** Active facilities of the area, summed per kind. */
  totals: z.array(capacityLine.omit({ alert: true })),
  facilities: z.array(
    facilityView.pick({
      id: true,
      name: true,
      kind: true,
      communeCode: true,
      communeName: true,
      occupancyAlertPercent: true,
      capacity: true,
      alert: true,
    }),
  ),
  /** Each kind of a facility at or above that facility's threshold, fullest first. */
  alerts: z.array(occupancyAlert),
});
export type OccupancyView = z.infer<typeof occupancyView>;
