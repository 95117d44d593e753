import { z } from 'zod';
import { localityCode, pageQuery } from './common.ts';
import { clientKey, personInput } from './declarations.ts';
import { vietnamToday } from '../vietnam-calendar.ts';
import { careSettings, careStatuses, dischargeOutcomes } from '../rules/case-care.ts';

/**
 * Cases (F0), contacts found by tracing (F1, F2…), clusters and chains of transmission (issue 4).
 * Messages are 'vi / en': the HTTP layer shows the caller's half.
 */
export const caseClassifications = ['imported', 'community', 'in_quarantine'] as const;
export type CaseClassification = (typeof caseClassifications)[number];
/** The care state's statuses (core/rules/case-care.ts): status and treatment move together. */
export const caseStatuses = careStatuses;
export type CaseStatus = (typeof caseStatuses)[number];
export const contactStatuses = ['proposed', 'confirmed', 'rejected'] as const;
export type ContactStatus = (typeof contactStatuses)[number];

const pastDate = z.iso
  .date('Ngày không hợp lệ (YYYY-MM-DD) / Invalid date (YYYY-MM-DD)')
  .refine((d) => d <= vietnamToday(), 'Ngày không được ở tương lai / The date cannot be in the future');
const instant = z.iso.datetime({ offset: true, message: 'Thời điểm không hợp lệ / Invalid date and time' });
const caseNumber = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/,
    'Mã ca bệnh gồm chữ, số, dấu chấm, gạch (tối đa 40) / A case number uses letters, digits, dots and dashes (at most 40)',
  );
const country = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, 'Mã quốc gia 2 chữ cái (VD: LA) / Two-letter country code (e.g. LA)');
const note = z.string().trim().max(2000, 'Tối đa 2000 ký tự / At most 2000 characters');

/** The person behind a case or a declared contact: an existing record, or identity to find or create. */
export const personRef = z.union([
  z.object({ personId: z.string().uuid('Mã người không hợp lệ / Invalid person id') }),
  z.object({
    person: personInput.extend({
      phone: personInput.shape.phone.optional(),
      addressLine: personInput.shape.addressLine.optional(),
    }),
  }),
]);
export type PersonRef = z.infer<typeof personRef>;

export const createCaseRequest = z
  .object({
    /** Generated once per form; a resend returns the case created by the first submission. */
    clientKey,
    caseNumber: caseNumber.optional(),
    subject: personRef,
    onsetDate: pastDate.optional(),
    sampleDate: pastDate.optional(),
    confirmedDate: pastDate,
    isolatedAt: instant.optional(),
    classification: z.enum(caseClassifications, 'Phân loại ca bệnh không hợp lệ / Unknown case classification'),
    sourceCountry: country.optional(),
    /** Ids of the cases that infected this one, when known. */
    sourceCaseIds: z.array(z.string().uuid()).max(20).default([]),
    clusterId: z.string().uuid().optional(),
    treatmentPlace: z.string().trim().max(200).optional(),
    /** Where the case is counted: defaults to the person's commune. */
    localityCode: localityCode.optional(),
    profileCode: z.string().max(64).optional(),
    notes: note.optional(),
  })
  .refine((c) => c.onsetDate || c.sampleDate, {
    message: 'Cần ngày khởi phát hoặc ngày lấy mẫu để truy vết / An onset or sample date is needed for tracing',
    path: ['sampleDate'],
  })
  .refine((c) => !c.onsetDate || c.onsetDate <= c.confirmedDate, {
    message: 'Ngày khởi phát sau ngày xác định / Onset is after confirmation',
    path: ['onsetDate'],
  })
  .refine((c) => !c.sampleDate || c.sampleDate <= c.confirmedDate, {
    message: 'Ngày lấy mẫu sau ngày xác định / The sample is after confirmation',
    path: ['sampleDate'],
  });
export type CreateCaseRequest = z.infer<typeof createCaseRequest>;

export const updateCaseRequest = z.object({
  /** "Treating" is refused here: a case enters treatment by admission (bed or home). */
  status: z.enum(caseStatuses).optional(),
  /** Why the status changed by hand; kept in the case's history. */
  statusReason: z.string().trim().max(500).optional(),
  outcomeDate: pastDate.nullable().optional(),
  isolatedAt: instant.nullable().optional(),
  classification: z.enum(caseClassifications).optional(),
  treatmentPlace: z.string().trim().max(200).nullable().optional(),
  clusterId: z.string().uuid().nullable().optional(),
  notes: note.nullable().optional(),
});
export type UpdateCaseRequest = z.infer<typeof updateCaseRequest>;

const noFuture = (iso: string) => Date.parse(iso) <= Date.now() + 5 * 60_000;
const pastInstant = instant.refine(noFuture, 'Thời điểm không được ở tương lai / The time cannot be in the future');

/** POST /cases/:id/home-treatment: a mild case treated at home (no bed). Moves a case in a bed home too. */
export const homeTreatmentRequest = z.object({
  /** Defaults to now. */
  startedAt: pastInstant.optional(),
  reason: z.string().trim().max(500).optional(),
});
export type HomeTreatmentRequest = z.infer<typeof homeTreatmentRequest>;

