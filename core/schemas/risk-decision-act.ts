import { z } from 'zod';

/**
 * A level decision is a legal act (Decree 30/2020/NĐ-CP): it carries a number and symbol unique
 * per issuing authority and year, a date of signing, a signer with their capacity, and its legal
 * bases. These are the parts the form asks for and the register shows.
 */

/**
 * How the signer signs (Decree 30, Article 13 and Appendix I): the chair in their own name, on
 * behalf of the committee ("TM."), or a vice-chair for the chair ("KT."), alone or on behalf of
 * the committee. The lines are the signature block's capacity, top to bottom.
 */
export const signerCapacityLines = {
  chair: ['CHỦ TỊCH'],
  vice_chair: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  committee_chair: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
  committee_vice_chair: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
} as const satisfies Record<string, readonly string[]>;
export type SignerCapacity = keyof typeof signerCapacityLines;
export const signerCapacities = Object.keys(signerCapacityLines) as [SignerCapacity, ...SignerCapacity[]];
export const signerCapacity = z.enum(
  signerCapacities,
  'Chức vụ người ký không có trong danh sách / Unknown signing capacity',
);

/** The symbol of a level decision of a People's Committee (Decree 30, Appendix III: QĐ-UBND). */
export const LEVEL_DECISION_SYMBOL = 'QĐ-UBND';

/** The act's own fields in the decision request (the level, reason and effective time are the rest). */
export const decisionActFields = {
  /**
   * The number in the authority's register of the year. Absent: the next after the highest the
   * platform knows; an officer adjusts it to the register kept on paper.
   */
  documentNumber: z.coerce
    .number('Số quyết định phải là số / The decision number must be a number')
    .int('Số quyết định phải là số nguyên / The decision number must be a whole number')
    .min(1, 'Số quyết định từ 1 trở lên / The decision number starts at 1')
    .max(99_999, 'Số quyết định tối đa 99999 / The decision number is at most 99999')
    .optional(),
  /** The date of signing (Vietnam calendar); absent: today. Never in the future. */
  signedOn: z.iso.date('Ngày ký không hợp lệ (YYYY-MM-DD) / Invalid signing date (YYYY-MM-DD)').optional(),
  signerName: z
    .string("Cần họ tên người ký / The signer's name is needed")
    .trim()
    .min(3, "Họ tên người ký: ít nhất 3 ký tự / Signer's name: at least 3 characters")
    .max(120, "Họ tên người ký: tối đa 120 ký tự / Signer's name: at most 120 characters"),
  signerCapacity,
  /** The province's own basis (its plan or earlier decision), cited after the rule set's. */
  localBasis: z
    .string()
    .trim()
    .min(5, 'Căn cứ của tỉnh: ít nhất 5 ký tự / Province basis: at least 5 characters')
    .max(500, 'Căn cứ của tỉnh: tối đa 500 ký tự / Province basis: at most 500 characters')
    .optional(),
};

export const decisionDraftQuery = z.object({
  locality: z
    .string()
    .regex(
      /^\d{2}(\d{3})?$/,
      'Mã tỉnh (2 chữ số) hoặc xã/phường (5 chữ số) / A province (2 digits) or commune (5 digits) code',
    ),
  ruleSet: z.string().max(64).optional(),
  /** The level to decide; absent: the computed one (an approval). */
  levelKey: z.string().max(32).optional(),
});
export type DecisionDraftQuery = z.infer<typeof decisionDraftQuery>;

/** What the confirmation step shows and proposes before the act is recorded. */
export const decisionDraftView = z.object({
  localityCode: z.string(),
  localityName: z.string(),
  /** The issuing authority, e.g. "Ủy ban nhân dân tỉnh Lai Châu". */
  issuerName: z.string(),
  symbol: z.string(),
  year: z.number().int(),
  /** The next number of the authority's register for the year, as the platform knows it. */
  proposedNumber: z.number().int(),
  signedOn: z.string(),
  /** The last decision's signer and province basis, proposed again (null before a first decision). */
  signerName: z.string().nullable(),
  signerCapacity: signerCapacity.nullable(),
  localBasis: z.string().nullable(),
  /** The rule set's legal bases, cited by the act. */
  legalBases: z.array(z.string()),
  computedLevel: z.string(),
  levelKey: z.string(),
  kind: z.enum(['approve', 'override']),
  /** The level in force before this act (decided, else computed). */
  previousLevel: z.string(),
  /** The earliest moment the act may take effect (a raise waits for the rule set's notice). */
  earliestEffectiveFrom: z.string(),
});
export type DecisionDraftView = z.infer<typeof decisionDraftView>;
