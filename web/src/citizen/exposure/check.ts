import { listVisits } from '../visits.ts';
import { fetchFeed } from './feed.ts';
import { matchFeed, type ExposureAlert } from './match.ts';

export type { ExposureAlert } from './match.ts';

const resultItem = 'pd.exposure';

/** The last warnings found (shown offline, and before the next check answers). */
export function lastAlerts(): ExposureAlert[] {
  try {
    return JSON.parse(localStorage.getItem(resultItem) ?? '[]') as ExposureAlert[];
  } catch {
    return [];
  }
}

/**
 * Fetches the feed of each province this phone's check-ins were in and matches them on the phone
 * (core/rules/exposure-alerts.ts): nothing about the check-ins leaves the phone.
 */
export async function checkExposures(): Promise<ExposureAlert[]> {
  const visits = (await listVisits()).filter((v) => v.exposureKey && v.provinceCode);
  const found: ExposureAlert[] = [];
  for (const province of new Set(visits.map((v) => v.provinceCode!)))
    found.push(...(await matchFeed(await fetchFeed(province), visits)));
  found.sort((a, b) => b.from.localeCompare(a.from));
  try {
    localStorage.setItem(resultItem, JSON.stringify(found));
  } catch {
    // storage blocked: shown now, not offline
  }
  return found;
}
