import { z } from 'zod';
import { localityCode } from './common.ts';

/** Today's work (issue 5): what is due in the user's area, oldest first, overdue flagged. */
export const todayKinds = [
  'contacts_to_decide',
  'quarantine_to_arrange',
  'tests_due',
  'releases_due',
  'missing_reports',
  'case_proposals',
  'capacity_alerts',
  'levels_to_decide',
  'link_requests',
  'workplace_follow_ups',
  'referrals_in',
  'self_reports',
  'overdue_actions',
  'national_directives',
  'workplace_symptoms',
] as const;
export type TodayKind = (typeof todayKinds)[number];

export const todayItem = z.object({
  id: z.string(),
  /** Who or what it is about: a person's name, a facility. */
  label: z.string(),
  /** Viet Nam date it was due (or raised), when it has one. */
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  /** The web client's page where the work is done (a list when the item has no page of its own). */
  link: z.string(),
});
export type TodayItem = z.infer<typeof todayItem>;

export const todayGroup = z.object({
  kind: z.enum(todayKinds),
  count: z.number().int(),
  overdue: z.number().int(),
  items: z.array(todayItem),
});
export const todayWork = z.object({ date: z.string(), groups: z.array(todayGroup) });
export type TodayWork = z.infer<typeof todayWork>;
export const todayQuery = z.object({
  locality: localityCode.optional(),
  perGroup: z.coerce.number().int().min(1).max(100).default(10),
});
