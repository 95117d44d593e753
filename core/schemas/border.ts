import { z } from 'zod';
import { personRef } from './cases.ts';
import { queryFlag, localityCode, pageQuery } from './common.ts';

/** Border and entry control (issue 19): posts, shift logs, crossings, goods, interceptions, trails, tip-offs. */

export const postKinds = [
  'border_station',
  'border_gate',
  'trail_post_fixed',
  'trail_post_mobile',
  'entrance_checkpoint',
] as const;
export const gateKinds = ['international', 'main', 'secondary', 'border_market'] as const;
export const shiftNames = ['morning', 'afternoon', 'night'] as const;
export const teamForces = ['border_guard', 'health', 'militia', 'police', 'volunteer'] as const;
export const testResults = ['none', 'negative', 'positive'] as const;
export const crossingDecisions = ['let_through', 'quarantine', 'turned_back'] as const;
export const trailRisks = ['low', 'medium', 'high'] as const;

const uuid = z.string().uuid();
const clientKey = z.string().uuid('Mã gửi không hợp lệ / Invalid client key');
const date = z.iso.date('Ngày không hợp lệ (YYYY-MM-DD) / Invalid date (YYYY-MM-DD)');
const instant = z.iso.datetime({ offset: true, message: 'Thời điểm không hợp lệ / Invalid time' });
const text = (max: number) => z.string().trim().min(1).max(max);
/** A border marker's number as painted on it, e.g. "403" or "403/1". */
const marker = z
  .string()
  .trim()
  .regex(/^\d{1,4}(\/\d{1,2})?$/, 'Số mốc không hợp lệ / Invalid marker number');
const position = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

export const teamMember = z.object({ force: z.enum(teamForces), name: text(120) });

export const newPostRequest = z.object({
  clientKey,
  kind: z.enum(postKinds),
  gateKind: z.enum(gateKinds).optional(),
  name: z.string().trim().min(2).max(200),
  communeCode: localityCode,
  position: position.optional(),
  markers: z.object({ from: marker, to: marker }).optional(),
  /** Checkpoint staff who act at this post. */
  memberUserIds: z.array(uuid).max(50).default([]),
});
export type NewPostRequest = z.infer<typeof newPostRequest>;

export const postView = z.object({
  id: uuid,
  kind: z.enum(postKinds),
  kindLabel: z.string(),
  gateKind: z.enum(gateKinds).nullable(),
  name: z.string(),
  communeCode: z.string(),
  position: position.nullable(),
  markers: z.string().nullable(),
});
export type PostView = z.infer<typeof postView>;

export const listPostsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  kind: z.enum(postKinds).optional(),
});
export type ListPostsQuery = z.infer<typeof listPostsQuery>;

export const shiftLogRequest = z.object({
  clientKey,
  shiftDate: date,
  shift: z.enum(shiftNames),
  team: z.array(teamMember).max(30).default([]),
  peopleCount: z.number().int().min(0).max(1_000_000),
  vehicleCount: z.number().int().min(0).max(1_000_000),
  rapidTests: z.number().int().min(0).max(1_000_000),
  positives: z.number().int().min(0).max(1_000_000),
});
export type ShiftLogRequest = z.infer<typeof shiftLogRequest>;

export const shiftView = shiftLogRequest.omit({ clientKey: true }).extend({ id: uuid, postId: uuid });
export type ShiftView = z.infer<typeof shiftView>;

/**
 * Someone without any papers (most illegal entrants, some returnees): described rather than
 * identified, by the name they give if any, sex, an age estimated on sight and where they come
 * from. Registered as a person with no document (never an invented number), so that they can be
 * admitted to quarantine and followed; each such record is a new person.
 */
export const undocumentedPerson = z.object({
  documentKind: z.literal('none'),
  fullName: z
    .string()
    .trim()
    .min(2, 'Họ tên: ít nhất 2 ký tự, hoặc để trống nếu không rõ / Name: at least 2 characters, or empty when unknown')
    .max(120, 'Họ tên: tối đa 120 ký tự / Name: at most 120 characters')
    .optional(),
  gender: z.enum(['male', 'female', 'other'], 'Giới tính không hợp lệ / Unknown sex'),
  approximateAge: z
    .number('Tuổi ước đoán phải là số / The estimated age must be a number')
    .int('Tuổi ước đoán là số nguyên / The estimated age is a whole number')
    .min(0, 'Tuổi ước đoán từ 0 / The estimated age is 0 or more')
    .max(120, 'Tuổi ước đoán tối đa 120 / The estimated age is at most 120'),
  /** Where they come from: the country (ISO letters), their nationality as far as known. */
  origin: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'Nơi đi: mã nước 2 chữ cái (CN, LA…) / Origin: a two-letter country code (CN, LA…)'),
  /** The commune the person is recorded at (where found, or where they are going). */
  communeCode: localityCode,
  /** What tells them apart (clothes, marks, language spoken). */
  features: z.string().trim().max(500, 'Đặc điểm: tối đa 500 ký tự / Features: at most 500 characters').optional(),
});
export type UndocumentedPerson = z.infer<typeof undocumentedPerson>;

