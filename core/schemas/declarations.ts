import { z } from 'zod';
import { localityCode, pageQuery } from './common.ts';
import { vietnamToday } from '../vietnam-calendar.ts';

import { conditionCodes, exposureCodes, symptomCodes, vehicleTypes } from '../declaration-codes.ts';

export {
  conditionCodes,
  DECLARATION_NOTICE_VERSION,
  exposureCodes,
  symptomCodes,
  vehicleTypes,
} from '../declaration-codes.ts';

/** Compared with today in Viet Nam: a date typed at 06:00 local is not "in the future". */
const pastDate = z.iso
  .date()
  .refine((d) => d <= vietnamToday(), 'Ngày không được ở tương lai / The date cannot be in the future');
/** A key the device generates once per submission: resending it returns the first result. */
export const clientKey = z.string().uuid('Mã gửi không hợp lệ / Invalid submission key');

export const otpRequest = z.object({
  phone: z.string().trim().min(9).max(20),
  purpose: z.enum(['declaration', 'erase', 'session', 'my_data', 'tipoff']),
});
export const otpChallenge = z.object({
  challengeId: z.string().uuid(),
  expiresAt: z.string(),
  resendAfterSeconds: z.number().int(),
});
export const otpAnswer = z.object({
  challengeId: z.string().uuid(),
  code: z.string().regex(/^\d{6}$/, 'Mã OTP gồm 6 chữ số / The code has 6 digits'),
});

export const personInput = z.object({
  idType: z.enum(
    ['cccd', 'cmnd', 'passport'],
    'Loại giấy tờ: CCCD, CMND hoặc hộ chiếu / Document type: CCCD, CMND or passport',
  ),
  idNumber: z
    .string('Số giấy tờ: bắt buộc / Document number: required')
    .trim()
    .min(6, 'Số giấy tờ: ít nhất 6 ký tự / Document number: at least 6 characters')
    .max(20, 'Số giấy tờ: tối đa 20 ký tự / Document number: at most 20 characters'),
  fullName: z
    .string('Họ tên: bắt buộc / Full name: required')
    .trim()
    .min(2, 'Họ tên: ít nhất 2 ký tự / Full name: at least 2 characters')
    .max(120, 'Họ tên: tối đa 120 ký tự / Full name: at most 120 characters'),
  birthYear: z
    .number('Năm sinh phải là số / The birth year must be a number')
    .int('Năm sinh phải là số nguyên / The birth year must be a whole number')
    .min(1900, 'Năm sinh từ 1900 / Born in 1900 or later')
    .max(new Date().getFullYear(), 'Năm sinh không được ở tương lai / The birth year cannot be in the future'),
  gender: z.enum(['male', 'female', 'other'], 'Giới tính không hợp lệ / Unknown gender'),
  nationality: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'Mã quốc gia 2 chữ cái (VN) / Two-letter country code (VN)')
    .default('VN'),
  phone: z.string().trim().min(9).max(20),
  email: z.email().max(200).optional(),
  communeCode: localityCode,
  addressLine: z.string().trim().min(2).max(200),
});
export type PersonInput = z.infer<typeof personInput>;

export const declarationRequest = z.object({
  clientKey,
  kind: z.enum(['population', 'movement', 'entry']).default('population'),
  person: personInput,
  symptoms: z.array(z.enum(symptomCodes)).max(symptomCodes.length),
  exposures: z.array(z.enum(exposureCodes)).max(exposureCodes.length),
  conditions: z.array(z.enum(conditionCodes)).max(conditionCodes.length),
  consent: z.object({
    accepted: z.literal(true, 'Cần đồng ý để gửi tờ khai / Consent is needed to submit'),
    noticeVersion: z.string().max(20),
    /** Optional, apart from the declaration's consent: an SMS when confirmed a close contact (F1/F2). */
    alerts: z.boolean().default(false),
  }),
  otp: otpAnswer,
});
export type DeclarationRequest = z.infer<typeof declarationRequest>;

export const statusView = z.object({
  colour: z.enum(['green', 'yellow', 'red', 'none']),
  reasons: z.array(z.string()),
  validUntil: z.string().nullable(),
  /** Initials only: what a screen or a gate needs, not the whole name. */
  displayName: z.string(),
  birthYear: z.number().int(),
});
export type StatusView = z.infer<typeof statusView>;

