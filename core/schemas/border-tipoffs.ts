import { z } from 'zod';
import { localityCode, pageQuery } from './common.ts';

/** Citizens' tip-offs (tố giác) of suspected illegal entry or undeclared people, and the officials' handling of them (issue 19). */

export const tipoffKinds = ['illegal_entry', 'undeclared'] as const;
/** A tip-off is new, then worked (investigating), then found true (verified), unfounded, or handled. */
export const tipoffStatuses = ['new', 'investigating', 'verified', 'unfounded', 'handled'] as const;

const uuid = z.string().uuid();
const clientKey = z.string().uuid('Mã gửi không hợp lệ / Invalid client key');
const text = (max: number) => z.string().trim().min(1).max(max);

export const tipoffRequest = z.object({
  clientKey,
  kind: z.enum(tipoffKinds),
  communeCode: localityCode,
  place: text(300),
  description: z.string().trim().min(5).max(2000),
  reporterName: text(120).optional(),
  /** For follow-up: kept only when verified by the one-time code sent to it. */
  reporterPhone: z.string().trim().max(20).optional(),
  /** The one-time code sent to the phone (POST /api/public/otp, purpose "tipoff"). */
  otp: z
    .object({
      challengeId: z.string().uuid(),
      code: z
        .string()
        .trim()
        .regex(/^\d{6}$/),
    })
    .optional(),
});
export type TipoffRequest = z.infer<typeof tipoffRequest>;
export const tipoffReceipt = z.object({ reference: z.string(), phoneVerified: z.boolean() });

export const tipoffView = z.object({
  id: uuid,
  kind: z.enum(tipoffKinds),
  communeCode: z.string(),
  place: z.string(),
  description: z.string(),
  status: z.enum(tipoffStatuses),
  outcome: z.string().nullable(),
  investigatorId: uuid.nullable(),
  /** The investigating officer's name, for every official of the place (who works it, not who told). */
  investigatorName: z.string().nullable(),
  /** The interception the tip-off led to. */
  interceptionId: uuid.nullable(),
  createdAt: z.string(),
  /** Only for the investigating officer. */
  reporter: z.object({ name: z.string().nullable(), phone: z.string().nullable(), verified: z.boolean() }).nullable(),
});
export type TipoffView = z.infer<typeof tipoffView>;
export const listTipoffsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  status: z.enum(tipoffStatuses).optional(),
});
export type ListTipoffsQuery = z.infer<typeof listTipoffsQuery>;
export const tipoffUpdateRequest = z
  .object({
    status: z.enum(tipoffStatuses, 'Trạng thái không hợp lệ / Unknown status'),
    outcome: z.string().trim().max(2000, 'Kết quả: tối đa 2000 ký tự / Outcome: at most 2000 characters').optional(),
    /** Take the tip-off: the caller becomes its investigating officer. */
    take: z.boolean().default(false),
    /** Assign it to another official of the place (GET /border/tipoffs/:id/assignees), who alone then sees the reporter. */
    assignTo: uuid.optional(),
    /** The interception it led to (of the tip-off's area). */
    interceptionId: uuid.optional(),
  })
  .refine((r) => !(r.take && r.assignTo), {
    message: 'Nhận xử lý hoặc giao cho người khác, không cả hai / Take it or assign it, not both',
    path: ['assignTo'],
  })
  .refine((r) => r.status !== 'new' || (!r.take && !r.assignTo), {
    message: 'Tin đã giao thì không còn là tin mới / An assigned tip-off is no longer new',
    path: ['status'],
  });
export type TipoffUpdateRequest = z.infer<typeof tipoffUpdateRequest>;

/** Who a tip-off may be given to: active officials of its commune, district or province who work tip-offs. */
export const tipoffAssigneeView = z.object({ id: uuid, fullName: z.string(), role: z.string() });
export type TipoffAssigneeView = z.infer<typeof tipoffAssigneeView>;
