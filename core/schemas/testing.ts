import { z } from 'zod';
import { localityCode, pageQuery } from './common.ts';
import { personRef } from './cases.ts';

/** Testing (issue 5): orders, samples, results, pooled samples and mass-testing campaigns. */
export const testKinds = ['rt_pcr', 'rapid_antigen'] as const;
export type TestKind = (typeof testKinds)[number];
export const testResults = ['negative', 'positive', 'invalid'] as const;
export type TestResultValue = (typeof testResults)[number];
export const orderReasons = ['schedule', 'contact', 'symptoms', 'campaign', 'pool_retest', 'manual'] as const;
export const orderStatuses = ['ordered', 'sampled', 'resulted', 'cancelled'] as const;

const date = z.iso.date('Ngày không hợp lệ (YYYY-MM-DD) / Invalid date (YYYY-MM-DD)');
const instant = z.iso.datetime({ offset: true, message: 'Thời điểm không hợp lệ / Invalid date and time' });
const sampleCode = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$/,
    'Mã mẫu: 3–40 chữ, số, dấu chấm, gạch / Sample code: 3–40 letters, digits, dots, dashes',
  );
const text = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự / At most ${max} characters`);

export const createOrderRequest = z.object({
  subject: personRef,
  testKind: z.enum(testKinds).default('rt_pcr'),
  dueOn: date,
  reason: z.enum(['contact', 'symptoms', 'manual']).default('manual'),
});
export type CreateOrderRequest = z.infer<typeof createOrderRequest>;

export const orderView = z.object({
  id: z.string().uuid(),
  personId: z.string().uuid(),
  fullName: z.string(),
  birthYear: z.number().int(),
  phone: z.string().nullable(),
  reason: z.enum(orderReasons),
  testKind: z.enum(testKinds),
  dueOn: z.string(),
  status: z.enum(orderStatuses),
  admissionId: z.string().uuid().nullable(),
  poolCode: z.string().nullable(),
});
export type OrderView = z.infer<typeof orderView>;

export const listOrdersQuery = pageQuery.extend({
  locality: localityCode.optional(),
  status: z.enum(orderStatuses).optional(),
  reason: z.enum(orderReasons).optional(),
  dueBy: date.optional(),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;

export const recordSampleRequest = z
  .object({
    code: sampleCode,
    /** The order this sample answers; without it, the person it was taken from. */
    orderId: z.string().uuid().optional(),
    personId: z.string().uuid().optional(),
    kind: z.enum(testKinds),
    collectedAt: instant,
    collectedBy: text(120).optional(),
    lab: text(120).optional(),
  })
  .refine((s) => s.orderId || s.personId, {
    message: 'Cần phiếu chỉ định hoặc người được lấy mẫu / An order or a person is needed',
    path: ['personId'],
  });
export type RecordSampleRequest = z.infer<typeof recordSampleRequest>;

export const sampleView = z.object({
  id: z.string().uuid(),
  code: z.string(),
  personId: z.string().uuid(),
  fullName: z.string(),
  kind: z.enum(testKinds),
  collectedAt: z.string(),
  lab: z.string().nullable(),
  poolCode: z.string().nullable(),
  result: z.enum(testResults).nullable(),
  ctValue: z.number().nullable(),
  resultedAt: z.string().nullable(),
});
export type SampleView = z.infer<typeof sampleView>;

export const sampleResultItem = z.object({
  code: sampleCode,
  result: z.enum(
    testResults,
    'Kết quả phải là âm tính, dương tính hoặc không xác định / The result is negative, positive or invalid',
  ),
  ctValue: z.number().min(0).max(50).optional(),
});
export const sampleResultsRequest = z.object({ items: z.array(sampleResultItem).min(1).max(5000) });
export type SampleResultsRequest = z.infer<typeof sampleResultsRequest>;

export const poolResultItem = z.object({ code: sampleCode, result: z.enum(testResults) });
export const poolResultsRequest = z.object({ items: z.array(poolResultItem).min(1).max(20000) });
export type PoolResultsRequest = z.infer<typeof poolResultsRequest>;

export const resultsOutcome = z.object({
  updated: z.number().int(),
  positives: z.number().int(),
  /** Individual re-tests ordered for the members of positive or failed pools. */
  retestOrders: z.number().int(),
  /** New case proposals from positive RT-PCR results. */
  caseProposals: z.number().int(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type ResultsOutcome = z.infer<typeof resultsOutcome>;

export const createCampaignRequest = z
  .object({
    name: text(200).min(3, 'Tên đợt xét nghiệm: ít nhất 3 ký tự / Campaign name: at least 3 characters'),
    localityCode,
    targetPopulation: z
      .number()
      .int()
      .positive('Dân số mục tiêu phải lớn hơn 0 / The target population must be positive')
      .max(50_000_000),
    startsOn: date,
    endsOn: date,
    /** 1 = no pooling; empty: chosen from the area's risk level (5 higher risk, 10 lower). */
    poolSize: z.number().int().min(1).max(10).optional(),
  })
  .refine((c) => c.endsOn >= c.startsOn, {
    message: 'Ngày kết thúc trước ngày bắt đầu / The end is before the start',
    path: ['endsOn'],
  });
export type CreateCampaignRequest = z.infer<typeof createCampaignRequest>;

export const campaignView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  localityCode: z.string(),
  localityName: z.string(),
  targetPopulation: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  poolSize: z.number().int(),
  status: z.enum(['active', 'closed']),
  sampled: z.number().int(),
  resulted: z.number().int(),
  positive: z.number().int(),
});
export type CampaignView = z.infer<typeof campaignView>;
export const listCampaignsQuery = pageQuery.extend({ locality: localityCode.optional() });

/** Samples taken in a campaign, pooled in the order given. */
export const campaignSamplesRequest = z.object({
  collectedAt: instant,
  collectedBy: text(120).optional(),
  lab: text(120).optional(),
  samples: z
    .array(z.object({ code: sampleCode, subject: personRef }))
    .min(1)
    .max(5000),
});
export type CampaignSamplesRequest = z.infer<typeof campaignSamplesRequest>;
export const campaignSamplesResult = z.object({
  samples: z.number().int(),
  pools: z.array(z.object({ code: z.string(), members: z.array(z.string()) })),
});

export const poolView = z.object({
  code: z.string(),
  size: z.number().int(),
  result: z.enum(testResults).nullable(),
  resultedAt: z.string().nullable(),
});
export type PoolView = z.infer<typeof poolView>;

export const campaignDay = z.object({
  day: z.string(),
  sampled: z.number().int(),
  resulted: z.number().int(),
  positive: z.number().int(),
  positivity: z.number().nullable(),
});
export const campaignProgress = z.object({
  campaign: campaignView,
  coverage: z.number(),
  days: z.array(campaignDay),
});

export const caseProposalView = z.object({
  id: z.string().uuid(),
  personId: z.string().uuid(),
  fullName: z.string(),
  birthYear: z.number().int(),
  sampleCode: z.string(),
  sampleKind: z.enum(testKinds),
  collectedAt: z.string(),
  resultedAt: z.string().nullable(),
  inQuarantine: z.boolean(),
  status: z.enum(['open', 'accepted', 'dismissed']),
  caseId: z.string().uuid().nullable(),
});
export type CaseProposalView = z.infer<typeof caseProposalView>;
export const listCaseProposalsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  status: z.enum(['open', 'accepted', 'dismissed']).default('open'),
});