/**
 * A citizen session: what lets a phone read and act for its person, sent back as
 * `Authorization: Bearer <token>`. The personal QR only shows a status at a gate.
 */
export const citizenSession = z.object({ token: z.string(), expiresAt: z.string() });
export type CitizenSession = z.infer<typeof citizenSession>;

export const declarationResult = z.object({
  declarationId: z.string().uuid(),
  /** A QR bound to the phone just verified: never one issued before that phone's code. */
  qrToken: z.string(),
  status: statusView,
  session: citizenSession,
});
export type DeclarationResult = z.infer<typeof declarationResult>;

/** Declared with the session of the traveller's phone (`Authorization: Bearer`), not with the QR. */
export const arrivalRequest = z.object({
  clientKey,
  originKind: z.enum(['commune', 'province', 'country']),
  originCode: z
    .string()
    .regex(/^\d{2}(\d{3})?$/)
    .optional(),
  originCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  route: z.string().trim().max(300).optional(),
  vehicleType: z.enum(vehicleTypes),
  vehicleNumber: z.string().trim().max(30).optional(),
  seat: z.string().trim().max(20).optional(),
  departedOn: pastDate,
  arrivedOn: pastDate,
  destinationCommuneCode: localityCode,
});
export type ArrivalRequest = z.infer<typeof arrivalRequest>;
export const arrivalResult = z.object({
  arrivalId: z.string().uuid(),
  flagged: z.boolean(),
  flagReasons: z.array(z.string()),
});

export const residenceRequest = z.object({
  clientKey,
  host: z.object({ name: z.string().trim().min(2).max(160), phone: z.string().trim().min(9).max(20), otp: otpAnswer }),
  communeCode: localityCode,
  guests: z
    .array(
      z.object({
        person: personInput
          .omit({ communeCode: true, addressLine: true, phone: true })
          .extend({ phone: z.string().trim().min(9).max(20).optional() }),
        originKind: z.enum(['commune', 'province', 'country']),
        originCode: z
          .string()
          .regex(/^\d{2}(\d{3})?$/)
          .optional(),
        originCountry: z
          .string()
          .regex(/^[A-Z]{2}$/)
          .optional(),
        arrivedOn: pastDate,
      }),
    )
    .min(1)
    .max(50),
});
export type ResidenceRequest = z.infer<typeof residenceRequest>;

export const listDeclarationsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  flagged: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ListDeclarationsQuery = z.infer<typeof listDeclarationsQuery>;

export const declarationRow = z.object({
  id: z.string().uuid(),
  submittedAt: z.string(),
  validUntil: z.string(),
  kind: z.string(),
  personId: z.string().uuid(),
  fullName: z.string(),
  birthYear: z.number().int(),
  phone: z.string().nullable(),
  communeCode: z.string(),
  communeName: z.string(),
  symptoms: z.array(z.string()),
  exposures: z.array(z.string()),
});
export type DeclarationRow = z.infer<typeof declarationRow>;

export const listArrivalsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  followUp: z.enum(['none', 'pending', 'contacted', 'closed']).optional(),
  flagged: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ListArrivalsQuery = z.infer<typeof listArrivalsQuery>;

export const arrivalRow = z.object({
  id: z.string().uuid(),
  submittedAt: z.string(),
  personId: z.string().uuid(),
  fullName: z.string(),
  birthYear: z.number().int(),
  phone: z.string().nullable(),
  /** The code as declared: a country (US), a province (01) or a commune (00004). */
  origin: z.string(),
  /** The same, as officials read it ("Phường Ba Đình, Thành phố Hà Nội", "Hoa Kỳ"); null when unknown. */
  originName: z.string().nullable(),
  vehicle: z.string(),
  arrivedOn: z.string(),
  destinationCommuneCode: z.string(),
  destinationCommuneName: z.string(),
  flagged: z.boolean(),
  flagReasons: z.array(z.string()),
  followUpStatus: z.enum(['none', 'pending', 'contacted', 'closed']),
  declaredByHost: z.string().nullable(),
});
export type ArrivalRow = z.infer<typeof arrivalRow>;
export const followUpRequest = z.object({ followUpStatus: z.enum(['pending', 'contacted', 'closed']) });
