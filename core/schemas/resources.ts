import { z } from 'zod';
import { forceAvailabilities, forceKinds, type ForceKind } from '../rules/resources/forces.ts';
import { itemCodes, unitsOfMeasure, type ItemCode, type UnitOfMeasure } from '../rules/resources/catalogue.ts';
import { movementKinds } from '../rules/resources/stock.ts';
import { localityCode, pageQuery, queryFlag } from './common.ts';
import { unitRef } from './units.ts';

/** Means, supplies, forces and donations of a unit (issue 18): what a unit HAS. */

const date = z.iso.date('Ngày không hợp lệ (YYYY-MM-DD) / Invalid date (YYYY-MM-DD)');
const uuid = z.string().uuid();
const quantity = z.coerce.number().int().min(1).max(100_000_000);
const lot = z.string().trim().min(1).max(60);

// --- what a unit has (read by the plans module for readiness) -----------------------------------

export interface StockOnHand {
  quantity: number;
  unit: UnitOfMeasure;
  expiringWithin30Days: number;
}
export interface Availability {
  forcesByKind: Record<ForceKind, number>;
  stockByItem: Partial<Record<ItemCode, StockOnHand>>;
}

// --- stores and stock ----------------------------------------------------------------------------

export const newStoreRequest = z.object({
  clientKey: uuid,
  unitId: uuid,
  name: z.string().trim().min(1).max(200),
});
export type NewStoreRequest = z.infer<typeof newStoreRequest>;

export const storeView = z.object({
  id: uuid,
  name: z.string(),
  unit: unitRef,
  localityCode: z.string(),
  /** The caller may record movements (an officer of the unit, or the system). */
  canRecord: z.boolean(),
});
export type StoreView = z.infer<typeof storeView>;

export const listStoresQuery = pageQuery.extend({ locality: localityCode.optional(), unit: uuid.optional() });
export type ListStoresQuery = z.infer<typeof listStoresQuery>;

export const stockLotView = z.object({ lot: z.string(), expiresOn: date.nullable(), quantity: z.number().int() });

export const stockLineView = z.object({
  item: z.enum(itemCodes),
  itemName: z.string(),
  unit: z.enum(unitsOfMeasure),
  /** Usable now: expired lots excluded. */
  quantity: z.number().int(),
  expired: z.number().int(),
  expiringWithin30Days: z.number().int(),
  minimum: z.number().int().nullable(),
  belowMinimum: z.boolean(),
  issuedPerDay: z.number(),
  daysOfCover: z.number().int().nullable(),
  lots: z.array(stockLotView),
});
export type StockLineView = z.infer<typeof stockLineView>;

export const stockQuery = z.object({
  /** The epidemic level whose minimum stocks apply (1–4); none: no minimum compared. */
  level: z.coerce.number().int().min(1).max(4).optional(),
});
export const storeStockView = z.object({
  store: storeView,
  level: z.number().int().nullable(),
  lines: z.array(stockLineView),
});
export type StoreStockView = z.infer<typeof storeStockView>;

export const receiptRequest = z.object({
  clientKey: uuid,
  item: z.enum(itemCodes),
  quantity,
  lot: lot.optional(),
  expiresOn: date.optional(),
  /** Where it came from: a purchase, the ministry, a donation… */
  source: z.string().trim().max(300).optional(),
});
export type ReceiptRequest = z.infer<typeof receiptRequest>;

export const issueRequest = z.object({
  clientKey: uuid,
  item: z.enum(itemCodes),
  quantity,
  /** A given lot; none: first expiring, first out. */
  lot: lot.optional(),
  /** To whom or for what: a testing campaign, a quarantine site… */
  purpose: z.string().trim().min(1).max(300),
});
export type IssueRequest = z.infer<typeof issueRequest>;

export const transferRequest = z.object({
  clientKey: uuid,
  toStoreId: uuid,
  item: z.enum(itemCodes),
  quantity,
  lot: lot.optional(),
  note: z.string().trim().max(300).optional(),
});
export type TransferRequest = z.infer<typeof transferRequest>;

export const adjustmentRequest = z.object({
  clientKey: uuid,
  item: z.enum(itemCodes),
  lot: lot.optional(),
  /** What the count found: the ledger records the difference. */
  countedQuantity: z.coerce.number().int().min(0).max(100_000_000),
  note: z.string().trim().min(1).max(300),
});
export type AdjustmentRequest = z.infer<typeof adjustmentRequest>;

