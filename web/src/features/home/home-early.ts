import { todayContract } from '../../../../core/contracts/today.ts';
import type { Role } from '../../../../core/roles.ts';
import { askEarly } from '../../ui/early.ts';
import { canSeeTodayWork } from '../auth/permissions.ts';

/** Items of each group in the home page's panel of today's work (the rest is on /today). */
export const TODAY_PANEL_ITEMS = 3;

let asked = false;

/**
 * The home page's situation and today's work, asked for once per page load as soon as the router
 * knows the user and the area (`ui/early.ts`), beside the locality tree and the page's own code,
 * instead of after them. The situation first: the database answers requests in turn.
 */
export function askHomeEarly(code: string, role: Role): void {
  if (asked) return;
  asked = true;
  askEarly(todayContract.getTodaySituation, { query: { locality: code } });
  if (canSeeTodayWork(role))
    askEarly(todayContract.getToday, { query: { locality: code, perGroup: TODAY_PANEL_ITEMS } });
}