/** POST /cases/:id/discharge: ends the case's treatment, wherever it is, with its outcome. */
export const dischargeCaseRequest = z.object({
  outcome: z.enum(dischargeOutcomes, { error: 'Kết quả ra viện không hợp lệ / Unknown discharge outcome' }),
  /** Defaults to now. */
  dischargedAt: pastInstant.optional(),
  reason: z.string().trim().max(500).optional(),
});
export type DischargeCaseRequest = z.infer<typeof dischargeCaseRequest>;

export const caseRef = z.object({ id: z.string().uuid(), caseNumber: z.string() });

export const caseView = z.object({
  id: z.string().uuid(),
  caseNumber: z.string(),
  personId: z.string().uuid().nullable(),
  fullName: z.string().nullable(),
  gender: z.enum(['male', 'female', 'other']).nullable(),
  birthYear: z.number().int().nullable(),
  nationality: z.string().nullable(),
  onsetDate: z.string().nullable(),
  sampleDate: z.string().nullable(),
  confirmedDate: z.string(),
  isolatedAt: z.string().nullable(),
  classification: z.enum(caseClassifications),
  sourceCountry: z.string().nullable(),
  status: z.enum(caseStatuses),
  outcomeDate: z.string().nullable(),
  treatmentPlace: z.string().nullable(),
  localityCode: z.string(),
  localityName: z.string(),
  clusterId: z.string().uuid().nullable(),
  clusterCode: z.string().nullable(),
  clusterName: z.string().nullable(),
  profileCode: z.string(),
  notes: z.string().nullable(),
  infectors: z.array(caseRef),
  contacts: z.object({ proposed: z.number().int(), confirmed: z.number().int(), rejected: z.number().int() }),
  createdAt: z.string(),
  /** Where the case is treated now: a bed (its stay) or home; null unless treating. */
  care: z
    .object({
      setting: z.enum(careSettings),
      stayId: z.string().uuid().nullable(),
      facilityId: z.string().uuid().nullable(),
      facilityName: z.string().nullable(),
      bedKind: z.string().nullable(),
      since: z.string(),
    })
    .nullable(),
  /** Every change of status and setting, oldest first. */
  history: z.array(
    z.object({
      kind: z.enum(['registered', 'admitted', 'transferred', 'discharged', 'status_set']),
      fromStatus: z.enum(caseStatuses).nullable(),
      toStatus: z.enum(caseStatuses),
      setting: z.enum(careSettings).nullable(),
      facilityName: z.string().nullable(),
      bedKind: z.string().nullable(),
      reason: z.string().nullable(),
      actorName: z.string().nullable(),
      rebuilt: z.boolean(),
      at: z.string(),
    }),
  ),
});
export type CaseView = z.infer<typeof caseView>;

/** One line of the case list: what a table shows, without per-case sub-queries. */
export const caseRow = caseView.omit({ infectors: true, contacts: true, notes: true, care: true, history: true });
export type CaseRow = z.infer<typeof caseRow>;

export const listCasesQuery = pageQuery.extend({
  locality: localityCode.optional(),
  status: z.enum(caseStatuses).optional(),
  classification: z.enum(caseClassifications).optional(),
  clusterId: z.string().uuid().optional(),
  /** Case number, or part of the name (diacritics ignored). */
  q: z.string().trim().max(100).optional(),
  confirmedFrom: z.iso.date().optional(),
  confirmedTo: z.iso.date().optional(),
});
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const venueEvidence = z.object({
  venueId: z.string().uuid(),
  venueName: z.string(),
  minutes: z.number(),
  from: z.string(),
  to: z.string(),
});
export type VenueEvidence = z.infer<typeof venueEvidence>;

export const contactView = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  caseNumber: z.string(),
  personId: z.string().uuid(),
  fullName: z.string(),
  birthYear: z.number().int(),
  phone: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  level: z.number().int(),
  viaContactId: z.string().uuid().nullable(),
  viaName: z.string().nullable(),
  status: z.enum(contactStatuses),
  household: z.boolean(),
  declared: z.boolean(),
  totalOverlapMinutes: z.number(),
  distinctVenues: z.number().int(),
  firstExposureAt: z.string().nullable(),
  lastExposureAt: z.string().nullable(),
  venues: z.array(venueEvidence),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** Set when this contact is a case too (the tree continues there). */
  becameCaseId: z.string().uuid().nullable(),
});
export type ContactView = z.infer<typeof contactView>;

export const listContactsQuery = pageQuery.extend({
  status: z.enum(contactStatuses).optional(),
  level: z.coerce.number().int().min(1).max(5).optional(),
});
export type ListContactsQuery = z.infer<typeof listContactsQuery>;

