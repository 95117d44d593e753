import { z } from 'zod';
import { localityCode, pageQuery } from './common.ts';
import { citizenSession, otpAnswer, personInput, statusView } from './declarations.ts';

export { citizenSession, type CitizenSession } from './declarations.ts';

const phone = z.string().trim().min(9).max(20);
/** A phone without a session opens one with a code, naming its person by the QR it keeps or by document. */
export const openSessionRequest = z.union([
  z.object({ phone, otp: otpAnswer, qrToken: z.string().max(200) }),
  z.object({ phone, otp: otpAnswer, idType: personInput.shape.idType, idNumber: personInput.shape.idNumber }),
]);
export type OpenSessionRequest = z.infer<typeof openSessionRequest>;
export const openSessionResult = z.object({ session: citizenSession, qrToken: z.string(), status: statusView });
export type OpenSessionResult = z.infer<typeof openSessionResult>;

export const myCheckinsRequest = pageQuery;
export const myAccessesRequest = pageQuery;
/** Everything held about me: a bulk export of sensitive data, so it takes a fresh code, not only the session. */
export const myDataRequest = z.object({ format: z.enum(['json', 'pdf']), otp: otpAnswer });
export type MyDataRequest = z.infer<typeof myDataRequest>;

/** Why a citizen's declaration was not linked to the record of its document at once. */
export const linkReasons = ['phone_differs', 'no_phone', 'details_differ', 'verified_other_phone'] as const;
export const linkStatuses = ['open', 'accepted', 'rejected', 'withdrawn'] as const;

export const listLinkRequestsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  status: z.enum(linkStatuses).default('open'),
});
export type ListLinkRequestsQuery = z.infer<typeof listLinkRequestsQuery>;

export const linkRequestRow = z.object({
  id: z.string().uuid(),
  createdAt: z.string(),
  status: z.enum(linkStatuses),
  reason: z.enum(linkReasons),
  /** What the citizen declared. */
  declaredName: z.string(),
  declaredBirthYear: z.number().int(),
  declaredCommuneCode: z.string().nullable(),
  declaredCommuneName: z.string().nullable(),
  phone: z.string(),
  /** The record of the document, as officials keep it. */
  officialName: z.string(),
  officialCommuneCode: z.string().nullable(),
  officialCommuneName: z.string().nullable(),
});
export type LinkRequestRow = z.infer<typeof linkRequestRow>;

export const linkedRecord = z.object({
  personId: z.string().uuid(),
  idType: z.string(),
  /** None for someone without papers (an official record of an illegal entrant). */
  idNumber: z.string().nullable(),
  fullName: z.string(),
  birthYear: z.number().int(),
  gender: z.string(),
  phone: z.string().nullable(),
  phoneVerified: z.boolean(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  addressLine: z.string().nullable(),
  createdAt: z.string(),
  /** F-level, quarantine and monitoring, for the official record (the citizen's has none yet). */
  fLevel: z.number().int().nullable(),
  underQuarantine: z.boolean(),
  underMonitoring: z.boolean(),
});
export type LinkedRecord = z.infer<typeof linkedRecord>;

export const linkRequestDetail = linkRequestRow.extend({
  declared: linkedRecord,
  official: linkedRecord,
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** Whether the reader may accept or reject it (the official record lies in their area). */
  canDecide: z.boolean(),
});
export type LinkRequestDetail = z.infer<typeof linkRequestDetail>;

export const decideLinkRequest = z.object({ note: z.string().trim().max(500).optional() });
export const linkDecisionResult = z.object({
  id: z.string().uuid(),
  status: z.enum(linkStatuses),
  personId: z.string().uuid(),
});
export type LinkDecisionResult = z.infer<typeof linkDecisionResult>;
