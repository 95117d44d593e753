import { z } from 'zod';
import { pageQuery } from './common.ts';

/** National directives, rule-set and disease-profile versions, from the hub down to provinces (issue 21). */
const provinceCode = z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số / A province code has 2 digits');
const date = z.iso.date('Ngày không hợp lệ (YYYY-MM-DD) / Invalid date (YYYY-MM-DD)');

export const nationalDirectiveKinds = ['directive', 'rule_set', 'disease_profile'] as const;

/**
 * What the hub issues: to every province it federates (`provinces` absent or empty) or to those
 * named. A rule-set version is one of the hub's own stored rule sets, sent as it is at that version;
 * a disease-profile version is the hub's profile of that disease, at the version it holds now.
 */
const versionOf = z.object({ code: z.string().min(1).max(64), version: z.number().int().min(1) });

export const issueNationalDirectiveRequest = z
  .object({
    kind: z.enum(nationalDirectiveKinds),
    numberSymbol: z.string().trim().min(1).max(60),
    issuedOn: date,
    issuer: z.string().trim().min(1).max(200),
    summary: z.string().trim().min(1).max(2000),
    provinces: z.array(provinceCode).max(34).optional(),
    ruleSet: versionOf.nullable().optional(),
    diseaseProfile: versionOf.nullable().optional(),
  })
  .refine((d) => (d.kind === 'rule_set') === Boolean(d.ruleSet), {
    path: ['ruleSet'],
    message: 'Bộ quy tắc đi cùng loại "phiên bản bộ quy tắc" / A rule set goes with the kind "rule-set version"',
  })
  .refine((d) => (d.kind === 'disease_profile') === Boolean(d.diseaseProfile), {
    path: ['diseaseProfile'],
    message:
      'Hồ sơ bệnh đi cùng loại "phiên bản hồ sơ bệnh" / A disease profile goes with the kind "disease-profile version"',
  });
export type IssueNationalDirectiveRequest = z.infer<typeof issueNationalDirectiveRequest>;

export const listNationalDirectivesQuery = pageQuery.extend({
  /** On the hub: the directives sent to this province only. */
  province: provinceCode.optional(),
  /** Only those some province (on the hub) or this province has not acknowledged yet. */
  pending: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ListNationalDirectivesQuery = z.infer<typeof listNationalDirectivesQuery>;

export const nationalDirectiveView = z.object({
  id: z.string(),
  kind: z.enum(nationalDirectiveKinds),
  numberSymbol: z.string(),
  issuedOn: z.string(),
  issuer: z.string(),
  summary: z.string(),
  issuedAt: z.string(),
  /** A rule-set version: its code, version and name (null for a directive). */
  ruleSet: z.object({ code: z.string(), version: z.number(), name: z.string() }).nullable(),
  /** A disease-profile version: the disease's code, the hub's version and name (null otherwise). */
  diseaseProfile: z.object({ code: z.string(), version: z.number(), name: z.string() }).nullable(),
  /** Each recipient province and when it acknowledged (on a province: itself only). */
  provinces: z.array(z.object({ code: z.string(), name: z.string(), acknowledgedAt: z.string().nullable() })),
});
export type NationalDirectiveView = z.infer<typeof nationalDirectiveView>;

/**
 * Adopting a rule-set version from the hub: saved as this province's next version, then made active;
 * a disease-profile version: saved as the next version of this province's profile of that disease
 * (the latest version of a profile is the one in force, so `active` is true).
 */
export const adoptedRuleSetView = z.object({ code: z.string(), version: z.number(), active: z.boolean() });