/** A person at the border: on file, with a document, or without papers. */
export const borderSubject = z.union([...personRef.options, undocumentedPerson]);
export type BorderSubject = z.infer<typeof borderSubject>;

/** How the person was identified: the personal QR, the CCCD card's QR, a typed document, or no papers at all. */
export const crossingIdentity = z.union([
  z.object({ via: z.literal('personal_qr'), token: text(500) }),
  z.object({ via: z.literal('cccd_qr'), text: text(500), communeCode: localityCode, phone: z.string().optional() }),
  z.object({ via: z.literal('document'), subject: personRef }),
  z.object({ via: z.literal('no_document'), person: undocumentedPerson }),
]);

/** Where a returnee comes from: a country (ISO letters, e.g. CN, LA) or a province of Viet Nam (its code). */
export const crossingOrigin = z
  .string()
  .trim()
  .regex(
    /^([A-Z]{2}|\d{2})$/,
    'Nơi đi: mã nước (CN, LA…) hoặc mã tỉnh / Origin: a country (CN, LA…) or a province code',
  );

export const crossingRequest = z.object({
  clientKey,
  crossedAt: instant,
  identity: crossingIdentity,
  origin: crossingOrigin,
  destinationCommuneCode: localityCode,
  temperature: z.number().min(30).max(45).optional(),
  testResult: z.enum(testResults),
  decision: z.enum(crossingDecisions),
  /** Where a person sent to quarantine is admitted. */
  facilityId: uuid.optional(),
});
export type CrossingRequest = z.infer<typeof crossingRequest>;

export const crossingView = z.object({
  id: uuid,
  postId: uuid,
  postName: z.string(),
  crossedAt: z.string(),
  personId: uuid,
  fullName: z.string(),
  origin: z.string(),
  destinationCommuneCode: z.string(),
  temperature: z.number().nullable(),
  testResult: z.enum(testResults),
  decision: z.enum(crossingDecisions),
  admissionId: uuid.nullable(),
});
export type CrossingView = z.infer<typeof crossingView>;

export const listCrossingsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  post: uuid.optional(),
  person: uuid.optional(),
  decision: z.enum(crossingDecisions).optional(),
});
export type ListCrossingsQuery = z.infer<typeof listCrossingsQuery>;

/** Where a checkpoint or an interception may hand people over: the province's quarantine facilities with room. */
export const handoverFacilitiesQuery = z.object({ near: localityCode.optional() });
export const handoverFacilityView = z.object({
  id: uuid,
  name: z.string(),
  communeName: z.string(),
  free: z.number(),
  distanceKm: z.number().nullable(),
});
export type HandoverFacilityView = z.infer<typeof handoverFacilityView>;

export const goodsRequest = z.object({
  clientKey,
  recordedAt: instant,
  plate: z.string().trim().min(3).max(20),
  driverName: z.string().trim().min(2).max(120),
  driverDocument: z.string().trim().max(30).optional(),
  cargo: text(300),
  direction: z.enum(['entry', 'exit']),
  testValidUntil: instant.optional(),
  waitingZone: text(200).optional(),
});
export type GoodsRequest = z.infer<typeof goodsRequest>;

export const goodsView = goodsRequest.omit({ clientKey: true }).extend({
  id: uuid,
  postId: uuid,
  postName: z.string(),
  /** The driver's test certificate has expired (or is missing): not to be let through as is. */
  testExpired: z.boolean(),
});
export type GoodsView = z.infer<typeof goodsView>;

export const interceptedPerson = z
  .object({
    subject: borderSubject,
    /** Needed with a document; someone without papers has their estimated age instead (or a stated date). */
    birthDate: date.optional(),
    residence: text(300),
    route: text(300),
    means: text(200),
    reason: text(500),
    broughtBy: text(300).optional(),
    harbouredBy: text(300).optional(),
  })
  .refine((p) => p.birthDate !== undefined || 'documentKind' in p.subject, {
    message:
      'Cần ngày sinh (hoặc ghi "không giấy tờ" và tuổi ước đoán) / A birth date is needed (or "no papers" and an estimated age)',
    path: ['birthDate'],
  });

