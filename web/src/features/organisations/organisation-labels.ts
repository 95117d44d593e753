import type { TFunction } from 'i18next';
import type { VenueStatus } from '../../../../core/rules/venue-status.ts';
import type { OrganisationType, RiskGroup } from '../../../../core/schemas/assessment-template.ts';
import type { Option } from '../../ui/form.tsx';

/**
 * The closed lists of core/schemas/assessment-template.ts, repeated here so the pages do not pull
 * zod into the bundle; `Record<…, true>` makes the compiler check they are complete.
 */
const typeSet: Record<OrganisationType, true> = {
  agency: true,
  enterprise: true,
  school: true,
  market: true,
  supermarket: true,
  restaurant: true,
  industrial_park: true,
  dormitory: true,
  health_facility: true,
  other: true,
};
const groupSet: Record<RiskGroup, true> = { very_low: true, low: true, medium: true, high: true, very_high: true };
const statusSet: Record<VenueStatus, true> = { pending: true, approved: true, rejected: true, suspended: true };

export const organisationTypeList = Object.keys(typeSet) as OrganisationType[];
export const riskGroupList = Object.keys(groupSet) as RiskGroup[];
export const organisationStatusList = Object.keys(statusSet) as VenueStatus[];

export const typeOptions = (t: TFunction): Option[] =>
  organisationTypeList.map((v) => ({ value: v, label: t(`organisations.type.${v}`) }));
export const statusOptions = (t: TFunction): Option[] =>
  organisationStatusList.map((v) => ({ value: v, label: t(`organisations.status.${v}`) }));
export const groupOptions = (t: TFunction): Option[] => [
  ...riskGroupList.map((v) => ({ value: v, label: t(`organisations.group.${v}`) })),
  { value: 'none', label: t('organisations.group.none') },
];

const statusBadge: Record<VenueStatus, string> = {
  pending: 'badge badge-warn',
  approved: 'badge badge-ok',
  rejected: 'badge badge-off',
  suspended: 'badge badge-alert',
};
export const statusBadgeClass = (s: VenueStatus) => statusBadge[s];

/** Each group has its own colour (organisations.css), lowest risk green to highest red. */
export const groupBadgeClass = (g: RiskGroup) => `badge risk-group risk-group-${g.replace('_', '-')}`;

/** A day (YYYY-MM-DD) before today in Viet Nam: the re-assessment is overdue. */
export function isOverdue(dueOn: string, today: string): boolean {
  return dueOn < today;
}
