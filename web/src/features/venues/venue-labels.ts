import type { TFunction } from 'i18next';
import type { VenueDecision, VenueStatus } from '../../../../core/rules/venue-status.ts';
import type { GatePolicy, VenueType } from '../../../../core/schemas/venues.ts';
import type { Option } from '../../ui/form.tsx';

/**
 * The closed lists of core/schemas/venues.ts and core/rules/venue-status.ts, repeated here so the page
 * does not pull zod into the bundle; `Record<…, true>` makes the compiler check they are complete.
 */
const typeSet: Record<VenueType, true> = {
  office: true,
  factory: true,
  shop: true,
  market: true,
  restaurant: true,
  school: true,
  hospital: true,
  hotel: true,
  transport: true,
  religious: true,
  event: true,
  other: true,
};
const statusSet: Record<VenueStatus, true> = { pending: true, approved: true, rejected: true, suspended: true };
const policySet: Record<GatePolicy, true> = { open: true, require_declaration: true };

export const venueTypeList = Object.keys(typeSet) as VenueType[];
export const venueStatusList = Object.keys(statusSet) as VenueStatus[];
export const gatePolicyList = Object.keys(policySet) as GatePolicy[];

export const typeOptions = (t: TFunction): Option[] =>
  venueTypeList.map((v) => ({ value: v, label: t(`venues.type.${v}`) }));
export const statusOptions = (t: TFunction): Option[] =>
  venueStatusList.map((v) => ({ value: v, label: t(`venues.status.${v}`) }));
export const policyOptions = (t: TFunction): Option[] =>
  gatePolicyList.map((v) => ({ value: v, label: t(`venues.gatePolicy.${v}`) }));

const badgeClass: Record<VenueStatus, string> = {
  pending: 'badge badge-warn',
  approved: 'badge badge-ok',
  rejected: 'badge badge-off',
  suspended: 'badge badge-alert',
};
export const statusBadgeClass = (s: VenueStatus) => badgeClass[s];

/** Refusing or suspending must say why (core/rules/venue-status.ts `decisionNeedsNote`). */
export const decisionNeedsNote = (d: VenueDecision) => d === 'reject' || d === 'suspend';
