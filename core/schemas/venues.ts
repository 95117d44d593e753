import { z } from 'zod';
import { normaliseVietnamesePhone } from '../rules/identity-documents.ts';
import { decisionNeedsNote, venueDecisions, venueStatuses } from '../rules/venue-status.ts';
import { localityCode, pageQuery } from './common.ts';

/** Kinds of venue that register a check-in QR (closed list). */
export const venueTypes = [
  'office',
  'factory',
  'shop',
  'market',
  'restaurant',
  'school',
  'hospital',
  'hotel',
  'transport',
  'religious',
  'event',
  'other',
] as const;
export type VenueType = (typeof venueTypes)[number];

/** `open`: anyone may check in; `require_declaration`: a valid health declaration is asked at the gate. */
export const gatePolicies = ['open', 'require_declaration'] as const;
export type GatePolicy = (typeof gatePolicies)[number];

const text = (label: { vi: string; en: string }, min: number, max: number) =>
  z
    .string({ error: `${label.vi}: bắt buộc / ${label.en}: required` })
    .trim()
    .min(min, `${label.vi}: ít nhất ${min} ký tự / ${label.en}: at least ${min} characters`)
    .max(max, `${label.vi}: tối đa ${max} ký tự / ${label.en}: at most ${max} characters`);

const organisationName = text({ vi: 'Tên cơ quan, đơn vị', en: 'Organisation name' }, 2, 200);
const venueName = text({ vi: 'Tên địa điểm', en: 'Venue name' }, 2, 200);
const addressLine = text({ vi: 'Địa chỉ', en: 'Address' }, 3, 300);
const venueType = z.enum(venueTypes, { error: 'Loại địa điểm không hợp lệ / unknown venue type' });
const gatePolicy = z.enum(gatePolicies, { error: 'Chế độ kiểm soát cổng không hợp lệ / unknown gate policy' });
const capacity = z
  .number({ error: 'Sức chứa phải là số / capacity must be a number' })
  .int('Sức chứa phải là số nguyên dương / capacity must be a positive whole number')
  .positive('Sức chứa phải là số nguyên dương / capacity must be a positive whole number')
  .max(1_000_000, 'Sức chứa tối đa 1.000.000 người / capacity is at most 1,000,000');
/** Any common way of writing a Vietnamese mobile number; the server stores it as +84…. */
const contactPhone = z
  .string({ error: 'Số điện thoại liên hệ: bắt buộc / contact phone: required' })
  .trim()
  .max(30, 'Số điện thoại di động không hợp lệ / not a valid Vietnamese mobile number')
  .refine(
    (v) => normaliseVietnamesePhone(v) !== null,
    'Số điện thoại di động không hợp lệ / not a valid Vietnamese mobile number',
  );
const communeCode = z.string().regex(/^\d{5}$/, 'Mã xã/phường gồm 5 chữ số / a commune code has 5 digits');
const notMovable = z.never({
  error:
    'Không đổi được địa chỉ hay xã/phường của địa điểm đã đăng ký: hãy đăng ký địa điểm mới / the address and commune of a registered venue cannot change: register a new venue',
});

export const registerVenueRequest = z.object({
  organisationName,
  name: venueName,
  type: venueType,
  addressLine,
  communeCode,
  capacity: capacity.optional(),
  contactPhone,
  gatePolicy: gatePolicy.default('require_declaration'),
});
export type RegisterVenueRequest = z.infer<typeof registerVenueRequest>;

/**
 * What the owner (or an administrator) may change. The place itself (address, commune) is what
 * was approved and decides who has jurisdiction, so it cannot change: a venue that moves registers
 * anew. Changes keep the current status.
 */
export const updateVenueRequest = z
  .object({
    name: venueName,
    type: venueType,
    capacity: capacity.nullable(),
    contactPhone,
    gatePolicy,
    addressLine: notMovable,
    communeCode: notMovable,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Không có thay đổi / nothing to change');
export type UpdateVenueRequest = z.infer<typeof updateVenueRequest>;

export const decideVenueRequest = z
  .object({
    decision: z.enum(venueDecisions, { error: 'Quyết định không hợp lệ / unknown decision' }),
    note: z.string().trim().max(1000, 'Ghi chú: tối đa 1000 ký tự / note: at most 1000 characters').optional(),
  })
  .superRefine((v, ctx) => {
    if (decisionNeedsNote(v.decision) && !v.note) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'Cần ghi lý do khi từ chối hoặc tạm dừng / a note is required to reject or suspend',
      });
    }
  });
export type DecideVenueRequest = z.infer<typeof decideVenueRequest>;

export const listVenuesQuery = pageQuery.extend({
  /** Only venues at or below this unit (within the caller's scope). */
  locality: localityCode.optional(),
  status: z.enum(venueStatuses).optional(),
  type: venueType.optional(),
  /** Part of the venue or organisation name (accents ignored), or the public code. */
  q: z.string().trim().max(100).optional(),
});
export type ListVenuesQuery = z.infer<typeof listVenuesQuery>;

export const venueView = z.object({
  id: z.string().uuid(),
  publicCode: z.string(),
  organisationName: z.string(),
  name: z.string(),
  type: z.enum(venueTypes),
  addressLine: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  provinceName: z.string().nullable(),
  capacity: z.number().int().nullable(),
  contactPhone: z.string(),
  /** Null until the contact phone is confirmed by OTP. */
  contactPhoneVerifiedAt: z.string().nullable(),
  gatePolicy: z.enum(gatePolicies),
  status: z.enum(venueStatuses),
  /** Decisions the status allows (the caller's role may still not make them). */
  allowedDecisions: z.array(z.enum(venueDecisions)),
  ownerUserId: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VenueView = z.infer<typeof venueView>;

export const publicVenueCode = z.string().trim().min(1).max(20, 'Mã địa điểm không hợp lệ / invalid venue code');

/**
 * The address venue QR codes carry (`PHONGDICH_PUBLIC_URL`, else the address the browser used).
 * A loopback one (127.0.0.1, localhost) reaches no visitor's phone: outside demo mode posters
 * and QR codes are refused until an administrator sets the public address.
 */
export const posterAddressView = z.object({
  origin: z.string(),
  configured: z.boolean(),
  loopback: z.boolean(),
  printable: z.boolean(),
});
export type PosterAddressView = z.infer<typeof posterAddressView>;

/** What anyone who scans a venue QR sees: no owner, no phone. */
export const publicVenueView = z.object({
  publicCode: z.string(),
  name: z.string(),
  organisationName: z.string(),
  type: z.enum(venueTypes),
  addressLine: z.string(),
  communeName: z.string(),
  status: z.enum(venueStatuses),
  gatePolicy: z.enum(gatePolicies),
});
export type PublicVenueView = z.infer<typeof publicVenueView>;