export const interceptionRequest = z.object({
  clientKey,
  interceptedAt: instant,
  postId: uuid.optional(),
  communeCode: localityCode,
  markers: z.object({ from: marker, to: marker }).optional(),
  place: text(300),
  /** Found already residing inland rather than at the border. */
  foundInland: z.boolean().default(false),
  facilityId: uuid,
  people: z.array(interceptedPerson).min(1).max(100),
});
export type InterceptionRequest = z.infer<typeof interceptionRequest>;

export const interceptionView = z.object({
  id: uuid,
  interceptedAt: z.string(),
  communeCode: z.string(),
  markers: z.string().nullable(),
  place: z.string(),
  foundInland: z.boolean(),
  people: z.array(
    z.object({
      personId: uuid,
      fullName: z.string(),
      /** 'none': no papers (the name, if any, is what they said; the age an estimate). */
      documentKind: z.enum(['document', 'none']),
      birthDate: z.string().nullable(),
      approximateAge: z.number().nullable(),
      features: z.string().nullable(),
      nationality: z.string(),
      residence: z.string(),
      route: z.string(),
      means: z.string(),
      reason: z.string(),
      broughtBy: z.string().nullable(),
      harbouredBy: z.string().nullable(),
      admissionId: uuid,
    }),
  ),
});
export type InterceptionView = z.infer<typeof interceptionView>;

export const listInterceptionsQuery = pageQuery.extend({ locality: localityCode.optional() });
export type ListInterceptionsQuery = z.infer<typeof listInterceptionsQuery>;

export const interceptionCountsQuery = z.object({
  locality: localityCode.optional(),
  month: z.string().regex(/^\d{4}-\d{2}$/, 'Tháng: YYYY-MM / Month: YYYY-MM'),
});
export const interceptionCountsView = z.object({
  month: z.string(),
  rows: z.array(
    z.object({ code: z.string(), name: z.string(), atBorder: z.number(), foundInland: z.number(), people: z.number() }),
  ),
});
export type InterceptionCountsView = z.infer<typeof interceptionCountsView>;

const lineString = z.object({
  type: z.literal('LineString'),
  coordinates: z
    .array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]))
    .min(2)
    .max(5000),
});
export type LineString = z.infer<typeof lineString>;

export const trailRequest = z.object({
  clientKey,
  name: z.string().trim().min(2).max(200),
  risk: z.enum(trailRisks),
  communeCode: localityCode,
  line: lineString,
});
export type TrailRequest = z.infer<typeof trailRequest>;

export const trailView = z.object({
  id: uuid,
  name: z.string(),
  risk: z.enum(trailRisks),
  communeCode: z.string(),
  line: lineString,
  lastPatrolEndedAt: z.string().nullable(),
  patrolledWithin24h: z.boolean(),
  patrolledWithin72h: z.boolean(),
});
export type TrailView = z.infer<typeof trailView>;
export const trailsQuery = z.object({ locality: localityCode.optional() });

export const patrolRequest = z.object({
  clientKey,
  startedAt: instant,
  endedAt: instant,
  team: z.array(teamMember).max(30).default([]),
  route: lineString.optional(),
  /** A GPX track exported by a phone, as text; read into the route. */
  gpx: z.string().max(3_000_000).optional(),
});
export type PatrolRequest = z.infer<typeof patrolRequest>;
export const patrolView = z.object({
  id: uuid,
  trailId: uuid,
  startedAt: z.string(),
  endedAt: z.string(),
  source: z.enum(['drawn', 'gpx', 'none']),
  points: z.number(),
});

export const bulletinQuery = z.object({ day: date, locality: localityCode.optional(), post: uuid.optional() });
export type BulletinQuery = z.infer<typeof bulletinQuery>;
const figures = z.object({
  people: z.number(),
  vehicles: z.number(),
  rapidTests: z.number(),
  positives: z.number(),
  recorded: z.number(),
  sentToQuarantine: z.number(),
  turnedBack: z.number(),
  interceptions: z.number(),
  intercepted: z.number(),
});
export type BulletinFigures = z.infer<typeof figures>;
export const bulletinView = z.object({
  day: z.string(),
  total: figures,
  posts: z.array(figures.extend({ postId: uuid, name: z.string() })),
  returnees: z.array(
    z.object({ origin: z.string(), today: z.number(), cumulative: z.number(), inQuarantine: z.number() }),
  ),
});
export type BulletinView = z.infer<typeof bulletinView>;

export const listGoodsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  post: uuid.optional(),
  /** Only drivers whose test certificate has expired (or is missing). */
  expired: queryFlag.optional(),
});
export type ListGoodsQuery = z.infer<typeof listGoodsQuery>;

export * from './border-tipoffs.ts';