export const minimumRequest = z.object({
  item: z.enum(itemCodes),
  level: z.coerce.number().int().min(1).max(4),
  minimum: z.coerce.number().int().min(0).max(100_000_000),
});
export type MinimumRequest = z.infer<typeof minimumRequest>;

export const movementView = z.object({
  id: uuid,
  kind: z.enum(movementKinds),
  item: z.enum(itemCodes),
  itemName: z.string(),
  lot: z.string().nullable(),
  expiresOn: date.nullable(),
  /** Signed: receipts and transfers in add, issues and transfers out take. */
  quantity: z.number().int(),
  balanceAfter: z.number().int(),
  counterpartStore: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
  by: z.string().nullable(),
});
export type MovementView = z.infer<typeof movementView>;

export const ledgerQuery = pageQuery.extend({
  item: z.enum(itemCodes).optional(),
  kind: z.enum(movementKinds).optional(),
});
export type LedgerQuery = z.infer<typeof ledgerQuery>;

export const movementResult = z.object({ movements: z.array(movementView), stock: stockLineView });
export type MovementResult = z.infer<typeof movementResult>;

// --- forces ---------------------------------------------------------------------------------------

export const newForceMemberRequest = z.object({
  clientKey: uuid,
  unitId: uuid,
  kind: z.enum(forceKinds),
  fullName: z.string().trim().min(1).max(200),
  phone: z.string().trim().max(20).optional(),
  skills: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  availability: z.enum(forceAvailabilities).default('standby'),
  assignment: z.string().trim().max(300).optional(),
});
export type NewForceMemberRequest = z.infer<typeof newForceMemberRequest>;

export const updateForceMemberRequest = z.object({
  availability: z.enum(forceAvailabilities),
  assignment: z.string().trim().max(300).nullable(),
});
export type UpdateForceMemberRequest = z.infer<typeof updateForceMemberRequest>;

export const forceMemberView = z.object({
  id: uuid,
  kind: z.enum(forceKinds),
  fullName: z.string(),
  phone: z.string().nullable(),
  skills: z.array(z.string()),
  availability: z.enum(forceAvailabilities),
  assignment: z.string().nullable(),
  homeUnit: unitRef,
  /** Where the member serves now: another unit while sent as reinforcement. */
  servingUnit: unitRef,
});
export type ForceMemberView = z.infer<typeof forceMemberView>;

export const listForcesQuery = pageQuery.extend({
  locality: localityCode.optional(),
  unit: uuid.optional(),
  kind: z.enum(forceKinds).optional(),
  availableOnly: queryFlag.optional(),
});
export type ListForcesQuery = z.infer<typeof listForcesQuery>;

export const dutyRequest = z.object({
  clientKey: uuid,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  post: z.string().trim().min(1).max(200),
});
export type DutyRequest = z.infer<typeof dutyRequest>;
export const dutyView = z.object({
  id: uuid,
  memberId: uuid,
  fullName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  post: z.string(),
});
export type DutyView = z.infer<typeof dutyView>;
export const dutiesQuery = z.object({
  unit: uuid,
  from: date,
  days: z.coerce.number().int().min(1).max(31).default(7),
});
export type DutiesQuery = z.infer<typeof dutiesQuery>;

export const reinforcementStatuses = ['open', 'fulfilled', 'declined'] as const;
export const reinforcementRequest = z.object({
  clientKey: uuid,
  unitId: uuid,
  kind: z.enum(forceKinds),
  count: z.coerce.number().int().min(1).max(500),
  reason: z.string().trim().min(1).max(1000),
});
export type ReinforcementRequest = z.infer<typeof reinforcementRequest>;

export const reinforcementView = z.object({
  id: uuid,
  unit: unitRef,
  /** The upper level asked. */
  askedOf: unitRef,
  kind: z.enum(forceKinds),
  count: z.number().int(),
  assigned: z.number().int(),
  reason: z.string(),
  status: z.enum(reinforcementStatuses),
  createdAt: z.string(),
  /** The caller is an officer of the upper level (or above) and may assign people. */
  canAssign: z.boolean(),
});
export type ReinforcementView = z.infer<typeof reinforcementView>;
export const listReinforcementsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  status: z.enum(reinforcementStatuses).optional(),
});
export type ListReinforcementsQuery = z.infer<typeof listReinforcementsQuery>;
export const assignReinforcementRequest = z.object({ memberIds: z.array(uuid).min(1).max(500) });
export type AssignReinforcementRequest = z.infer<typeof assignReinforcementRequest>;
export const declineReinforcementRequest = z.object({ reason: z.string().trim().min(1).max(1000) });

