import type { TodayItem } from '../../../../core/schemas/today.ts';

/** A capacity alert's id is `<facilityId>:<kind>` (the same facility can alert for two kinds). */
export function capacityKindOf(item: TodayItem): string | undefined {
  const i = item.id.lastIndexOf(':');
  return i > 0 ? item.id.slice(i + 1) : undefined;
}
