import { z } from 'zod';
import { normaliseVietnamesePhone } from '../rules/identity-documents.ts';
import { venueDecisions, venueStatuses } from '../rules/venue-status.ts';
import { checkTaxCode } from '../rules/workplaces/tax-code.ts';
import { assessmentAnswers, organisationTypes, riskGroups, scoringRuleCodes } from './assessment-template.ts';
import { localityCode, pageQuery, queryFlag } from './common.ts';

/**
 * Organisations (issue 15): agencies, enterprises, schools, markets… that register with their
 * commune, are approved like venues (same life cycle) and assess their COVID safety on a template.
 */

export const organisationStatuses = venueStatuses;
export const organisationDecisions = venueDecisions;

const text = (label: { vi: string; en: string }, min: number, max: number) =>
  z
    .string({ error: `${label.vi}: bắt buộc / ${label.en}: required` })
    .trim()
    .min(min, `${label.vi}: ít nhất ${min} ký tự / ${label.en}: at least ${min} characters`)
    .max(max, `${label.vi}: tối đa ${max} ký tự / ${label.en}: at most ${max} characters`);

const phone = (label: { vi: string; en: string }) =>
  z
    .string({ error: `${label.vi}: bắt buộc / ${label.en}: required` })
    .trim()
    .max(30, 'Số điện thoại di động không hợp lệ / not a valid Vietnamese mobile number')
    .refine(
      (v) => normaliseVietnamesePhone(v) !== null,
      'Số điện thoại di động không hợp lệ / not a valid Vietnamese mobile number',
    );

/** The service checks the check digit too and answers in the user's language; this refuses the shape early. */
const taxCode = z
  .string()
  .trim()
  .max(20)
  .refine(
    (v) => checkTaxCode(v).ok,
    'Mã số thuế không hợp lệ (10 chữ số, hoặc 13 với đơn vị phụ thuộc: 0100109106-001) / invalid tax code (10 digits, or 13 for a dependent unit: 0100109106-001)',
  );

const wholeCount = (label: { vi: string; en: string }, max: number) =>
  z
    .number({ error: `${label.vi} phải là số / ${label.en} must be a number` })
    .int(`${label.vi} là số nguyên / ${label.en} is a whole number`)
    .min(1, `${label.vi} ít nhất là 1 / ${label.en} is at least 1`)
    .max(max, `${label.vi} tối đa ${max} / ${label.en} is at most ${max}`);

export const organisationType = z.enum(organisationTypes, {
  error: 'Loại cơ quan, đơn vị không hợp lệ / unknown kind of organisation',
});

export const registerOrganisationRequest = z.object({
  /** One per form: a resend answers the organisation registered the first time. */
  clientKey: z.string().uuid('Mã gửi không hợp lệ / invalid client key'),
  name: text({ vi: 'Tên cơ quan, đơn vị', en: 'Organisation name' }, 2, 200),
  type: organisationType,
  sector: text({ vi: 'Ngành nghề', en: 'Sector' }, 2, 100).optional(),
  taxCode: taxCode.optional(),
  addressLine: text({ vi: 'Địa chỉ', en: 'Address' }, 3, 300),
  communeCode: z.string().regex(/^\d{5}$/, 'Mã xã/phường gồm 5 chữ số / a commune code has 5 digits'),
  headName: text({ vi: 'Người đứng đầu', en: 'Head of unit' }, 2, 120),
  contactName: text({ vi: 'Người phụ trách an toàn COVID', en: 'COVID-safety contact' }, 2, 120),
  contactPhone: phone({ vi: 'Số điện thoại người phụ trách', en: 'Contact phone' }),
  headcount: wholeCount({ vi: 'Số người lao động', en: 'Headcount' }, 1_000_000),
  shifts: wholeCount({ vi: 'Số ca làm việc', en: 'Shifts' }, 4).default(1),
  runsDormitory: z.boolean().default(false),
  runsShuttle: z.boolean().default(false),
});
export type RegisterOrganisationRequest = z.infer<typeof registerOrganisationRequest>;