/** The follow-up list of an area; `awaitingQuarantine`: only people not in quarantine now (the admission form's list). */
export const listAreaContactsQuery = listContactsQuery.extend({
  locality: localityCode.optional(),
  awaitingQuarantine: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type ListAreaContactsQuery = ListContactsQuery & { locality?: string; awaitingQuarantine?: boolean };

export const decideContactRequest = z.object({
  decision: z.enum(['confirm', 'reject'], 'Quyết định phải là xác nhận hoặc loại / The decision is confirm or reject'),
  note: note.optional(),
  /** When the contact was isolated; it closes their own window for the next level. */
  isolatedAt: instant.optional(),
});
export type DecideContactRequest = z.infer<typeof decideContactRequest>;

/** A contact the case named in the interview ("khai báo tiếp xúc"). */
export const declareContactRequest = z.object({
  subject: personRef,
  lastExposureAt: instant.optional(),
  note: note.optional(),
});
export type DeclareContactRequest = z.infer<typeof declareContactRequest>;

export const tracingRunResult = z.object({
  proposed: z.number().int(),
  updated: z.number().int(),
  window: z.object({ from: z.string(), to: z.string() }),
});
export type TracingRunResult = z.infer<typeof tracingRunResult>;

export const clusterStatuses = ['active', 'closed'] as const;
export const createClusterRequest = z.object({
  code: z
    .string()
    .trim()
    .regex(
      /^[A-Z0-9][A-Z0-9_-]{1,31}$/,
      'Mã ổ dịch: chữ in hoa, số, gạch (2–32) / Cluster code: capitals, digits, dashes (2–32)',
    ),
  name: z.string().trim().min(2, 'Tên ổ dịch: ít nhất 2 ký tự / Cluster name: at least 2 characters').max(200),
  localityCode,
  notes: note.optional(),
});
export type CreateClusterRequest = z.infer<typeof createClusterRequest>;
export const updateClusterRequest = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  status: z.enum(clusterStatuses).optional(),
  notes: note.nullable().optional(),
});
export type UpdateClusterRequest = z.infer<typeof updateClusterRequest>;

export const clusterView = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  localityCode: z.string(),
  localityName: z.string(),
  status: z.enum(clusterStatuses),
  notes: z.string().nullable(),
  caseCount: z.number().int(),
  firstConfirmed: z.string().nullable(),
  lastConfirmed: z.string().nullable(),
  createdAt: z.string(),
});
export type ClusterView = z.infer<typeof clusterView>;
export const listClustersQuery = pageQuery.extend({
  locality: localityCode.optional(),
  status: z.enum(clusterStatuses).optional(),
});
export type ListClustersQuery = z.infer<typeof listClustersQuery>;

export const chainGraphQuery = z.object({
  locality: localityCode.optional(),
  clusterId: z.string().uuid().optional(),
  /** Only the chain this case belongs to. */
  caseId: z.string().uuid().optional(),
  /** Leave out cases that are linked to no other case. */
  linkedOnly: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export type ChainGraphQuery = z.infer<typeof chainGraphQuery>;

export const chainNode = z.object({
  id: z.string().uuid(),
  caseNumber: z.string(),
  status: z.enum(caseStatuses),
  classification: z.enum(caseClassifications),
  confirmedDate: z.string(),
  /** 0 for a case with no known infector in the graph, else one more than its infector's. */
  generation: z.number().int(),
  /** Index of the chain (weakly connected component), largest chain first. */
  chain: z.number().int(),
  clusterCode: z.string().nullable(),
});
export const chainGraph = z.object({
  nodes: z.array(chainNode),
  /** Indexes into `nodes`, infector → infectee (compact for 10,000-node graphs). */
  edges: z.array(z.tuple([z.number().int(), z.number().int()])),
  stats: z.object({
    cases: z.number().int(),
    links: z.number().int(),
    chainsWithAtLeastTwo: z.number().int(),
    largestChain: z.number().int(),
    longestGenerationPath: z.number().int(),
  }),
});
export type ChainGraph = z.infer<typeof chainGraph>;
export type ChainNode = z.infer<typeof chainNode>;

export const linelistImportResult = z.object({
  importId: z.string().uuid().nullable(),
  totalRows: z.number().int(),
  createdCases: z.number().int(),
  updatedCases: z.number().int(),
  links: z.number().int(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type LinelistImportResult = z.infer<typeof linelistImportResult>;

export const duplicateReasons = ['document', 'phone', 'name_birth_commune'] as const;
export const personDuplicate = z.object({
  personId: z.string().uuid(),
  fullName: z.string(),
  birthYear: z.number().int(),
  phone: z.string().nullable(),
  idNumberMasked: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  reasons: z.array(z.enum(duplicateReasons)),
});
export type PersonDuplicate = z.infer<typeof personDuplicate>;
export const mergePeopleRequest = z
  .object({
    keepId: z.string().uuid(),
    mergeId: z.string().uuid(),
  })
  .refine((m) => m.keepId !== m.mergeId, {
    message: 'Không thể gộp một người với chính họ / A person cannot be merged with themselves',
    path: ['mergeId'],
  });
export type MergePeopleRequest = z.infer<typeof mergePeopleRequest>;