// --- donations and support (Conclusion 296) -----------------------------------------------------

export const donationPurposes = [
  'general',
  'lockdown_households',
  'quarantine',
  'people_in_difficulty',
  'medical_supplies',
] as const;
export type DonationPurpose = (typeof donationPurposes)[number];
export const donorKinds = ['person', 'business', 'organisation', 'anonymous'] as const;
export const donationForms = ['cash', 'goods'] as const;

export const donationRequest = z
  .object({
    clientKey: uuid,
    unitId: uuid,
    donorKind: z.enum(donorKinds),
    donorName: z.string().trim().min(1).max(200).optional(),
    form: z.enum(donationForms),
    /** Cash in đồng; goods counted in `goodsUnit`. */
    amount: z.coerce.number().int().min(1).max(1_000_000_000_000),
    goodsDescription: z.string().trim().min(1).max(300).optional(),
    goodsUnit: z.string().trim().min(1).max(30).optional(),
    purpose: z.enum(donationPurposes),
    receivedOn: date,
  })
  .refine((d) => d.donorKind === 'anonymous' || d.donorName !== undefined, {
    path: ['donorName'],
    message: 'Nhập tên nhà hảo tâm hoặc chọn ẩn danh / Enter the donor, or choose anonymous',
  })
  .refine((d) => d.form === 'cash' || (d.goodsDescription !== undefined && d.goodsUnit !== undefined), {
    path: ['goodsDescription'],
    message: 'Ghi rõ hàng hoá và đơn vị tính / Describe the goods and their unit',
  });
export type DonationRequest = z.infer<typeof donationRequest>;

export const donationView = z.object({
  id: uuid,
  unit: unitRef,
  donorKind: z.enum(donorKinds),
  donorName: z.string().nullable(),
  form: z.enum(donationForms),
  amount: z.number(),
  goodsDescription: z.string().nullable(),
  goodsUnit: z.string().nullable(),
  purpose: z.enum(donationPurposes),
  receivedOn: date,
  distributed: z.number(),
  remaining: z.number(),
});
export type DonationView = z.infer<typeof donationView>;
export const listDonationsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  purpose: z.enum(donationPurposes).optional(),
});
export type ListDonationsQuery = z.infer<typeof listDonationsQuery>;

export const recipientKinds = ['household_in_lockdown', 'household_in_quarantine', 'person_in_difficulty'] as const;
export const distributionRequest = z.object({
  clientKey: uuid,
  recipientKind: z.enum(recipientKinds),
  recipientName: z.string().trim().min(1).max(200),
  recipientAddress: z.string().trim().max(300).optional(),
  /** The commune the recipient lives in. */
  locality: localityCode,
  amount: z.coerce.number().int().min(1).max(1_000_000_000_000),
  distributedOn: date,
});
export type DistributionRequest = z.infer<typeof distributionRequest>;

export const distributionView = z.object({
  id: uuid,
  donationId: uuid,
  recipientKind: z.enum(recipientKinds),
  recipientName: z.string(),
  recipientAddress: z.string().nullable(),
  localityCode: z.string(),
  localityName: z.string(),
  amount: z.number(),
  distributedOn: date,
});
export type DistributionView = z.infer<typeof distributionView>;
export const listDistributionsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  donation: uuid.optional(),
});
export type ListDistributionsQuery = z.infer<typeof listDistributionsQuery>;

export const publicSupportQuery = z.object({ province: localityCode });
export const publicSupportLine = z.object({
  purpose: z.enum(donationPurposes),
  localityCode: z.string(),
  localityName: z.string(),
  form: z.enum(donationForms),
  received: z.number(),
  distributed: z.number(),
  donations: z.number().int(),
  distributions: z.number().int(),
});
export const publicSupportView = z.object({
  province: z.object({ code: z.string(), name: z.string() }),
  cashReceived: z.number(),
  cashDistributed: z.number(),
  lines: z.array(publicSupportLine),
});
export type PublicSupportView = z.infer<typeof publicSupportView>;