export const decideOrganisationRequest = z
  .object({
    decision: z.enum(organisationDecisions, { error: 'Quyết định không hợp lệ / unknown decision' }),
    note: z.string().trim().max(1000, 'Ghi chú: tối đa 1000 ký tự / note: at most 1000 characters').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== 'approve' && !v.note)
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'Cần ghi lý do khi từ chối hoặc tạm dừng / a note is required to reject or suspend',
      });
  });
export type DecideOrganisationRequest = z.infer<typeof decideOrganisationRequest>;

export const listOrganisationsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  status: z.enum(organisationStatuses).optional(),
  type: organisationType.optional(),
  /** The group of the latest self-assessment; `none` for organisations never assessed. */
  group: z.enum([...riskGroups, 'none']).optional(),
  /** Approved organisations whose latest self-assessment's re-assessment day has passed (Viet Nam today). */
  overdue: queryFlag.optional(),
  /** Part of the name (accents ignored), or the tax code. */
  q: z.string().trim().max(100).optional(),
  /** The sector as registered (the safety map's filter). */
  sector: z.string().trim().min(1).max(100).optional(),
});
export type ListOrganisationsQuery = z.infer<typeof listOrganisationsQuery>;

export const latestAssessmentView = z.object({
  id: z.string().uuid(),
  group: z.enum(riskGroups),
  sharePercent: z.number().int(),
  mayOperate: z.enum(['yes', 'no']),
  submittedAt: z.string(),
  reassessDueOn: z.string(),
});

export const organisationView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  type: organisationType,
  sector: z.string().nullable(),
  taxCode: z.string().nullable(),
  addressLine: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  headName: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  contactPhoneVerifiedAt: z.string().nullable(),
  headcount: z.number().int(),
  shifts: z.number().int(),
  runsDormitory: z.boolean(),
  runsShuttle: z.boolean(),
  status: z.enum(organisationStatuses),
  allowedDecisions: z.array(z.enum(organisationDecisions)),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  latestAssessment: latestAssessmentView.nullable(),
  /** The organisation shows its valid low-risk status on the public list. */
  publishSafe: z.boolean(),
  createdAt: z.string(),
});
export type OrganisationView = z.infer<typeof organisationView>;

export const submitAssessmentRequest = z.object({
  /** One per filled form: a resend stores nothing new and answers the first submission. */
  clientKey: z.string().uuid('Mã gửi không hợp lệ / invalid client key'),
  template: z.string().trim().min(1).max(48),
  answers: assessmentAnswers,
});
export type SubmitAssessmentRequest = z.infer<typeof submitAssessmentRequest>;

export const assessmentView = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  templateCode: z.string(),
  templateVersion: z.number().int(),
  rule: z.enum(scoringRuleCodes),
  answers: assessmentAnswers,
  points: z.number().int(),
  max: z.number().int(),
  sharePercent: z.number().int(),
  group: z.enum(riskGroups),
  blockedBy: z.array(z.string()),
  drivers: z.array(z.string()),
  /** The names (in the reader's language) of the components in `drivers` and `blockedBy`, from the version used. */
  componentNames: z.record(z.string(), z.string()),
  mayOperate: z.enum(['yes', 'no']),
  todo: z.string(),
  communeInspects: z.boolean(),
  correctivePlanDueOn: z.string().nullable(),
  reassessDueOn: z.string(),
  submittedByName: z.string().nullable(),
  submittedAt: z.string(),
});
export type AssessmentView = z.infer<typeof assessmentView>;

export const listAssessmentsQuery = pageQuery;

export const templateSummaryView = z.object({
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  source: z.string(),
  illustrative: z.boolean(),
  appliesTo: z.array(organisationType),
  rule: z.enum(scoringRuleCodes),
});
export type TemplateSummaryView = z.infer<typeof templateSummaryView>;
